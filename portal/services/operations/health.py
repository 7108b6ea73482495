"""Readiness checks and the queue's figures (see the package docstring)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, text

from portal import clock
from portal.database import end_read_transaction, write_transaction
from portal.extensions import db, queue
from portal.models import FailedTask
from portal.services.actor import Actor, require_admin

FAILURE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Check:
    name: str  # "database" or "queue"
    ok: bool
    reason: str | None = None  # the exception's class when not ok


def _database() -> Check:
    try:
        db.session.execute(text("SELECT 1"))
        return Check("database", True)
    except Exception as error:
        return Check("database", False, type(error).__name__)
    finally:
        with suppress(Exception):  # the connection is gone: nothing to end
            end_read_transaction()


def _queue() -> Check:
    try:
        queue.ping()
        return Check("queue", True)
    except Exception as error:
        return Check("queue", False, type(error).__name__)


def readiness() -> tuple[Check, ...]:
    """Whether the database and the queue answer now."""
    return (_database(), _queue())


@dataclass(frozen=True)
class QueueFigures:
    kind: str  # the storage: "sqlite", "redis" or "memory"
    reachable: bool
    pending: int | None
    scheduled: int | None
    failed_recently: int  # failed attempts in the last FAILURE_WINDOW
    recent_failures: list[FailedTask]


def queue_figures(*, actor: Actor) -> QueueFigures:
    """The queue's depth, what is scheduled, and the failed attempts. Raises Forbidden."""
    require_admin(actor)
    try:
        pending, scheduled, reachable = queue.pending_count(), queue.scheduled_count(), True
    except Exception:
        pending, scheduled, reachable = None, None, False
    since = clock.now() - FAILURE_WINDOW
    failed = db.session.scalar(
        select(func.count(FailedTask.id)).where(FailedTask.failed_at >= since)
    )
    recent = list(db.session.scalars(
        select(FailedTask).order_by(FailedTask.id.desc()).limit(10)
    ))
    return QueueFigures(queue.kind, reachable, pending, scheduled, failed or 0, recent)


def record_failed_task(*, task_name: str, task_id: str, error: str, will_retry: bool) -> None:
    """Keep one failed attempt of a queue task (the consumer's error signal)."""
    with write_transaction():
        db.session.add(FailedTask(
            task_name=task_name[:64], task_id=task_id[:64], failed_at=clock.now(),
            error=error[:64], will_retry=will_retry,
        ))

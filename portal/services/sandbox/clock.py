"""The sandbox clock (issue 17 item 1): move simulated time forwards, never backwards.

The offset lives in one database row (portal.models.sandbox_clock), so every web worker and the
queue consumer read the same simulated day (portal.clock caches it for a second). Moves are
refused unless the configuration turns the sandbox clock on (SANDBOX_CLOCK_ENABLED: on in
development, off in production unless SANDBOX_CLOCK_ALLOWED=1), and audited as
`sandbox.clock_moved` in the system's stream. Session timeouts, rate limits, lockouts and TOTP
steps keep real time (portal.clock.real_now).

After a move commits, the time-based work follows at once rather than at its next hourly run:
the periodic tasks that read the clock (FOLLOW_UP_TASKS: refund steps, exemption and ban
endings, automatic decisions) are queued, so an integrator receives refund.issued seconds after
advancing. Each is idempotent, so its own hourly run later finds nothing more to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from portal import clock
from portal.database import enqueue_after_commit, write_transaction
from portal.extensions import db
from portal.models.sandbox_clock import CLOCK_ROW, SandboxClock
from portal.rules.messages import Day, Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError

MAX_DAYS = 3660  # one move: at most ten years
# The periodic tasks (portal/jobs) that read clock.today(), run again after every move.
FOLLOW_UP_TASKS = ("refunds.advance", "compliance.announce_endings", "decisions.auto_decide")
_OFFSET = select(SandboxClock.offset_seconds).where(SandboxClock.id == CLOCK_ROW)


@dataclass(frozen=True, slots=True)
class ClockState:
    enabled: bool
    today: date  # the simulated day
    real_today: date

    @property
    def days_ahead(self) -> int:
        return (self.today - self.real_today).days


def offset_reader(bind: Callable[[], Any]) -> Callable[[], timedelta]:
    """What portal.clock calls to learn the offset: one indexed read on a connection of its own
    (never the session's, which may be flushing), or on the test's connection."""

    def read() -> timedelta:
        engine = bind()
        if isinstance(engine, Connection):
            seconds = engine.execute(_OFFSET).scalar()
        else:
            with engine.connect() as connection:
                seconds = connection.execute(_OFFSET).scalar()
        return timedelta(seconds=seconds or 0)

    return read


def state(*, enabled: bool) -> ClockState:
    return ClockState(enabled=enabled, today=clock.today(), real_today=clock.real_now().date())


def advance(*, days: int, actor: Actor, enabled: bool) -> ClockState:
    """Move simulated time `days` days forwards (1 to MAX_DAYS)."""
    require_admin(actor)
    if not enabled:
        raise Conflict(Message.of("sandbox.clock_disabled"))
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(Message.of("sandbox.clock_days", maximum=MAX_DAYS), field="days")
    return _move(days, actor)


def set_day(*, day: date, actor: Actor, enabled: bool) -> ClockState:
    """Move simulated time forwards to `day` (the same time of day); today changes nothing, an
    earlier day is refused."""
    require_admin(actor)
    if not enabled:
        raise Conflict(Message.of("sandbox.clock_disabled"))
    days = (day - clock.today()).days
    if days < 0:
        raise DomainError(Message.of("sandbox.clock_backwards", today=Day(clock.today())),
                          field="day")
    if days > MAX_DAYS:
        raise DomainError(Message.of("sandbox.clock_days", maximum=MAX_DAYS), field="day")
    return _move(days, actor) if days else state(enabled=True)


def _move(days: int, actor: Actor) -> ClockState:
    before = clock.today()
    with write_transaction():
        row = db.session.scalars(
            select(SandboxClock).where(SandboxClock.id == CLOCK_ROW).with_for_update()
        ).first()
        if row is None:
            row = SandboxClock(id=CLOCK_ROW, offset_seconds=0, moved_at=clock.real_now())
            db.session.add(row)
        row.offset_seconds = (row.offset_seconds or 0) + days * 86_400
        row.moved_at, row.moved_by_user_id = clock.real_now(), actor.user_id
        db.session.flush()
        clock.forget_offset()
        audit.record("sandbox.clock_moved", actor=actor, object_type="sandbox_clock",
                     object_id=CLOCK_ROW,
                     details={"from": before.isoformat(), "days": days,
                              "to": (before + timedelta(days=days)).isoformat()})
        for task in FOLLOW_UP_TASKS:
            enqueue_after_commit(task)
    clock.forget_offset()
    return state(enabled=True)

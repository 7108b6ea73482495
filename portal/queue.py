"""The task queue: Huey, bound to the app like any other extension.

Storage comes from QUEUE_URL (config.py reads HUEY_URL, then REDIS_URL):
- `sqlite:///path` (the embedded default, a file under instance/: no server),
- `redis://host:port/db` (any number of consumers on any number of hosts),
- `memory://` (tests: tasks wait in the process until a test runs them).
QUEUE_IMMEDIATE runs every task at once, in the enqueuing process (Huey's immediate mode).

Tasks are registered by name with `queue.task(name)` (portal/jobs/) and enqueued by name, so
services can ask for background work without importing the edges:
`portal.database.enqueue_after_commit(name, **kwargs)` queues the task only once the use case's
write transaction has committed (a rolled back use case asks for nothing).
Each task runs inside an app context of its own.

Delivery is at least once: Huey removes a task when a consumer takes it, so a consumer killed in
the middle loses it. Work that must not be lost (email, webhooks) is therefore recorded in the
database first; the periodic sweep (portal/jobs/sweep.py) enqueues again whatever is still due,
and every task is idempotent.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_app_context
from huey import Huey, MemoryHuey, crontab
from huey.api import TaskWrapper
from huey.storage import BaseStorage, MemoryStorage, RedisStorage, SqliteStorage

logger = logging.getLogger(__name__)


def _storage_for(url: str) -> tuple[type[BaseStorage], dict[str, Any]]:
    if url.startswith(("redis://", "rediss://")):
        return RedisStorage, {"url": url}
    if url.startswith("sqlite:///"):
        filename = url.removeprefix("sqlite:///")
        # A clean clone has no instance/ yet: SQLite makes the file, not its folder.
        Path(filename).parent.mkdir(parents=True, exist_ok=True)
        return SqliteStorage, {"filename": filename, "timeout": 15}
    if url in ("memory://", "memory"):
        return MemoryStorage, {}
    raise ValueError(f"QUEUE_URL must be sqlite:///..., redis://... or memory:// (got {url!r})")


class Queue:
    """One Huey instance per process; `init_app` points it at the app's storage."""

    def __init__(self) -> None:
        self.huey: Huey = MemoryHuey("portal", immediate=False)
        self.app: Flask | None = None
        self._tasks: dict[str, TaskWrapper] = {}
        self._periodic: list[tuple[str, Callable[..., Any], Any]] = []

    # -- binding -----------------------------------------------------------------------------
    def init_app(self, app: Flask) -> None:
        storage, kwargs = _storage_for(app.config["QUEUE_URL"])
        huey = self.huey
        huey.name = app.config.get("QUEUE_NAME", "portal")
        huey.storage_class = storage
        huey.storage_kwargs = kwargs
        huey._immediate = bool(app.config.get("QUEUE_IMMEDIATE", False))
        huey.storage = huey.create_storage()
        self.app = app
        app.extensions["queue"] = self

    @property
    def kind(self) -> str:
        """ "sqlite", "redis" or "memory": what the admin page and /readyz show."""
        return type(self.huey.storage).__name__.removesuffix("Storage").lower()

    # -- registration (portal/jobs) ----------------------------------------------------------
    def task(self, name: str, **settings: Any) -> Callable[[Callable[..., Any]], TaskWrapper]:
        """Register `fn` as the task `name`; it runs in an app context of its own."""

        def register(fn: Callable[..., Any]) -> TaskWrapper:
            if name in self._tasks:
                return self._tasks[name]
            wrapper = self.huey.task(name=name, **settings)(self._in_app_context(fn))
            self._tasks[name] = wrapper
            return wrapper

        return register

    def periodic_task(self, name: str, schedule: Any) -> Callable[[Callable[..., Any]], Any]:
        """Register `fn` to run on `schedule` (a huey crontab) in the consumer."""

        def register(fn: Callable[..., Any]) -> Any:
            if name in self._tasks:
                return self._tasks[name]
            wrapper = self.huey.periodic_task(schedule, name=name)(self._in_app_context(fn))
            self._tasks[name] = wrapper
            return wrapper

        return register

    def _in_app_context(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            app = current_app._get_current_object() if has_app_context() else self.app  # type: ignore[attr-defined]  # hidden by LocalProxy
            if app is None:
                raise RuntimeError("the queue is not bound to an app (create_app binds it)")
            # A fresh app context: its own database session, never the enqueuer's.
            with app.app_context():
                return fn(*args, **kwargs)

        return run

    def names(self) -> list[str]:
        return sorted(self._tasks)

    # -- enqueueing --------------------------------------------------------------------------
    def enqueue(self, name: str, **kwargs: Any) -> None:
        """Queue the task `name` now (immediate mode: run it now)."""
        try:
            wrapper = self._tasks[name]
        except KeyError:
            raise LookupError(f"no task named {name!r} (see portal/jobs/)") from None
        wrapper(**kwargs)

    def enqueue_in(self, name: str, delay_seconds: float, **kwargs: Any) -> None:
        """Queue the task `name` to run in `delay_seconds` (a retry's backoff). Immediate mode
        keeps it in the schedule too: it does not run at once."""
        try:
            wrapper = self._tasks[name]
        except KeyError:
            raise LookupError(f"no task named {name!r} (see portal/jobs/)") from None
        wrapper.schedule(kwargs=kwargs, delay=delay_seconds)

    def enqueue_quietly(self, name: str, kwargs: dict[str, Any]) -> None:
        """After a commit the change is made: a queue that is down must not turn it into an
        error page. The sweep enqueues the work again later."""
        try:
            self.enqueue(name, **kwargs)
        except Exception:
            logger.exception("queue.enqueue_failed task=%s", name)

    # -- inspection (admin page, /readyz, tests) ---------------------------------------------
    def pending_count(self) -> int:
        return int(self.huey.pending_count())

    def scheduled_count(self) -> int:
        return int(self.huey.scheduled_count())

    def ping(self) -> None:
        """Raise if the storage cannot be reached."""
        self.huey.pending_count()

    def run_pending(self, limit: int = 100) -> int:
        """Run the tasks waiting in the queue in this process (tests and `flask jobs run`);
        returns how many ran."""
        ran = 0
        for _ in range(limit):
            task = self.huey.dequeue()
            if task is None:
                break
            self.huey.execute(task)
            ran += 1
        return ran

    def flush(self) -> None:
        self.huey.flush()


__all__ = ["Queue", "crontab"]

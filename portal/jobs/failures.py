"""Failed task attempts are recorded (portal.services.operations) for the admin's figures:
Huey's error signal, in the consumer, with the exception's class only."""

from __future__ import annotations

import logging
from typing import Any

from huey.signals import SIGNAL_ERROR

from portal.extensions import queue
from portal.services.operations import health

logger = logging.getLogger(__name__)


@queue.huey.signal(SIGNAL_ERROR)
def record_failure(signal: str, task: Any, exc: BaseException | None = None) -> None:
    app = queue.app
    if app is None:
        return
    try:
        with app.app_context():
            health.record_failed_task(
                task_name=str(task.name), task_id=str(task.id),
                error=type(exc).__name__ if exc is not None else "unknown",
                will_retry=bool(getattr(task, "retries", 0)),
            )
    except Exception:
        logger.exception("jobs.failure_not_recorded task=%s", task.name)

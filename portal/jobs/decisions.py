"""The sandbox's automatic decisions: every minute, decide the work permit applications
submitted SANDBOX_AUTO_DECIDE_AFTER_DAYS simulated days ago or more
(portal.services.work_permits.auto_decisions), refusal reasons worded in the applicant's
language. Off (0, the default outside development) it does nothing. Idempotent: a decided
application is never decided again."""

from __future__ import annotations

import logging

from flask import current_app

from portal import clock
from portal.catalogue import say_in
from portal.extensions import queue
from portal.queue import crontab
from portal.services.work_permits import auto_decisions

logger = logging.getLogger(__name__)


@queue.periodic_task("decisions.auto_decide_periodic", crontab(minute="*"))
def auto_decide_periodic() -> int:
    return auto_decide()


@queue.task("decisions.auto_decide")
def auto_decide_now() -> int:
    """On demand (a sandbox clock move queues it): read the offset afresh, not a cached one."""
    clock.forget_offset()
    return auto_decide()


def auto_decide() -> int:
    after = int(current_app.config.get("SANDBOX_AUTO_DECIDE_AFTER_DAYS") or 0)
    decided = auto_decisions.decide_due(after_days=after, word=say_in)
    if decided:
        logger.info("decisions.auto_decided count=%d after_days=%d", decided, after)
    return decided

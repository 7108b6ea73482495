"""Refunds of the compliance fee move on: every hour, on clock.today() (the sandbox clock), each
refund whose next step is due is approved or issued (portal.services.offers.refunds): once
each, idempotent, the employer told and refund.issued emitted at issue."""

from __future__ import annotations

import logging

from portal import clock
from portal.extensions import queue
from portal.queue import crontab
from portal.services.offers import refunds

logger = logging.getLogger(__name__)


@queue.periodic_task("refunds.advance_periodic", crontab(minute="10"))
def advance_periodic() -> dict[str, int]:
    return advance()


@queue.task("refunds.advance")
def advance_now() -> dict[str, int]:
    """On demand (a sandbox clock move queues it): read the offset afresh, not a cached one."""
    clock.forget_offset()
    return advance()


def advance() -> dict[str, int]:
    done = refunds.advance_refunds(today=clock.today())
    if done.approved or done.issued:
        logger.info("refunds.advanced approved=%d issued=%d", done.approved, done.issued)
    return {"approved": done.approved, "issued": done.issued}

"""Compliance-regime endings: every hour, tell employers of the exemptions that expired and the
bans that ended (portal.services.compliance.expiry), and of the inspection penalties that went
into default (portal.services.inspections.defaults): once each, idempotent."""

from __future__ import annotations

import logging

from portal import clock
from portal.extensions import queue
from portal.queue import crontab
from portal.services.compliance import expiry
from portal.services.inspections import defaults

logger = logging.getLogger(__name__)


@queue.periodic_task("compliance.announce_endings_periodic", crontab(minute="5"))
def announce_endings_periodic() -> dict[str, int]:
    return announce_endings()


@queue.task("compliance.announce_endings")
def announce_endings_now() -> dict[str, int]:
    """On demand (a sandbox clock move queues it): read the offset afresh, not a cached one."""
    clock.forget_offset()
    return announce_endings()


def announce_endings() -> dict[str, int]:
    today = clock.today()
    done = expiry.announce_endings(today=today)
    in_default = defaults.announce_defaults(today=today)
    if done.exemptions or done.bans or in_default:
        logger.info("compliance.endings_announced exemptions=%d bans=%d penalty_defaults=%d",
                    done.exemptions, done.bans, in_default)
    return {"exemptions": done.exemptions, "bans": done.bans, "penalty_defaults": in_default}

"""Compliance-regime endings: every hour, tell employers of the exemptions that expired and the
bans that ended (portal.services.compliance.expiry: once each, idempotent)."""

from __future__ import annotations

import logging

from portal import clock
from portal.extensions import queue
from portal.queue import crontab
from portal.services.compliance import expiry

logger = logging.getLogger(__name__)


@queue.periodic_task("compliance.announce_endings_periodic", crontab(minute="5"))
def announce_endings_periodic() -> dict[str, int]:
    return announce_endings()


@queue.task("compliance.announce_endings")
def announce_endings_now() -> dict[str, int]:
    return announce_endings()


def announce_endings() -> dict[str, int]:
    done = expiry.announce_endings(today=clock.today())
    if done.exemptions or done.bans:
        logger.info("compliance.endings_announced exemptions=%d bans=%d", done.exemptions,
                    done.bans)
    return {"exemptions": done.exemptions, "bans": done.bans}

"""The audit checkpoint: every ten minutes, sign the heads of the audit log's streams that moved
(portal.services.audit.checkpoints). Idempotent: with nothing appended it writes nothing, and
two consumers racing make one checkpoint. Without AUDIT_SIGNING_KEY it only logs a warning."""

from __future__ import annotations

import logging

from flask import current_app

from portal.extensions import queue
from portal.queue import crontab
from portal.services.audit import checkpoints

logger = logging.getLogger(__name__)


@queue.periodic_task("audit.checkpoint_periodic", crontab(minute="*/10"))
def checkpoint_periodic() -> int | None:
    return checkpoint()


@queue.task("audit.checkpoint")
def checkpoint_now() -> int | None:
    return checkpoint()


def checkpoint() -> int | None:
    """Write a checkpoint; its number, or None when there was nothing new (or no key)."""
    key = current_app.config.get("AUDIT_SIGNING_KEY")
    if not key:
        logger.warning("audit.checkpoint skipped: AUDIT_SIGNING_KEY is not set")
        return None
    written = checkpoints.write_checkpoint(signing_key=key)
    if written is None:
        return None
    logger.info("audit.checkpoint written number=%d events=%d", written.id, written.events)
    return written.id

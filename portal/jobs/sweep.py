"""The sweep: every minute (and when a consumer starts), queue again the work that is still due.

Huey drops a task once a consumer takes it, so a consumer killed in the middle of a task loses
it. Whatever must happen is therefore known from the database, and the sweep asks for it again:
- confirmation PDFs missing for a recently submitted offer's current version;
- emails and webhook deliveries due: queued and never taken, retries whose time has come,
  leases of killed consumers.
It also deletes the email links (confirmation, password reset) that expired or were used.
Every task it queues is idempotent, so queueing one that is also still waiting does no harm.
It also deletes form input held on the server for more than 24 hours (portal.services.held),
the records of ended sessions older than the absolute session limit, sign-in failures older
than an hour with the guards of ended lockouts (portal.services.accounts.lockout), and a batch's
uploaded rows (workers' personal data) after BATCH_ROWS_RETENTION_HOURS
(portal.services.batches.retention).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import current_app

from portal.extensions import queue
from portal.queue import crontab
from portal.services.accounts import email_links, lockout, session_ids
from portal.services.batches import retention
from portal.services.documents import confirmation as documents
from portal.services.held import forms as held
from portal.services.outbox import delivery
from portal.services.webhooks import delivery as webhook_delivery

logger = logging.getLogger(__name__)


@queue.periodic_task("jobs.sweep_periodic", crontab(minute="*"))
def sweep_periodic() -> dict[str, int]:
    return sweep()


@queue.task("jobs.sweep")
def sweep_now() -> dict[str, int]:
    return sweep()


def sweep() -> dict[str, int]:
    """Queue the work still due; returns how many tasks of each kind were queued."""
    offers = documents.offers_missing_confirmations()
    for offer_id in offers:
        queue.enqueue("documents.render_confirmation", offer_id=offer_id)
    emails = delivery.due_message_ids()
    for message_id in emails:
        queue.enqueue("email.deliver", message_id=message_id)
    hooks = webhook_delivery.due_delivery_ids()
    for delivery_id in hooks:
        queue.enqueue("webhooks.deliver", delivery_id=delivery_id)
    counts = {"documents.render_confirmation": len(offers), "email.deliver": len(emails),
              "webhooks.deliver": len(hooks)}
    purged = held.purge_expired()
    session_ids.purge_ended(max_age=current_app.config["SESSION_ABSOLUTE_TIMEOUT"])
    links = email_links.purge_expired()
    lockout.purge_expired()
    batches = retention.purge_rows(retention=timedelta(
        hours=current_app.config["BATCH_ROWS_RETENTION_HOURS"]))
    if any(counts.values()) or purged or links or batches.confirmed or batches.dry_runs:
        logger.info("jobs.sweep queued=%s held_forms_purged=%d email_links_purged=%d "
                    "batch_rows_purged=%d batch_dry_runs_deleted=%d", counts, purged, links,
                    batches.confirmed, batches.dry_runs)
    counts["email_links.purged"] = links
    counts["batches.rows_purged"] = batches.confirmed
    counts["batches.dry_runs_deleted"] = batches.dry_runs
    return counts

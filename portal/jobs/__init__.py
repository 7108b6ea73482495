"""Queue tasks and schedules: thin edges that call services, run by a Huey consumer.

`flask jobs worker` runs a consumer (bin/run starts one beside gunicorn); every task is
registered on the `queue` extension by name (portal/queue.py), idempotent, and safe to run more
than once: a consumer killed in the middle of a task loses it, and the work is done again.

Tasks:
- `documents.render_confirmation(offer_id)`: both PDF languages of a submitted offer.
- `email.deliver(message_id)`: one attempt at emailing an outbox message (SMTP_URL set).
- `webhooks.deliver(delivery_id)`: one signed attempt at a webhook delivery.
- `jobs.sweep` (every minute, and when a consumer starts): queues again whatever is due.
- `compliance.announce_endings` (every hour): tells employers of exemptions and bans that
  ended on their date, and of inspection penalties that went into default, once.
- `refunds.advance` (every hour): approves and issues the fee refunds due on clock.today()
  (Canadian business days, portal.rules.refunds), each step once, the employer told.
- `audit.checkpoint` (every ten minutes): signs the audit log's heads that moved.
- `decisions.auto_decide` (every minute, with SANDBOX_AUTO_DECIDE_AFTER_DAYS): the sandbox's
  automatic decisions of work permit applications by their test values.
The three that read the clock (refunds, compliance endings, decisions) are also queued by every
sandbox clock move (portal.services.sandbox.clock.FOLLOW_UP_TASKS), so they follow it at once.
Every failed attempt of a task is recorded (`failures`) for the admin home's figures.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.jobs import (  # noqa: F401  (importing registers the tasks)
        audit,
        cli,
        compliance,
        decisions,
        documents,
        email,
        failures,
        refunds,
        sweep,
        webhooks,
    )

    cli.init_app(app)

"""Automatic decisions of the sandbox (portal.rules.auto_decisions): the applications submitted
at least `after_days` simulated days ago are decided by their passport number's test value,
through `decide_application` (so refunds, messages, webhooks and the audit follow exactly as an
officer's decision would), by the portal itself (audited with `automatic: true`), in the
applicant's language. Each application is decided once: a decision already made (an officer's
first) is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.database import end_read_transaction
from portal.extensions import db
from portal.models import ApplicationStatus, WorkPermitApplication
from portal.rules.auto_decisions import auto_decision
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.errors import Conflict
from portal.services.work_permits.decisions import decide_application

AUTOMATIC = Actor(user_id=None, is_admin=True)  # the portal deciding, not a person
BATCH = 200


def decide_due(*, after_days: int, word: Callable[[Message, str], str]) -> int:
    """Decide every application submitted `after_days` or more days before now; returns how
    many were decided. `word(message, lang)` words a refusal's reason in a language (the edge
    gives the catalogue's)."""
    if after_days <= 0:
        return 0
    due = clock.now() - timedelta(days=after_days)
    rows = db.session.execute(
        select(WorkPermitApplication.id, WorkPermitApplication.passport_number,
               WorkPermitApplication.mismatch, WorkPermitApplication.language)
        .where(WorkPermitApplication.status == ApplicationStatus.SUBMITTED,
               WorkPermitApplication.submitted_at <= due)
        .order_by(WorkPermitApplication.submitted_at, WorkPermitApplication.id)
        .limit(BATCH)
    ).all()
    end_read_transaction()  # each decision is its own write transaction
    decided = 0
    for application_id, passport_number, mismatch, language in rows:
        outcome = auto_decision(passport_number, matched=not mismatch)
        reason = ("" if outcome.reason_code is None
                  else word(Message.of(outcome.reason_code), language or "en"))
        try:
            decide_application(application_id=application_id, approve=outcome.approve,
                               reason=reason, actor=AUTOMATIC, automatic=True)
        except Conflict:  # decided in between (an officer first): theirs stands
            continue
        decided += 1
    return decided

"""A penalty that goes into default: the employer is told, once.

Guarantees: `announce_defaults(today=...)` finds every inspection whose penalty is unpaid and in
default on `today` (rules.compliance.status: from the day after its due day) and not yet
announced, and for each, in one transaction: marks it announced, tells the employer's primary
users in their language (the outbox, and email with SMTP_URL) and audits
inspection.penalty_default. Idempotent: an announced inspection is never announced again, and
two consumers running it at once announce each once (the row is locked and read again). What
applies never depends on this task (compliance.standing reads the dates); it only tells people.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Inspection
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.inspections import notices
from portal.services.inspections.penalties import in_default


def _candidates(today: date) -> list[int]:
    return list(db.session.scalars(select(Inspection.id).where(
        Inspection.penalty_cents > 0, Inspection.penalty_paid_at.is_(None),
        Inspection.penalty_default_announced_at.is_(None),
        Inspection.penalty_due_on < today).order_by(Inspection.id)))


def _announce(inspection_id: int, today: date) -> bool:
    with write_transaction():
        row = db.session.scalar(select(Inspection).where(Inspection.id == inspection_id)
                                .with_for_update().execution_options(populate_existing=True))
        if row is None or row.penalty_default_announced_at is not None \
                or not in_default(row, today):
            return False
        row.penalty_default_announced_at = clock.now()
        notices.tell_employer(row, kind="inspection_penalty_default", penalty=row.penalty_cents,
                              due_on=row.penalty_due_on)
        audit.record("inspection.penalty_default", actor=Actor.system(),
                     employer_id=row.employer_id, object_type="inspection", object_id=row.id,
                     details={"amount_cents": row.penalty_cents,
                              "due_on": row.penalty_due_on.isoformat()
                              if row.penalty_due_on else None})
        return True


def announce_defaults(*, today: date) -> int:
    """Tell employers of the penalties in default on `today`. Commits per inspection; returns
    how many were announced."""
    return sum(_announce(i, today) for i in _candidates(today))

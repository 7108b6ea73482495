"""Telling the employer: the outbox (and email with SMTP_URL) in each primary user's language,
and the webhook events. Context holds the business name, ids, dates and amounts only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from portal.extensions import db
from portal.models import Employer, Inspection, Role, User, WebhookEventType
from portal.services.outbox import messages as outbox
from portal.services.webhooks import events as webhooks


def tell_employer(inspection: Inspection, *, kind: str, **context: Any) -> None:
    """Send message `kind` about the inspection to the employer's primary users."""
    employer = db.session.get(Employer, inspection.employer_id)
    business = employer.operating_name if employer is not None else ""
    users = db.session.scalars(select(User).where(
        User.employer_id == inspection.employer_id, User.role == Role.EMPLOYER_PRIMARY,
        User.is_active_account.is_(True)))
    for user in users:
        outbox.send(to_email=user.email, to_user_id=user.id, kind=kind,
                    language=user.preferred_language,
                    context={"business": business, "inspection": inspection.id, **context})


def _data(inspection: Inspection) -> dict[str, Any]:
    return {"employer": {"id": inspection.employer_id},
            "inspection": {"id": inspection.id, "ground": str(inspection.ground),
                           "state": str(inspection.state),
                           "opened_on": inspection.opened_on.isoformat(),
                           "due_on": inspection.due_on.isoformat()}}


def emit_opened(inspection: Inspection) -> None:
    webhooks.emit(WebhookEventType.EMPLOYER_INSPECTION_OPENED,
                  employer_id=inspection.employer_id, data=_data(inspection))


def emit_penalty(inspection: Inspection) -> None:
    data = _data(inspection)
    data["penalty"] = {
        "amount_cents": inspection.penalty_cents, "currency": "CAD",
        "due_on": inspection.penalty_due_on.isoformat() if inspection.penalty_due_on else None,
    }
    webhooks.emit(WebhookEventType.EMPLOYER_PENALTY_IMPOSED,
                  employer_id=inspection.employer_id, data=data)

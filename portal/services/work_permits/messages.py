"""Messages to the employer about the worker's step (offer matched, decision, refund issued),
through the simulator's outbox. Added to the caller's transaction; never commits.

Context carries only what the employer already knows: offer and application numbers, the
decision and the refunded amount, never the worker's personal data.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from portal.extensions import db
from portal.models import Offer, Role, User
from portal.services.outbox import messages as outbox


def notify_employer(*, offer: Offer, kind: str, context: dict[str, Any]) -> None:
    """Send `kind` to each active primary user of the offer's employer, in their language
    (added to the context as `language`)."""
    recipients = db.session.scalars(
        select(User).where(
            User.employer_id == offer.employer_id,
            User.role == Role.EMPLOYER_PRIMARY,
            User.is_active_account.is_(True),
        )
    )
    for user in recipients:
        outbox.send(
            to_email=user.email,
            to_user_id=user.id,
            kind=kind,
            language=user.preferred_language,
            context={**context, "language": user.preferred_language},
        )

"""Who may see and change an offer, and reading one.

- `get_offer(*, offer_id, actor)`: the offer if the actor may see it (its employer's users,
  administrators); NotFound otherwise (a missing offer and someone else's look the same).
- `get_offer_for_update`: the same, locking the row inside the write transaction begun.
- `get_offer_by_number(number)`: no access check; for the worker's work permit step.
- `require_submit_permission(actor)`: Forbidden for users who may only prepare offers.
- `successful_payment(offer)`: the offer's one successful payment, or None.
"""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import Offer, Payment, PaymentResult
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.errors import Forbidden, NotFound


def get_offer(*, offer_id: int, actor: Actor) -> Offer:
    """The offer, for its employer's users and for administrators. Raises NotFound."""
    offer = db.session.get(Offer, offer_id)
    if offer is None or not _may_see(offer, actor):
        raise NotFound(Message.of("offer.not_found"))
    return offer


def get_offer_for_update(*, offer_id: int, actor: Actor) -> Offer:
    """As get_offer, locking the row (PostgreSQL) inside the write transaction already begun."""
    offer = db.session.scalar(
        select(Offer).where(Offer.id == offer_id).with_for_update().execution_options(
            populate_existing=True
        )
    )
    if offer is None or not _may_see(offer, actor):
        raise NotFound(Message.of("offer.not_found"))
    return offer


def _may_see(offer: Offer, actor: Actor) -> bool:
    if actor.is_admin:
        return True
    return actor.employer_id is not None and offer.employer_id == actor.employer_id


def get_offer_by_number(number: str) -> Offer | None:
    """The submitted offer with this number (exact match), or None. No access check: the worker
    service uses it and must show no more than the worker may see."""
    if not isinstance(number, str):
        return None
    return db.session.scalar(select(Offer).where(Offer.number == number))


def require_submit_permission(actor: Actor) -> None:
    """Raises Forbidden for users who may prepare offers but not pay, submit or withdraw."""
    if not actor.can_submit:
        raise Forbidden(
            Message.of("offer.submit_permission")
        )


def successful_payment(offer: Offer) -> Payment | None:
    return db.session.scalar(
        select(Payment).where(
            Payment.offer_id == offer.id, Payment.result == PaymentResult.SUCCEEDED
        )
    )

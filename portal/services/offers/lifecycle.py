"""An offer after submission: matched, withdrawn, its fee refunded, its receipt.

- `mark_matched(*, offer, actor)`: pending -> matched inside the CALLER's transaction (it never
  commits; the caller commits with its own change, e.g. the work permit application).
- `refund_fee(*, offer, cause, actor)`: requests a refund of the offer's successful payment, if
  any (the payment is kept); inside the caller's transaction (no commit). The refund is
  approved and issued later, on business days (portal.services.offers.refunds, hourly), which
  is when refund.issued is emitted.
- `withdraw_offer(*, offer_id, actor, reason)`: pending -> withdrawn and the fee refunded; commits.
- `get_receipt(*, offer_id, actor)`: the offer and its successful payment.
A match or a withdrawal asks for the new version's confirmation PDFs (they show the status).
Each change emits its webhook event (offer.matched, offer.withdrawn) in the same transaction.
"""

from __future__ import annotations

from portal import clock
from portal.database import enqueue_after_commit, write_transaction
from portal.extensions import db
from portal.models import FeeStatus, Offer, OfferStatus, Payment, Refund, WebhookEventType
from portal.models.enums import RefundCause
from portal.models.refund_states import RefundState
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.offers.access import (
    get_offer,
    get_offer_for_update,
    require_submit_permission,
    successful_payment,
)
from portal.services.webhooks import events as webhooks

WITHDRAWAL_REASON_MAX = 1000


def mark_matched(*, offer: Offer, actor: Actor) -> None:
    """Set a pending offer to matched (version + 1) and audit it. Takes part in the caller's
    transaction: it does NOT commit. Raises Conflict unless the offer is pending (a matched
    offer can never be matched again)."""
    if offer.status != OfferStatus.PENDING:
        raise Conflict(Message.of("offer.not_pending"))
    offer.status = OfferStatus.MATCHED
    offer.matched_at = clock.now()
    offer.version += 1
    offer.updated_at = clock.now()
    audit.record(
        "offer.matched",
        actor=actor,
        employer_id=offer.employer_id,
        object_type="offer",
        object_id=offer.id,
        details={"number": offer.number},
    )
    db.session.flush()
    webhooks.emit_offer(WebhookEventType.OFFER_MATCHED, offer)
    _rerender_confirmation(offer)


def _rerender_confirmation(offer: Offer) -> None:
    """The confirmation PDF shows the status: render the new version's PDFs off the request
    once the change commits, so the next download is a cache hit."""
    enqueue_after_commit("documents.render_confirmation", offer_id=offer.id)


def refund_fee(*, offer: Offer, cause: RefundCause, actor: Actor) -> Refund | None:
    """Request a refund of the offer's successful payment, if it has one not yet refunded, and
    set its fee status to refunded (state requested, on today's date: the hourly task approves
    and issues it). The payment row is never deleted or changed. Returns the
    refund, or None when there is nothing to refund (fee exempt, or already refunded). Takes
    part in the caller's transaction: it does NOT commit."""
    payment = successful_payment(offer)
    if payment is None or payment.refunds:
        return None
    refund = Refund(
        payment_id=payment.id,
        amount_cents=payment.amount_cents,
        reason=str(cause),  # a code: worded by RefundCause(...).label where it is read
        refunded_by_user_id=actor.user_id,
        created_at=clock.now(),
        state=RefundState.REQUESTED,
        requested_on=clock.today(),
    )
    db.session.add(refund)
    offer.fee_status = FeeStatus.REFUNDED
    offer.updated_at = clock.now()
    db.session.flush()
    audit.record(
        "offer.fee_refunded",
        actor=actor,
        employer_id=offer.employer_id,
        object_type="offer",
        object_id=offer.id,
        details={"refund_id": refund.id, "payment_id": payment.id,
                 "amount_cents": refund.amount_cents},
    )
    return refund


def withdraw_offer(*, offer_id: int, actor: Actor, reason: str) -> Refund | None:
    """Withdraw a pending offer: status withdrawn (version + 1), reason kept, and the fee
    refunded when it was paid (a refund record). Commits. Returns the refund, if any.

    Raises NotFound, Forbidden (no submit permission), Conflict (not pending: a matched offer
    is withdrawn by writing to IRCC), DomainError on field "reason" (empty)."""
    require_submit_permission(actor)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(Message.of("withdrawal.reason_missing"), field="reason")
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        if offer.status != OfferStatus.PENDING:
            raise Conflict(
                Message.of("withdrawal.not_pending")
            )
        offer.status = OfferStatus.WITHDRAWN
        offer.withdrawn_at = clock.now()
        offer.withdrawal_reason = reason[:WITHDRAWAL_REASON_MAX]
        offer.version += 1
        offer.updated_at = clock.now()
        audit.record(
            "offer.withdrawn",
            actor=actor,
            employer_id=offer.employer_id,
            object_type="offer",
            object_id=offer.id,
            details={"number": offer.number},
        )
        webhooks.emit_offer(WebhookEventType.OFFER_WITHDRAWN, offer)
        _rerender_confirmation(offer)
        refund = refund_fee(offer=offer, cause=RefundCause.OFFER_WITHDRAWN, actor=actor)
    return refund


def get_receipt(*, offer_id: int, actor: Actor) -> tuple[Offer, Payment]:
    """The offer and its successful payment (with any refund). Raises NotFound when the offer
    is not visible to the actor or was never paid."""
    offer = get_offer(offer_id=offer_id, actor=actor)
    payment = successful_payment(offer)
    if payment is None:
        raise NotFound(Message.of("payment.no_receipt"))
    return offer, payment

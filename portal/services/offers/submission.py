"""Submitting an offer: the compliance fee (paid with a test card, or an exemption claimed with
its reason and proof), the offer number, and the pending status.

Guarantees:
- Submitting is ONE transaction: the fee (a successful payment, or the recorded exemption), a
  new unique A####### number and the pending status are committed together with their audit
  events, or none of them is (a failure anywhere rolls everything back and leaves the draft).
- The rules are checked again inside that transaction; a blocking problem stops it.
- Numbers are random (secrets.SystemRandom), never sequential, and unique: the allocation is
  serialised (SQLite's write lock; a PostgreSQL advisory lock) and retried on collision, with
  the unique index as the last line of defence.
- The webhook events offer.paid (when paid) and offer.submitted join that transaction.
- Once it has committed, the confirmation PDFs (both languages) are queued for rendering
  (`documents.render_confirmation`), and the submitter gets the confirmation message (outbox,
  and email when SMTP is set); nothing is queued or sent when it rolls back.
- A payment attempt carries an idempotency key (one per rendering of the payment page): the
  same key never charges twice, and the database holds at most one successful payment per
  offer. A declined attempt is recorded and the employer can try again with a new key.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select, text

from portal import clock
from portal.database import enqueue_after_commit, write_transaction
from portal.extensions import db
from portal.models import (
    Employer,
    EvidenceFile,
    FeeStatus,
    Offer,
    OfferStatus,
    Payment,
    PaymentResult,
    User,
    WebhookEventType,
)
from portal.models.enums import FEE_EXEMPTION_PROOF
from portal.rules.fees import ComplianceFee
from portal.rules.messages import Message
from portal.rules.numbers import new_offer_number, receipt_number
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError
from portal.services.offers import evidence
from portal.services.offers.access import get_offer_for_update, require_submit_permission
from portal.services.offers.filecheck import UploadLimits
from portal.services.offers.payments import charge_test_card
from portal.services.offers.review import Review, fee_for, review_offer
from portal.services.outbox import messages as outbox
from portal.services.webhooks import events as webhooks

_rng = secrets.SystemRandom()
_NUMBER_LOCK_KEY = 727_002  # PostgreSQL advisory lock serialising number allocation
_MAX_TRIES = 50
REASON_MAX = 2000


class NotReady(Conflict):
    """The offer has blocking problems: the review page lists them."""


class FeeNotDue(Conflict):
    """No compliance fee is due for the offer's code: the exemption is claimed instead."""


@dataclass(frozen=True)
class PaymentAttempt:
    payment: Payment
    offer: Offer
    fee: ComplianceFee | None = None  # the fee charged (None for a replay: nothing computed)

    @property
    def succeeded(self) -> bool:
        return self.payment.result == PaymentResult.SUCCEEDED


def _audit(action: str, offer: Offer, actor: Actor, **details: object) -> None:
    audit.record(action, actor=actor, employer_id=offer.employer_id, object_type="offer",
                 object_id=offer.id, details=details)


def _review_draft(offer: Offer) -> Review:
    """The review of the locked draft (the rules run once; its fee is the one to use)."""
    if offer.status != OfferStatus.DRAFT:
        raise Conflict(Message.of("submission.already_submitted"))
    return review_offer(offer)


def _require_ready(review: Review) -> None:
    if not review.ready:
        raise NotReady(
            Message.of("submission.not_ready")
        )


def _allocate_number(offer: Offer) -> str:
    """Pick an unused random number and put it on the offer (flushed with the status)."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _NUMBER_LOCK_KEY})
    for _ in range(_MAX_TRIES):
        number = new_offer_number(_rng)
        if db.session.scalar(select(Offer.id).where(Offer.number == number)) is None:
            offer.number = number
            return number
    raise RuntimeError("could not find a free offer number")  # 10^7 numbers: never in practice


def _new_receipt_number() -> str:
    for _ in range(_MAX_TRIES):
        number = receipt_number(_rng)
        if db.session.scalar(select(Payment.id).where(Payment.receipt_number == number)) is None:
            return number
    raise RuntimeError("could not find a free receipt number")


def _record_payment(offer: Offer, actor: Actor, *, amount_cents: int, brand: str, last4: str,
                    result: PaymentResult, idempotency_key: str) -> Payment:
    payment = Payment(
        offer_id=offer.id,
        amount_cents=amount_cents,
        card_brand=brand,
        card_last4=last4,
        result=result,
        receipt_number=_new_receipt_number() if result == PaymentResult.SUCCEEDED else None,
        idempotency_key=idempotency_key,
        paid_by_user_id=actor.user_id,
        created_at=clock.now(),
    )
    db.session.add(payment)
    if result == PaymentResult.SUCCEEDED:
        offer.fee_status = FeeStatus.PAID
    db.session.flush()
    return payment


def _set_pending(offer: Offer, actor: Actor) -> None:
    now = clock.now()
    offer.status = OfferStatus.PENDING
    offer.submitted_at = now
    offer.submitted_by_user_id = actor.user_id
    offer.updated_at = now
    offer.version += 1
    db.session.flush()


def _audit_submission(offer: Offer, actor: Actor, payment: Payment | None) -> None:
    if payment is not None:
        _audit("offer.fee_paid", offer, actor, payment_id=payment.id,
               amount_cents=payment.amount_cents, receipt_number=payment.receipt_number)
    else:
        _audit("offer.fee_exemption_applied", offer, actor)
    _audit("offer.submitted", offer, actor, number=offer.number, fee_status=offer.fee_status)
    if payment is not None:
        webhooks.emit_offer_paid(offer, payment)
    webhooks.emit_offer(WebhookEventType.OFFER_SUBMITTED, offer)
    # Both PDF languages are rendered off the request once this commits (portal/jobs).
    enqueue_after_commit("documents.render_confirmation", offer_id=offer.id)
    _confirm_to_submitter(offer, actor)


def _confirm_to_submitter(offer: Offer, actor: Actor) -> None:
    """The confirmation message to whoever submitted, in their language (the outbox; emailed
    too when SMTP is set). Numbers and the business name only: nothing about the worker."""
    user = db.session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None:
        return
    employer = db.session.get(Employer, offer.employer_id)
    outbox.send(to_email=user.email, to_user_id=user.id, kind="offer_submitted",
                language=user.preferred_language,
                context={"offer_number": offer.number,
                         "business": employer.operating_name if employer else "",
                         "fee": FeeStatus(offer.fee_status)})


def pay_and_submit(*, offer_id: int, actor: Actor, card_number: str,
                   idempotency_key: str) -> PaymentAttempt:
    """Charge the compliance fee with a test card and, when it succeeds, submit the offer in the
    same transaction. Commits.

    The same idempotency key returns the first attempt's result without charging again. Raises
    NotFound, Forbidden (no submit permission), DomainError on "card_number" (invalid or not a
    test card: nothing is stored), FeeNotDue (the code's fee is exempt), NotReady (blocking
    problems: nothing is charged), Conflict (already submitted, or the key belongs to another
    offer). The review and the fee are computed once, on the locked row."""
    require_submit_permission(actor)
    key = (idempotency_key or "").strip()
    if not 16 <= len(key) <= 64:
        raise DomainError(Message.of("payment.page_expired"), field="card_number")
    outcome = charge_test_card(card_number)
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        earlier = db.session.scalar(select(Payment).where(Payment.idempotency_key == key))
        if earlier is not None:
            if earlier.offer_id != offer.id:
                raise Conflict(Message.of("payment.page_expired"))
            return PaymentAttempt(payment=earlier, offer=offer)
        review = _review_draft(offer)
        fee = review.fee
        if fee.exempt or fee.amount_cents <= 0:
            raise FeeNotDue(Message.of("payment.no_fee_due"))
        _require_ready(review)
        payment = _record_payment(
            offer, actor, amount_cents=fee.amount_cents, brand=outcome.brand,
            last4=outcome.last4, result=outcome.result, idempotency_key=key,
        )
        if payment.result != PaymentResult.SUCCEEDED:
            _audit("offer.payment_declined", offer, actor, payment_id=payment.id,
                   result=payment.result)
            return PaymentAttempt(payment=payment, offer=offer, fee=fee)
        _allocate_number(offer)
        _set_pending(offer, actor)
        _audit_submission(offer, actor, payment)
    return PaymentAttempt(payment=payment, offer=offer, fee=fee)


def claim_fee_exemption(*, offer_id: int, actor: Actor, reason: str, proof_filename: str = "",
                        proof_data: bytes = b"", max_file_bytes: int,
                        max_offer_bytes: int, limits: UploadLimits | None = None) -> Offer:
    """Record on a draft why the compliance fee is not due, with the proof file when given
    (stored as evidence). Commits; the offer is then submitted with `submit_exempt_offer`.

    Raises NotFound, Forbidden (no submit permission), Conflict (not a draft, or the rules say
    the fee is due), DomainError on "reason" (empty) or "proof" (bad file, or missing when the
    rules require proof)."""
    require_submit_permission(actor)
    reason = (reason or "").strip()
    proof = None
    if proof_data:
        proof = evidence.check_upload(proof_data, max_file_bytes=max_file_bytes, field="proof",
                                      limits=limits)
    if not reason:
        raise DomainError(Message.of("fee_exemption.reason_missing"), field="reason")
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        if offer.status != OfferStatus.DRAFT:
            raise Conflict(Message.of("submission.already_submitted"))
        fee = fee_for(offer)
        if not fee.exempt:
            raise Conflict(Message.of("fee_exemption.fee_due_for_code"))
        if proof is not None:
            evidence.insert_file(offer=offer, actor=actor, item_id=FEE_EXEMPTION_PROOF,
                                 filename=proof_filename, data=proof.data,
                                 content_type=proof.content_type, max_offer_bytes=max_offer_bytes,
                                 field="proof")
        elif fee.proof_required and not _has_proof(offer):
            raise DomainError(Message.of("fee_exemption.proof_missing"), field="proof")
        offer.fee_exemption_reason = reason[:REASON_MAX]
        offer.updated_at = clock.now()
        _audit("offer.fee_exemption_claimed", offer, actor, regulation=fee.regulation)
    return offer


def _has_proof(offer: Offer) -> bool:
    return db.session.scalar(
        select(EvidenceFile.id).where(
            EvidenceFile.offer_id == offer.id, EvidenceFile.item_id == FEE_EXEMPTION_PROOF
        ).limit(1)
    ) is not None


def submit_exempt_offer(*, offer_id: int, actor: Actor) -> Offer:
    """Submit a draft whose fee is exempt and whose exemption is claimed: number allocated,
    fee status exempt, status pending, audited, in one transaction. Commits.

    Raises NotFound, Forbidden, NotReady (blocking problems), Conflict (not a draft, fee due,
    or the exemption not yet claimed with its proof)."""
    require_submit_permission(actor)
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        review = _review_draft(offer)
        _require_ready(review)
        fee = review.fee
        if not fee.exempt:
            raise Conflict(Message.of("submission.fee_due"))
        if not offer.fee_exemption_reason or (fee.proof_required and not _has_proof(offer)):
            raise Conflict(Message.of("submission.exemption_unclaimed"))
        offer.fee_status = FeeStatus.EXEMPT
        _allocate_number(offer)
        _set_pending(offer, actor)
        _audit_submission(offer, actor, None)
    return offer

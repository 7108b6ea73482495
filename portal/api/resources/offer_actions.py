"""Paying and submitting, claiming the fee exemption, withdrawing, the receipt and the
confirmation PDF. Paying and submitting require an Idempotency-Key: a retry never pays twice."""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Response, current_app, request
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from portal.api.auth import actor, current_access, key_required
from portal.api.docs import (
    DRAFT_OPERATIONS,
    OFFER_ID,
    SUBMITTED_OFFER_ID,
    SUBMITTED_OPERATIONS,
    WITHDRAWN_OPERATIONS,
    links,
    problems,
)
from portal.api.errors import from_domain_error
from portal.api.idempotency import HEADER, header_doc, idempotent
from portal.api.problems import DETAILS, ApiProblem, FieldError, problem, word
from portal.api.schemas.offer_actions import (
    FeeExemptionForm,
    PaymentRequest,
    PaymentSchema,
    PdfQuery,
    RefundSchema,
    SubmissionSchema,
    WithdrawalRequest,
)
from portal.api.schemas.offer_bodies import offer_body, pointer_in_offer
from portal.api.schemas.offers import OfferSchema
from portal.api.schemas.offers_examples import OFFER_EXAMPLE
from portal.api.walk import (
    DRAFT_EXAMPLES,
    SUBMITTED_EXAMPLES,
    example_links,
    worker_links,
)
from portal.confirmation_html import render_and_store, verification_page
from portal.i18n import current_language
from portal.models.enums import PaymentResult, RefundCause, Scope
from portal.services.documents import confirmation as documents
from portal.services.errors import DomainError
from portal.services.offers import lifecycle, refunds, review, submission
from portal.services.offers.access import get_offer
from portal.services.offers.filecheck import UploadLimits

_NO_REFUND = _l("No refund was made for this offer: its fee is refunded when a pending offer is "
                "withdrawn or the work permit application that matched it is refused.")
blp = Blueprint("api_offer_actions", __name__,
                description="Paying or claiming the fee exemption, submitting, withdrawing.")
PAYMENT_EXAMPLE = {"id": 7, "amount_cents": 23000, "result": "succeeded",
                   "receipt_number": "R2026123456", "card_brand": "Visa", "card_last4": "4242",
                   "created_at": "2026-12-01T14:12:00+00:00", "refunded_cents": 0}
SUBMITTED_OFFER: dict[str, Any] = {**OFFER_EXAMPLE, "number": "A1234567", "status": "pending",
                                   "fee_status": "paid"}
SUBMITTED = {"offer": SUBMITTED_OFFER, "payment": PAYMENT_EXAMPLE}
# A submitted offer leads on to its withdrawal (with a reason) and to its worker's steps.
SUBMITTED_LINKS = {**example_links(SUBMITTED_EXAMPLES, SUBMITTED_OFFER_ID), **worker_links()}
REFUND_EXAMPLE = {"id": 3, "amount_cents": 23000, "created_at": "2026-12-02T09:30:00+00:00",
                  "cause": "offer_withdrawn", "message": "The offer was withdrawn: the "
                  "compliance fee is refunded to the card used.",
                  "state": "approved", "state_label": "Approved for payment",
                  "requested_on": "2026-12-02", "approved_on": "2026-12-09",
                  "issued_on": None, "expected_approved_on": "2026-12-09",
                  "expected_issued_on": "2026-12-16", "next_step_on": "2026-12-16",
                  "payment": {**PAYMENT_EXAMPLE, "refunded_cents": 23000}}


def payment_body(payment: Any) -> dict[str, Any] | None:
    if payment is None:
        return None
    return {"id": payment.id, "amount_cents": payment.amount_cents,
            "result": str(payment.result), "receipt_number": payment.receipt_number,
            "card_brand": payment.card_brand, "card_last4": payment.card_last4,
            "created_at": payment.created_at,
            "refunded_cents": sum(refund.amount_cents for refund in payment.refunds)}


def _refused(error: DomainError, offer_id: int) -> Response:
    """A refusal; a NotReady one lists the review's blocking problems as errors."""
    if not isinstance(error, submission.NotReady):
        return from_domain_error(error)
    found = review.review_offer(get_offer(offer_id=offer_id, actor=actor()))
    return problem(409, "offer.not_ready", detail=word(error.message), errors=[
        FieldError(p.code or p.message.code, word(p.message),
                   pointer=pointer_in_offer(p.field, p.section) or f"/{p.section}")
        for p in found.blocking])


def _service_key() -> str:
    """The payment's idempotency key, unique across API keys (the header is per API key)."""
    raw = f"{current_access().key_id}:{request.headers[HEADER].strip()}"
    return "api-" + hashlib.sha256(raw.encode()).hexdigest()[:48]


@blp.route("/offers/<int:offer_id>/payment", methods=["POST"])
@key_required(Scope.SUBMIT)
@idempotent(required=True)
@blp.arguments(PaymentRequest, example={"card_number": "4242 4242 4242 4242",
                                        "expiry": "12/30", "cvc": "123"})
@blp.response(201, SubmissionSchema, example=SUBMITTED)
@problems(blp, 401, 402, 403, 404, 409, 422, 428, 429)
@links(blp, 201, SUBMITTED_OPERATIONS, SUBMITTED_OFFER_ID, SUBMITTED_LINKS)
@blp.doc(summary="Pay the fee and submit", parameters=[header_doc(required=True)],
         description="Charges the $230 compliance fee with a test card and, when it is paid, "
         "submits the offer in the same transaction: the answer holds its number.")
def pay_and_submit(body: dict[str, Any], offer_id: int) -> Any:
    try:
        attempt = submission.pay_and_submit(offer_id=offer_id, actor=actor(),
                                            card_number=body["card_number"],
                                            idempotency_key=_service_key())
    except DomainError as error:
        return _refused(error, offer_id)
    paid = payment_body(attempt.payment)
    if attempt.payment.result != PaymentResult.SUCCEEDED:
        return problem(402, f"payment.{attempt.payment.result}", detail=_declined(attempt),
                       extra={"payment": PaymentSchema().dump(paid)})
    return {"offer": offer_body(attempt.offer), "payment": paid}, 201


def _declined(attempt: Any) -> str:
    return str(DETAILS.get(f"payment.{attempt.payment.result}", DETAILS["payment.declined"]))


@blp.route("/offers/<int:offer_id>/fee-exemption", methods=["POST"])
@key_required(Scope.SUBMIT)
@idempotent()
@blp.arguments(FeeExemptionForm, location="form", content_type="multipart/form-data",
               example={"reason": "A research chair funded by NSERC (C31): the worker does "
                        "not pay the work permit fee.", "proof": "(the PDF's bytes)"})
@blp.response(200, OfferSchema, example={**OFFER_EXAMPLE, "fee_exemption_reason": "C31."})
@problems(blp, 401, 403, 404, 409, 413, 422, 429)
@links(blp, 200, DRAFT_OPERATIONS, OFFER_ID, example_links(DRAFT_EXAMPLES, OFFER_ID))
@blp.doc(summary="Claim the fee exemption", parameters=[header_doc(required=False)],
         description="For codes whose compliance fee is not due (for example C31): the reason, "
         "and the proof as the file field `proof` where the rules require it. Then submit.")
def claim_fee_exemption(body: dict[str, Any], offer_id: int) -> Any:
    proof = request.files.get("proof")
    try:
        offer = submission.claim_fee_exemption(
            offer_id=offer_id, actor=actor(), reason=body["reason"],
            proof_filename=(proof.filename or "proof")[:200] if proof else "",
            proof_data=proof.read() if proof else b"",
            max_file_bytes=current_app.config["EVIDENCE_MAX_FILE_BYTES"],
            max_offer_bytes=current_app.config["EVIDENCE_MAX_OFFER_BYTES"],
            limits=UploadLimits.of(current_app.config),
        )
    except DomainError as error:
        return from_domain_error(error)
    return offer_body(offer)


@blp.route("/offers/<int:offer_id>/submission", methods=["POST"])
@key_required(Scope.SUBMIT)
@idempotent(required=True)
@blp.response(201, SubmissionSchema, example={**SUBMITTED, "payment": None})
@problems(blp, 401, 403, 404, 409, 428, 429)
@links(blp, 201, SUBMITTED_OPERATIONS, SUBMITTED_OFFER_ID, SUBMITTED_LINKS)
@blp.doc(summary="Submit a fee-exempt offer", operationId="submitOffer",
         parameters=[header_doc(required=True)],
         description="Submits a draft whose fee exemption is claimed: the answer holds the "
         "offer number. Offers whose fee is due are submitted by paying.")
def submit(offer_id: int) -> Any:
    try:
        offer = submission.submit_exempt_offer(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return _refused(error, offer_id)
    return {"offer": offer_body(offer), "payment": None}, 201


@blp.route("/offers/<int:offer_id>/withdrawal", methods=["POST"])
@key_required(Scope.SUBMIT)
@idempotent()
@blp.arguments(WithdrawalRequest, example={"reason": "The worker declined the offer."})
@blp.response(200, SubmissionSchema, example={**SUBMITTED, "offer": {
    **SUBMITTED_OFFER, "status": "withdrawn", "fee_status": "refunded"}})
@problems(blp, 401, 403, 404, 409, 422, 429)
@links(blp, 200, WITHDRAWN_OPERATIONS, SUBMITTED_OFFER_ID)
@blp.doc(summary="Withdraw a pending offer", operationId="withdrawOffer",
         parameters=[header_doc(required=False)],
         description="The fee is refunded (a refund record; the payment is kept).")
def withdraw(body: dict[str, Any], offer_id: int) -> Any:
    try:
        lifecycle.withdraw_offer(offer_id=offer_id, actor=actor(), reason=body["reason"])
        offer = get_offer(offer_id=offer_id, actor=actor())
        payment = submission_payment(offer_id)
    except DomainError as error:
        return from_domain_error(error)
    return {"offer": offer_body(offer), "payment": payment_body(payment)}


def submission_payment(offer_id: int) -> Any:
    try:
        return lifecycle.get_receipt(offer_id=offer_id, actor=actor())[1]
    except DomainError:
        return None


@blp.route("/offers/<int:offer_id>/receipt", methods=["GET"])
@key_required(Scope.READ)
@blp.response(200, PaymentSchema, example=PAYMENT_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="The fee receipt", operationId="readReceipt",
         description="The successful payment, with any refund.")
def receipt(offer_id: int) -> Any:
    try:
        _offer, payment = lifecycle.get_receipt(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return payment_body(payment)


@blp.route("/offers/<int:offer_id>/refund", methods=["GET"])
@key_required(Scope.READ)
@blp.response(200, RefundSchema, example=REFUND_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="The fee refund", operationId="readRefund",
         description="The refund of the compliance fee: requested when a "
         "pending offer is withdrawn, or when the work permit application that matched it is "
         "refused; approved and issued later on Canadian business days (see state), with the "
         "expected day of the next step. 404 (code refund.none) while there is none.")
def refund(offer_id: int) -> Any:
    try:
        _offer, payment = lifecycle.get_receipt(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    if not payment.refunds:
        raise ApiProblem(404, "refund.none", detail=_NO_REFUND)
    made = payment.refunds[0]
    cause, step = RefundCause(made.reason), refunds.progress(made)
    return {"id": made.id, "amount_cents": made.amount_cents, "created_at": made.created_at,
            "cause": str(cause), "message": str(cause.label), "state": str(step.state),
            "state_label": str(step.state.label), "requested_on": step.requested_on,
            "approved_on": step.approved_on, "issued_on": step.issued_on,
            "expected_approved_on": step.expected_approved_on,
            "expected_issued_on": step.expected_issued_on, "next_step_on": step.next_step_on,
            "payment": payment_body(payment)}


@blp.route("/offers/<int:offer_id>/confirmation.pdf", methods=["GET"])
@key_required(Scope.READ)
@blp.arguments(PdfQuery, location="query")
@blp.response(200, description="The confirmation PDF (application/pdf).",
              content_type="application/pdf")
@problems(blp, 401, 403, 404, 409, 422, 429)
@blp.doc(summary="The confirmation PDF", operationId="downloadConfirmation",
         description="Of a submitted offer, in English or "
         "French, with the QR code that opens the public verification page.")
def confirmation_pdf(query: dict[str, Any], offer_id: int) -> Any:
    language = query.get("lang") or current_language()
    try:
        pdf = documents.get_offer_confirmation(offer_id=offer_id, actor=actor(),
                                               language=language)
        if pdf is None:  # this version's first download in this language
            with force_locale(language):
                pdf = render_and_store(documents.confirmation_context(
                    offer_id=offer_id, actor=actor(), language=language,
                    secret=current_app.config["SECRET_KEY"].encode("utf-8"),
                    verification_page=verification_page(),
                ))
    except DomainError as error:
        return from_domain_error(error)
    response = Response(pdf.data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf.filename}"'
    return response

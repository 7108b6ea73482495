"""Paying, claiming the fee exemption, submitting, withdrawing: what they take and return."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate as v

from portal.api.schemas.offers import OfferSchema, Strict


class PaymentRequest(Strict):
    card_number = ma.fields.String(required=True, validate=v.Regexp(
        r"^[0-9][0-9 -]{10,28}[0-9]$"), metadata={
        "description": "A test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is "
                       "declined, 4000 0000 0000 9995 has insufficient funds."})
    expiry = ma.fields.String(required=True, validate=v.Regexp(
        r"^(0[1-9]|1[0-2]) ?/ ?\d{2}$"), metadata={"description": "MM/YY."})
    cvc = ma.fields.String(required=True, validate=v.Regexp(r"^\d{3,4}$"))


class PaymentSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    amount_cents = ma.fields.Integer(required=True)
    result = ma.fields.String(required=True, validate=v.OneOf(
        ["succeeded", "declined", "insufficient_funds"]))
    receipt_number = ma.fields.String(allow_none=True, required=True)
    card_brand = ma.fields.String(required=True)
    card_last4 = ma.fields.String(required=True)
    created_at = ma.fields.DateTime(required=True)
    refunded_cents = ma.fields.Integer(required=True, metadata={
        "description": "How much was refunded (withdrawal or refusal), 0 if nothing."})


class RefundSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    amount_cents = ma.fields.Integer(required=True)
    created_at = ma.fields.DateTime(required=True)
    cause = ma.fields.String(required=True, validate=v.OneOf(
        ["offer_withdrawn", "work_permit_refused"]))
    message = ma.fields.String(required=True, metadata={
        "description": "Why the fee was refunded, in the language asked for."})
    state = ma.fields.String(required=True, validate=v.OneOf(
        ["requested", "approved", "issued"]), metadata={
        "description": "requested -> approved -> issued, on Canadian business days (weekends "
                       "and federal holidays do not count): approved 5 business days after "
                       "the request, issued after 10. The simulator shortens the real timing "
                       "(unverified: about eight weeks). refund.issued is sent at issue."})
    state_label = ma.fields.String(required=True, metadata={
        "description": "The state, in the language asked for."})
    requested_on = ma.fields.Date(required=True)
    approved_on = ma.fields.Date(required=True, allow_none=True)
    issued_on = ma.fields.Date(required=True, allow_none=True)
    expected_approved_on = ma.fields.Date(required=True)
    expected_issued_on = ma.fields.Date(required=True)
    next_step_on = ma.fields.Date(required=True, allow_none=True, metadata={
        "description": "The expected day of the next step; null once issued."})
    payment = ma.fields.Nested(PaymentSchema, required=True)


class SubmissionSchema(ma.Schema):
    offer = ma.fields.Nested(OfferSchema, required=True)
    payment = ma.fields.Nested(PaymentSchema, allow_none=True, required=True)


class FeeExemptionRequest(Strict):
    reason = ma.fields.String(required=True, validate=v.Length(min=1, max=2000), metadata={
        "description": "Why the employer is exempt from the compliance fee."})


class FeeExemptionForm(FeeExemptionRequest):
    proof = ma.fields.Raw(load_only=True, metadata={"type": "string", "format": "binary",
                                    "description": "PDF, PNG or JPEG, at most 5 MB."})


class WithdrawalRequest(Strict):
    reason = ma.fields.String(required=True, validate=v.Length(min=1, max=1000))


class PdfQuery(Strict):
    lang = ma.fields.String(validate=v.OneOf(["en", "fr"]), metadata={
        "description": "The language of the confirmation (default: Accept-Language)."})

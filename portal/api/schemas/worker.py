"""The worker's operations: checking an offer, applying for the work permit, reading the
result. Personal data travels only in POST bodies, never in the address. Text fields are
trimmed of surrounding spaces, as the pages' forms do; everything else is kept as typed (the
match is exact, character for character)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import validate as v

from portal.api.schemas.offers import Strict
from portal.models.enums import AppliesFrom, Biometrics, PermitType


class Trimmed(ma.fields.String):
    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return str(super()._deserialize(value, attr, data, **kwargs)).strip()


def _required_text(limit: int, **kwargs: Any) -> Trimmed:
    return Trimmed(required=True, validate=v.Length(min=1, max=limit), **kwargs)


class VerificationRequest(Strict):
    number = _required_text(20, metadata={"description": "The offer number: A and 7 digits."})
    passport_number = _required_text(30, metadata={"description": "Exactly as on the passport."})
    date_of_birth = ma.fields.Date(required=True)


class VerifiedOfferSchema(ma.Schema):
    number = ma.fields.String(required=True)
    employer = ma.fields.String(required=True, metadata={"description": "Its operating name."})
    job_title = ma.fields.String(allow_none=True, required=True)
    noc_code = ma.fields.String(allow_none=True, required=True)
    noc_title = ma.fields.String(allow_none=True, required=True)
    exemption_code = ma.fields.String(allow_none=True, required=True)
    exemption_name = ma.fields.String(allow_none=True, required=True)
    work_province = ma.fields.String(allow_none=True, required=True)
    start_date = ma.fields.Date(allow_none=True, required=True)
    status = ma.fields.String(required=True, validate=v.OneOf(["pending", "matched",
                                                               "withdrawn"]))
    fee_status = ma.fields.String(required=True)


class VerificationSchema(ma.Schema):
    verified = ma.fields.Boolean(required=True)
    message = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "When not verified: one message for every kind of failure."})
    offer = ma.fields.Nested(VerifiedOfferSchema, allow_none=True, required=True)


class ApplicationRequest(Strict):
    permit_type = ma.fields.String(required=True, validate=v.OneOf([t.value for t in PermitType]))
    offer_number = Trimmed(allow_none=True, validate=v.Length(max=20), metadata={
        "description": "For an employer-specific permit: the offer number."})
    open_code = Trimmed(allow_none=True, validate=v.Length(max=16), metadata={
        "description": "For an open permit: its exemption code (GET /api/v1/codes)."})
    noc_code = Trimmed(allow_none=True, validate=v.Regexp(r"^\d{5}$"))
    family_name = _required_text(100)
    given_names = Trimmed(allow_none=True, validate=v.Length(max=100))
    date_of_birth = ma.fields.Date(required=True)
    citizenship = ma.fields.String(required=True, validate=v.Length(equal=2))
    passport_number = _required_text(30)
    passport_expiry = ma.fields.Date(required=True)
    passport_issue_date = ma.fields.Date(allow_none=True, metadata={
        "description": "Optional: checked with the other dates (after the birth, before the "
                       "expiry)."})
    residence_country = ma.fields.String(required=True, validate=v.Length(equal=2))
    lived_country = ma.fields.String(allow_none=True, validate=v.Length(equal=2), metadata={
        "description": "A country lived in for 6 months or more in the last year, if any."})
    stay_months = ma.fields.Integer(allow_none=True, strict=True, validate=v.Range(min=1, max=120))
    family_size = ma.fields.Integer(strict=True, load_default=1, validate=v.Range(min=1, max=20))
    applies_from = ma.fields.String(required=True, validate=v.OneOf([a.value
                                                                     for a in AppliesFrom]))
    in_canada_now = ma.fields.Boolean(load_default=False)
    biometrics = ma.fields.String(required=True, validate=v.OneOf([b.value for b in Biometrics]))
    upfront_medical = ma.fields.Boolean(load_default=False)
    us_permanent_resident = ma.fields.Boolean(load_default=False, metadata={
        "description": "The worker holds a US green card: no visa or eTA, border exception."})
    employer_name = Trimmed(allow_none=True, validate=v.Length(max=200), metadata={
        "description": "For \"other\": the employer, exempt from the compliance regime."})
    principal_noc_code = Trimmed(allow_none=True, validate=v.Regexp(r"^\d{5}$"), metadata={
        "description": "C41 (spouse of a worker): the worker's NOC 2021 code."})
    principal_permit_expiry = ma.fields.Date(allow_none=True, metadata={
        "description": "C41: the end date of the worker's permit (16 months left needed)."})
    student_program = ma.fields.String(allow_none=True, validate=v.OneOf(
        ["masters_16_months", "doctoral", "professional", "other"]), metadata={
        "description": "C42 (spouse of a student): the student's program."})


class StatusRequest(Strict):
    number = _required_text(20, metadata={"description": "W and 9 digits."})
    date_of_birth = ma.fields.Date(required=True)


class FeeLineSchema(ma.Schema):
    key = ma.fields.String(required=True)
    label = ma.fields.String(required=True)
    amount_cents = ma.fields.Integer(required=True)
    exempt_reason = ma.fields.String(allow_none=True, required=True)


class MedicalSchema(ma.Schema):
    needed = ma.fields.Boolean(required=True)
    reasons = ma.fields.List(ma.fields.String(), required=True)


class EligibilitySchema(ma.Schema):
    eligible = ma.fields.Boolean(required=True)
    reasons = ma.fields.List(ma.fields.String(), required=True)


class ApplicationSchema(ma.Schema):
    number = ma.fields.String(required=True, metadata={"description": "W and 9 digits."})
    status = ma.fields.String(required=True, validate=v.OneOf(["submitted", "approved",
                                                               "refused"]))
    permit_type = ma.fields.String(required=True)
    code_key = ma.fields.String(allow_none=True, required=True)
    offer_number = ma.fields.String(allow_none=True, required=True)
    submitted_at = ma.fields.DateTime(required=True)
    decided_at = ma.fields.DateTime(allow_none=True, required=True)
    decision_document = ma.fields.String(allow_none=True, required=True)
    decision_reason = ma.fields.String(allow_none=True, required=True)
    fee_lines = ma.fields.List(ma.fields.Nested(FeeLineSchema), required=True)
    fees_total_cents = ma.fields.Integer(required=True)
    travel_document = ma.fields.String(required=True)
    travel_document_label = ma.fields.String(required=True)
    travel_note = ma.fields.String(allow_none=True, required=True)
    medical_exam = ma.fields.Nested(MedicalSchema, required=True)
    two_week_processing = ma.fields.Nested(EligibilitySchema, required=True, metadata={
        "description": "Global Skills Strategy two-week processing."})
    port_of_entry = ma.fields.Nested(EligibilitySchema, required=True, metadata={
        "description": "Whether applying at a port of entry is possible under current rules."})

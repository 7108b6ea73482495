"""Offers: the five sections as the forms have them (same fields, same limits), and the offer as
the API returns it. Section bodies are partial: a field sent is saved, a field left out is kept.

Field names are the offer's own (worker_family_name, noc_code, ...), so an error's pointer
(/worker/worker_passport_number) names the same thing as the page's field.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import validate as v

from portal.services.offers.drafts import ATTESTATION_IDS
from portal.services.offers.limits import (
    ANSWER_ID_LIMIT,
    ANSWER_LIMIT,
    HOURS_MAX,
    HOURS_MIN,
    TEXT_LIMITS,
    WAGE_MAX,
)

UCI = r"^\d{4}-?\d{4}(\d{2})?$|^\d{8}(\d{2})?$"


def _text(limit: int, **kwargs: Any) -> ma.fields.String:
    return ma.fields.String(allow_none=True, validate=v.Length(max=limit), **kwargs)


def _country(**kwargs: Any) -> ma.fields.String:
    return ma.fields.String(allow_none=True, validate=v.Length(equal=2), metadata={
        "description": "ISO 3166-1 alpha-2 code, for example FR.", **kwargs})


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class CodeSection(Strict):
    code_key = ma.fields.String(allow_none=True, validate=v.Length(
        max=TEXT_LIMITS["code_key"]), metadata={
        "description": "An LMIA exemption code for an employer-specific permit, e.g. C10, T36."})
    explanation = _text(TEXT_LIMITS["explanation"], metadata={
        "description": "How the job meets the requirements of the exemption."})
    answers = ma.fields.Dict(
        keys=ma.fields.String(validate=v.Length(max=ANSWER_ID_LIMIT)),
        values=ma.fields.String(validate=v.Length(max=ANSWER_LIMIT)),
        metadata={"description": "Answers to the code's questions (GET /api/v1/codes/{key}), "
                                 "by question id. Dates as YYYY-MM-DD, yes/no as yes or no."},
    )


class WorkerSection(Strict):
    worker_family_name = _text(TEXT_LIMITS["worker_family_name"])
    worker_given_names = _text(TEXT_LIMITS["worker_given_names"])
    worker_sex = ma.fields.String(allow_none=True, validate=v.OneOf(["F", "M", "X"]))
    worker_date_of_birth = ma.fields.Date(allow_none=True)
    worker_country_of_birth = _country()
    worker_citizenship = _country()
    worker_residence_country = _country()
    worker_passport_number = _text(TEXT_LIMITS["worker_passport_number"], metadata={
        "description": "Exactly as on the passport: kept character for character."})
    worker_passport_expiry = ma.fields.Date(allow_none=True)
    worker_uci = ma.fields.String(allow_none=True, validate=v.Regexp(UCI), metadata={
        "description": "8 or 10 digits."})


class Location(Strict):
    address_line1 = _text(TEXT_LIMITS["address_line1"])
    city = _text(TEXT_LIMITS["city"])
    province = ma.fields.String(allow_none=True, validate=v.Length(equal=2), metadata={
        "description": "Two-letter code of the province or territory, for example ON."})
    postal_code = _text(TEXT_LIMITS["postal_code"])


class JobSection(Strict):
    job_title = _text(TEXT_LIMITS["job_title"])
    noc_code = ma.fields.String(allow_none=True, validate=v.Regexp(r"^\d{5}$"), metadata={
        "description": "The 5 digits of the NOC 2021 unit group."})
    duties = _text(TEXT_LIMITS["duties"])
    education_requirements = _text(TEXT_LIMITS["education_requirements"])
    training_requirements = _text(TEXT_LIMITS["training_requirements"])
    experience_requirements = _text(TEXT_LIMITS["experience_requirements"])
    licence_requirements = _text(TEXT_LIMITS["licence_requirements"])
    language_requirements = _text(TEXT_LIMITS["language_requirements"])
    start_date = ma.fields.Date(allow_none=True)
    end_date = ma.fields.Date(allow_none=True)
    full_time = ma.fields.Boolean(allow_none=True)
    locations = ma.fields.List(ma.fields.Nested(Location), validate=v.Length(max=2), metadata={
        "description": "One or two work locations; list any others in the duties."})


class WagesSection(Strict):
    wage_cents = ma.fields.Integer(allow_none=True, strict=True,
                                   validate=v.Range(min=0, max=int(WAGE_MAX) * 100), metadata={
        "description": "The wage in cents of a Canadian dollar (4500 is $45.00)."})
    wage_unit = ma.fields.String(allow_none=True,
                                 validate=v.OneOf(["hour", "week", "month", "year"]))
    hours_per_week = ma.fields.Float(allow_none=True, allow_nan=False,
                                     validate=v.Range(min=float(HOURS_MIN),
                                                      max=float(HOURS_MAX)))
    overtime = _text(TEXT_LIMITS["overtime"])
    vacation = _text(TEXT_LIMITS["vacation"])
    benefit_health = ma.fields.Boolean()
    benefit_dental = ma.fields.Boolean()
    benefit_pension = ma.fields.Boolean()
    benefit_disability = ma.fields.Boolean()
    benefits_other = _text(TEXT_LIMITS["benefits_other"])
    alternate_compensation = _text(TEXT_LIMITS["alternate_compensation"])
    additional_information = _text(TEXT_LIMITS["additional_information"])


class AttestationsSection(Strict):
    attestations = ma.fields.List(ma.fields.String(validate=v.OneOf(ATTESTATION_IDS)),
                                  required=True, metadata={
        "description": "The attestations made; all of them are needed to submit."})


SECTION_SCHEMAS: dict[str, type[Strict]] = {
    "code": CodeSection,
    "worker": WorkerSection,
    "job": JobSection,
    "wages": WagesSection,
    "attestations": AttestationsSection,
}


class NewOfferSchema(Strict):
    """Any sections to fill in at once; an empty body makes an empty draft."""

    code = ma.fields.Nested(CodeSection)
    worker = ma.fields.Nested(WorkerSection)
    job = ma.fields.Nested(JobSection)
    wages = ma.fields.Nested(WagesSection)
    attestations = ma.fields.Nested(AttestationsSection)


class TeerJobSection(JobSection):
    teer = ma.fields.Integer(allow_none=True, metadata={
        "description": "The TEER category, from the NOC code."})


class OfferSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    number = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "A + 7 digits, once submitted; null for a draft."})
    status = ma.fields.String(required=True, validate=v.OneOf(
        ["draft", "pending", "matched", "withdrawn"]))
    fee_status = ma.fields.String(required=True, validate=v.OneOf(
        ["unpaid", "paid", "exempt", "refunded"]))
    fee_exemption_reason = ma.fields.String(allow_none=True)
    created_at = ma.fields.DateTime(required=True)
    updated_at = ma.fields.DateTime(required=True)
    submitted_at = ma.fields.DateTime(allow_none=True)
    matched_at = ma.fields.DateTime(allow_none=True)
    withdrawn_at = ma.fields.DateTime(allow_none=True)
    withdrawal_reason = ma.fields.String(allow_none=True)
    copied_from_id = ma.fields.Integer(allow_none=True)
    code = ma.fields.Nested(CodeSection, required=True)
    worker = ma.fields.Nested(WorkerSection, required=True)
    job = ma.fields.Nested(TeerJobSection, required=True)
    wages = ma.fields.Nested(WagesSection, required=True)
    attestations = ma.fields.Nested(AttestationsSection, required=True)


class OfferListSchema(ma.Schema):
    offers = ma.fields.List(ma.fields.Nested(lambda: OfferSummarySchema()), required=True)
    next_cursor = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "Pass as ?cursor= for the next page; null on the last page."})


class OfferSummarySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    number = ma.fields.String(allow_none=True, required=True)
    status = ma.fields.String(required=True)
    fee_status = ma.fields.String(required=True)
    code_key = ma.fields.String(allow_none=True, required=True)
    job_title = ma.fields.String(allow_none=True, required=True)
    noc_code = ma.fields.String(allow_none=True, required=True)
    start_date = ma.fields.Date(allow_none=True, required=True)
    end_date = ma.fields.Date(allow_none=True, required=True)
    created_at = ma.fields.DateTime(required=True)
    updated_at = ma.fields.DateTime(required=True)
    submitted_at = ma.fields.DateTime(allow_none=True, required=True)


class OfferListQuery(Strict):
    status = ma.fields.String(validate=v.OneOf(["draft", "pending", "matched", "withdrawn"]))
    code = ma.fields.String(validate=v.Length(max=16), metadata={
        "description": "Only offers with this exemption code."})
    updated_since = ma.fields.AwareDateTime(default_timezone=None, metadata={
        "description": "Only offers updated at or after this time (ISO 8601 with offset)."})
    cursor = ma.fields.String(validate=v.Length(max=200))
    limit = ma.fields.Integer(validate=v.Range(min=1, max=100), load_default=50)


class ProblemItemSchema(ma.Schema):
    code = ma.fields.String(required=True)
    blocking = ma.fields.Boolean(required=True)
    section = ma.fields.String(required=True)
    pointer = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "Where to fix it, as a JSON pointer into the offer."})
    message = ma.fields.String(required=True)


class FeeSchema(ma.Schema):
    amount_cents = ma.fields.Integer(required=True)
    exempt = ma.fields.Boolean(required=True)
    reason = ma.fields.String(required=True)
    proof_required = ma.fields.Boolean(required=True)


class ValidationSchema(ma.Schema):
    ready = ma.fields.Boolean(required=True, metadata={"description": "No blocking problem."})
    blocking = ma.fields.List(ma.fields.Nested(ProblemItemSchema), required=True)
    warnings = ma.fields.List(ma.fields.Nested(ProblemItemSchema), required=True)
    fee = ma.fields.Nested(FeeSchema, required=True)

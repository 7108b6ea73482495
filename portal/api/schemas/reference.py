"""Reference data: exemption codes (with their questions and evidence lists), NOC 2021 unit
groups, and the code finder's answers and result. Names and labels come in the language asked
for (Accept-Language, or ?lang=)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate as v

from portal.api.schemas.offers import Strict
from portal.rules.codes import Category
from portal.rules.countries import all_countries, all_provinces

CATEGORIES = [c.value for c in Category]
RELATIONSHIPS = ["new_hire", "transfer", "owner", "spouse_or_student"]
KINDS_OF_WORK = ["professional", "technician", "manager", "specialist", "trader_investor",
                 "research_academic", "performing_arts", "youth_exchange", "other"]
EMPLOYER_KINDS = ["normal", "foreign_government", "diplomatic", "international_org",
                  "bridge_tunnel"]


class CodeFeeSchema(ma.Schema):
    amount_cents = ma.fields.Integer(required=True)
    exempt = ma.fields.Boolean(required=True)
    reason = ma.fields.String(required=True)
    regulation = ma.fields.String(allow_none=True, required=True)
    proof_required = ma.fields.Boolean(required=True)


class CodeSummarySchema(ma.Schema):
    key = ma.fields.String(required=True, metadata={"description": "Its id in the API (C10)."})
    code = ma.fields.String(required=True, metadata={"description": "IRCC's code."})
    name = ma.fields.String(required=True)
    category = ma.fields.String(required=True, validate=v.OneOf(CATEGORIES))
    category_label = ma.fields.String(required=True)
    regulation = ma.fields.String(required=True)
    employer_specific = ma.fields.Boolean(required=True, metadata={
        "description": "An employer can choose it for an offer (else it is an open permit)."})
    fee = ma.fields.Nested(CodeFeeSchema, required=True)


class QuestionChoiceSchema(ma.Schema):
    value = ma.fields.String(required=True)
    label = ma.fields.String(required=True)


class QuestionSchema(ma.Schema):
    id = ma.fields.String(required=True, metadata={
        "description": "The key of its answer in the offer's code section (answers)."})
    kind = ma.fields.String(required=True, validate=v.OneOf(
        ["yes_no", "text", "date", "number", "choice"]))
    label = ma.fields.String(required=True)
    hint = ma.fields.String(allow_none=True, required=True)
    required = ma.fields.Boolean(required=True)
    choices = ma.fields.List(ma.fields.Nested(QuestionChoiceSchema), required=True)


class CodeEvidenceSchema(ma.Schema):
    id = ma.fields.String(required=True)
    label = ma.fields.String(required=True)
    required = ma.fields.Boolean(required=True)


class CodeSchema(CodeSummarySchema):
    legacy_code = ma.fields.String(allow_none=True, required=True)
    teer_levels = ma.fields.List(ma.fields.Integer(), allow_none=True, required=True, metadata={
        "description": "The TEER categories the job must be in; null: any."})
    citizenships = ma.fields.List(ma.fields.String(), allow_none=True, required=True, metadata={
        "description": "ISO country codes of the citizens it is for; null: any citizenship."})
    provinces = ma.fields.List(ma.fields.String(), allow_none=True, required=True, metadata={
        "description": "Only for work in these provinces or territories; null: anywhere."})
    max_duration_days = ma.fields.Integer(allow_none=True, required=True)
    questions = ma.fields.List(ma.fields.Nested(QuestionSchema), required=True)
    evidence = ma.fields.List(ma.fields.Nested(CodeEvidenceSchema), required=True)
    source = ma.fields.String(required=True, metadata={"description": "Where the rule is from."})


class CodeListQuery(Strict):
    category = ma.fields.String(validate=v.OneOf(CATEGORIES))
    employer_only = ma.fields.Boolean(load_default=False, metadata={
        "description": "Only codes an employer can choose for an offer."})
    lang = ma.fields.String(validate=v.OneOf(["en", "fr"]))


class CodeListSchema(ma.Schema):
    codes = ma.fields.List(ma.fields.Nested(CodeSummarySchema), required=True)


class LangQuery(Strict):
    lang = ma.fields.String(validate=v.OneOf(["en", "fr"]), metadata={
        "description": "The language (default: Accept-Language)."})


class NocQuery(LangQuery):
    q = ma.fields.String(required=True, validate=v.Length(min=1, max=100), metadata={
        "description": "Digits of a code (213) or words of a title, English or French."})
    limit = ma.fields.Integer(validate=v.Range(min=1, max=100), load_default=20)


class UnitGroupSchema(ma.Schema):
    code = ma.fields.String(required=True)
    teer = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True)
    title_en = ma.fields.String(required=True)
    title_fr = ma.fields.String(required=True)


class NocListSchema(ma.Schema):
    unit_groups = ma.fields.List(ma.fields.Nested(UnitGroupSchema), required=True)


_COUNTRIES = [code for code, _name in all_countries("en")]
_PROVINCES = [code for code, _name in all_provinces("en")]
_ANY_COUNTRY = "Must be one of: the ISO 3166-1 alpha-2 country codes."
_ANY_PROVINCE = "Must be one of: the two-letter codes of the provinces and territories."


class FinderQuery(LangQuery):
    """The code finder's questions (the page's), as query parameters."""

    citizenship = ma.fields.String(required=True, validate=v.OneOf(
        _COUNTRIES, error=_ANY_COUNTRY), metadata={
        "description": "ISO 3166-1 alpha-2 code of the worker's citizenship, for example MX."})
    relationship = ma.fields.String(required=True, validate=v.OneOf(RELATIONSHIPS))
    months_with_foreign_employer = ma.fields.Integer(validate=v.Range(min=0, max=36), metadata={
        "description": "For a transfer: months of full-time work with the company abroad in the "
                       "last 3 years (transfers need 12)."})
    kind_of_work = ma.fields.String(required=True, validate=v.OneOf(KINDS_OF_WORK))
    teer = ma.fields.Integer(validate=v.Range(min=0, max=5), metadata={
        "description": "The job's TEER category (NOC 2021), if known."})
    work_province = ma.fields.String(required=True, validate=v.OneOf(
        _PROVINCES, error=_ANY_PROVINCE))
    francophone = ma.fields.Boolean(load_default=False, metadata={
        "description": "The worker speaks French at NCLC 5 or higher."})
    iec_category = ma.fields.String(validate=v.OneOf(["yp", "ic", "wh"]), metadata={
        "description": "International Experience Canada category, if any."})
    age = ma.fields.Integer(validate=v.Range(min=14, max=99), metadata={
        "description": "The worker's age on the date of the IEC invitation (needed with IEC)."})
    has_pgwp_or_study_status = ma.fields.Boolean(load_default=False)
    provincial_nomination = ma.fields.String(validate=v.OneOf(
        _PROVINCES, error=_ANY_PROVINCE), metadata={
        "description": "The province that nominated the worker (Provincial Nominee Program)."})
    employer_kind = ma.fields.String(validate=v.OneOf(EMPLOYER_KINDS), load_default="normal")

    @ma.validates_schema
    def _iec_needs_age(self, data: dict[str, object], **_kwargs: object) -> None:
        if data.get("iec_category") and data.get("age") is None:
            raise ma.ValidationError("Missing data for required field.", field_name="age")


class SuggestionSchema(ma.Schema):
    code = ma.fields.Nested(CodeSummarySchema, required=True)
    why = ma.fields.String(required=True)
    evidence = ma.fields.List(ma.fields.Nested(CodeEvidenceSchema), required=True)


class FinderSchema(ma.Schema):
    suggestions = ma.fields.List(ma.fields.Nested(SuggestionSchema), required=True)
    lmia_needed = ma.fields.Boolean(required=True)
    lmia_explanation = ma.fields.String(allow_none=True, required=True)
    employer_exempt = ma.fields.Boolean(required=True, metadata={
        "description": "The employer is exempt from the compliance regime: no offer."})
    employer_exempt_explanation = ma.fields.String(allow_none=True, required=True)
    open_permit = ma.fields.Boolean(required=True)
    open_permit_explanation = ma.fields.String(allow_none=True, required=True)

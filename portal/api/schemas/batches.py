"""Batches: the upload (multipart), a batch with its rows as the API returns it, and the
examples of the OpenAPI document."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate as v

from portal.api.schemas.offers import Strict
from portal.services.batches.columns import COLUMN_KEYS
from portal.services.offers.drafts import ATTESTATION_IDS


class BatchUpload(Strict):
    file = ma.fields.Raw(load_only=True, metadata={
        "type": "string", "format": "binary",
        "description": "The spreadsheet: CSV in UTF-8 (with or without a byte order mark) or "
                       "XLSX, at most 5 MB and 500 rows, with the template's header row "
                       "(GET /api/v1/batches/template.csv), in English or French."})
    dry_run = ma.fields.Boolean(load_default=True, metadata={
        "description": "true (the default): check every row, create nothing. false: also "
                       "create a draft for each row, all in one transaction, only when every "
                       "row is valid (or skip_invalid is true)."})
    skip_invalid = ma.fields.Boolean(load_default=False, metadata={
        "description": "With dry_run=false: create the valid rows' drafts and leave the "
                       "invalid rows out, instead of creating nothing."})
    attestations = ma.fields.List(ma.fields.String(validate=v.OneOf(ATTESTATION_IDS)),
                                  load_default=list, metadata={
        "description": "With dry_run=false: the attestations made once for every draft of "
                       "the batch (repeat the field for each), as in the attestations "
                       "section of an offer."})


class RowErrorSchema(ma.Schema):
    code = ma.fields.String(required=True, metadata={
        "description": "A stable code: cell.date, offer.noc_unknown, FIELD-MISSING, ..."})
    field = ma.fields.String(allow_none=True, required=True, validate=v.OneOf(COLUMN_KEYS),
                             metadata={"description": "The column (its key); null for the "
                                                      "whole row (a duplicate row)."})
    message = ma.fields.String(required=True, metadata={
        "description": "What to fix, in the language asked for (Accept-Language)."})


class BatchRowSchema(ma.Schema):
    row = ma.fields.Integer(required=True, metadata={
        "description": "The row number as the spreadsheet shows it (the header is row 1)."})
    status = ma.fields.String(required=True, validate=v.OneOf(
        ["valid", "invalid", "created", "skipped"]))
    offer_id = ma.fields.Integer(allow_none=True, required=True, metadata={
        "description": "The draft made from the row, once created."})
    errors = ma.fields.List(ma.fields.Nested(RowErrorSchema), required=True)


class BatchSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    file_name = ma.fields.String(required=True)
    row_count = ma.fields.Integer(required=True)
    created_at = ma.fields.DateTime(required=True)
    confirmed_at = ma.fields.DateTime(allow_none=True, required=True, metadata={
        "description": "When the drafts were created; null after a dry run."})
    rows = ma.fields.List(ma.fields.Nested(BatchRowSchema), required=True)


class TemplateQuery(Strict):
    lang = ma.fields.String(validate=v.OneOf(["en", "fr"]), metadata={
        "description": "The headers' language (default: Accept-Language)."})


BATCH_EXAMPLE = {
    "id": 7, "file_name": "team.csv", "row_count": 2,
    "created_at": "2026-12-02T14:00:00+00:00", "confirmed_at": None,
    "rows": [
        {"row": 2, "status": "valid", "offer_id": None, "errors": []},
        {"row": 3, "status": "invalid", "offer_id": None, "errors": [
            {"code": "cell.date", "field": "start_date",
             "message": "Enter the date as year-month-day, for example 2027-03-01."}]},
    ],
}


class PaidRowSchema(BatchRowSchema):
    offer_status = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "The offer's state now: draft, pending, ...; null without an offer."})
    offer_number = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "The offer number (A1234567) once submitted."})
    result = ma.fields.String(allow_none=True, required=True, validate=v.OneOf(
        ["submitted", "already_submitted", "declined", "not_ready", "fee_exempt", "refused"]),
        metadata={"description": "What this call did to the row's offer: submitted (paid "
                  "now), already_submitted (paid before: not charged again), declined (the "
                  "card was declined; retry with a new Idempotency-Key), not_ready (its "
                  "review lists what to fix), fee_exempt (claim the exemption on the offer), "
                  "refused; null for a row without an offer."})


class BatchPaymentSchema(BatchSchema):
    rows = ma.fields.List(ma.fields.Nested(PaidRowSchema), required=True)
    submitted = ma.fields.Integer(required=True, metadata={
        "description": "How many offers this call paid and submitted."})


BATCH_PAYMENT_EXAMPLE = {
    "id": 7, "file_name": "team.csv", "row_count": 2,
    "created_at": "2026-12-02T14:00:00+00:00", "confirmed_at": "2026-12-02T14:05:00+00:00",
    "submitted": 1,
    "rows": [
        {"row": 2, "status": "created", "offer_id": 41, "errors": [],
         "offer_status": "pending", "offer_number": "A1234567", "result": "submitted"},
        {"row": 3, "status": "created", "offer_id": 42, "errors": [],
         "offer_status": "pending", "offer_number": "A1234566",
         "result": "already_submitted"},
    ],
}

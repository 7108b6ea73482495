"""Batches of offers from a spreadsheet: the template, the upload (a dry run, or the drafts
created), and reading a batch, through the same services and checks as the batch pages."""

from __future__ import annotations

import contextlib
from typing import Any

from flask import Response, request, url_for
from flask_smorest import Blueprint

from portal.api.auth import actor, key_required
from portal.api.docs import problems
from portal.api.errors import from_domain_error
from portal.api.idempotency import header_doc, idempotent
from portal.api.schemas.batches import (
    BATCH_EXAMPLE,
    BATCH_PAYMENT_EXAMPLE,
    BatchPaymentSchema,
    BatchSchema,
    BatchUpload,
    TemplateQuery,
)
from portal.api.schemas.offer_actions import PaymentRequest
from portal.catalogue import say
from portal.catalogue.batches import header_aliases, headers
from portal.i18n import current_language
from portal.models.enums import Scope
from portal.services.batches import checking, confirming, spreadsheets
from portal.services.batches.stored import message_from_json
from portal.services.errors import Conflict, DomainError

blp = Blueprint("api_batches", __name__,
                description="Batches of offers from a spreadsheet, checked row by row.")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def batch_body(batch: Any) -> dict[str, Any]:
    return {
        "id": batch.id, "file_name": batch.file_name, "row_count": batch.row_count,
        "created_at": batch.created_at, "confirmed_at": batch.confirmed_at,
        "rows": [{"row": row.row_number, "status": row.status, "offer_id": row.offer_id,
                  "errors": [{"code": e["code"], "field": e.get("field"),
                              "message": say(message_from_json(e["message"]))}
                             for e in row.errors]} for row in batch.rows],
    }


@blp.route("/batches", methods=["POST"])
@key_required(Scope.PREPARE)
@idempotent()
@blp.arguments(BatchUpload, location="form", content_type="multipart/form-data",
               example={"file": "(the CSV's bytes)", "dry_run": "true"})
@blp.response(200, BatchSchema, example=BATCH_EXAMPLE)
@problems(blp, 401, 403, 413, 422, 429)
@blp.doc(summary="Upload a batch", parameters=[header_doc(required=False)],
         description="multipart/form-data with the spreadsheet as `file`. Every row is checked "
         "as the offer form checks a draft (cell shapes, codes, countries, NOC, eligibility, "
         "dates). The same file again returns the same batch (never a second set of drafts). "
         "A file that cannot be read is refused with 422 at /file.")
def upload_batch(body: dict[str, Any]) -> Any:
    upload = request.files.get("file")
    name, data = ((upload.filename or ""), upload.read()) if upload else ("", b"")
    try:
        batch = checking.check_upload(actor=actor(), file_name=name, data=data,
                                      aliases=header_aliases())
        if not body["dry_run"]:
            batch = _confirm(batch.id, body["skip_invalid"], body["attestations"])
    except DomainError as error:
        return from_domain_error(error)
    location = url_for("api_batches.read_batch", batch_id=batch.id)
    return batch_body(batch), 200, {"Location": location}


def _confirm(batch_id: int, skip_invalid: bool, attestations: list[str]) -> Any:
    # Invalid rows (or none valid): nothing is created, and the rows say why.
    with contextlib.suppress(Conflict):
        confirming.confirm_batch(batch_id=batch_id, actor=actor(), skip_invalid=skip_invalid,
                                 attestations=attestations)
    return checking.get_batch(batch_id=batch_id, actor=actor())


@blp.route("/batches/<int:batch_id>", methods=["GET"])
@blp.response(200, BatchSchema, example=BATCH_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Read a batch", description="The batch with each row's status, errors and "
         "the draft made from it.")
@key_required(Scope.READ)
def read_batch(batch_id: int) -> Any:
    try:
        batch = checking.get_batch(batch_id=batch_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return batch_body(batch)


def paid_body(batch: Any, outcomes: list[confirming.Outcome]) -> dict[str, Any]:
    """The batch after paying: each row's offer state and number, and what this call did."""
    offers = confirming.batch_offers(batch)
    results = {o.row_number: o.result for o in outcomes}
    body = batch_body(batch)
    for row, shown in zip(batch.rows, body["rows"], strict=True):
        offer = offers.get(row.offer_id or 0)
        shown["offer_status"] = str(offer.status) if offer else None
        shown["offer_number"] = offer.number if offer else None
        shown["result"] = results.get(row.row_number)
    body["submitted"] = sum(1 for o in outcomes if o.result == "submitted")
    return body


@blp.route("/batches/<int:batch_id>/pay-and-submit", methods=["POST"])
@key_required(Scope.SUBMIT)
@idempotent(required=True)
@blp.arguments(PaymentRequest, example={"card_number": "4242 4242 4242 4242",
                                        "expiry": "12/30", "cvc": "123"})
@blp.response(200, BatchPaymentSchema, example=BATCH_PAYMENT_EXAMPLE)
@problems(blp, 401, 403, 404, 422, 428, 429)
@blp.doc(summary="Pay and submit all the batch's drafts", parameters=[header_doc(required=True)],
         description="Pays each draft's $230 compliance fee with the test card and submits it "
         "(one payment per offer, each with its own idempotency key derived from the batch and "
         "the offer: a retry, even with a new Idempotency-Key, never charges an offer twice). "
         "Each row says what happened to its offer, with the offer's state and number. Needs "
         "a key with the submit scope of a user with the submit permission.")
def pay_and_submit_batch(body: dict[str, Any], batch_id: int) -> Any:
    try:
        outcomes = confirming.pay_and_submit_all(batch_id=batch_id, actor=actor(),
                                                 card_number=body["card_number"])
        batch = checking.get_batch(batch_id=batch_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return paid_body(batch, outcomes)


def _lang(query: dict[str, Any]) -> str:
    return str(query.get("lang") or current_language())


@blp.route("/batches/template.csv", methods=["GET"])
@blp.arguments(TemplateQuery, location="query")
@blp.response(200, description="The template's header row, CSV in UTF-8 with a byte order "
              "mark.", content_type="text/csv")
@problems(blp, 401, 403, 422, 429)
@blp.doc(summary="The batch template (CSV)")
@key_required(Scope.READ)
def batch_template_csv(query: dict[str, Any]) -> Any:
    lang = _lang(query)
    text = "\ufeff" + "".join(spreadsheets.template_csv(headers(lang)))
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="offers-template-{lang}.csv"'})


@blp.route("/batches/template.xlsx", methods=["GET"])
@blp.arguments(TemplateQuery, location="query")
@blp.response(200, description="The template as an Excel workbook.", content_type=XLSX)
@problems(blp, 401, 403, 422, 429)
@blp.doc(summary="The batch template (XLSX)")
@key_required(Scope.READ)
def batch_template_xlsx(query: dict[str, Any]) -> Any:
    lang = _lang(query)
    return Response(spreadsheets.template_xlsx(headers(lang)), mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="offers-template-{lang}.xlsx"'})

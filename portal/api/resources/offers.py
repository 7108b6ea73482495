"""Offers: create a draft, read it (with its ETag), list with filters and a cursor, delete a
draft, copy any offer, and validate (the review page's findings)."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from flask import Response, url_for
from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from portal.api.auth import actor, key_required
from portal.api.docs import DRAFT_OPERATIONS, OFFER_ID, links, problems
from portal.api.errors import from_domain_error
from portal.api.idempotency import header_doc, idempotent
from portal.api.problems import ApiProblem, FieldError
from portal.api.resources.offer_sections import service_values
from portal.api.schemas.offer_bodies import in_offer_body, offer_body, review_body, summary_body
from portal.api.schemas.offers import (
    NewOfferSchema,
    OfferListQuery,
    OfferListSchema,
    OfferSchema,
    ValidationSchema,
)
from portal.api.schemas.offers_examples import OFFER_EXAMPLE, VALIDATION_EXAMPLE
from portal.api.walk import COMPLETE_DRAFT, DRAFT_EXAMPLES, example_link, example_links
from portal.models.enums import Scope
from portal.services.errors import DomainError
from portal.services.offers import drafts, queue, review
from portal.services.offers.access import get_offer

blp = Blueprint("api_offers", __name__,
                description="Offers of employment: drafts and their review.")
_CURSOR_TEXT = _l("This cursor is not one the API gave. Start again without it.")


def etag_headers(offer: Any) -> dict[str, str]:
    return {"ETag": f'"{drafts.content_tag(offer)}"'}


def created(offer: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
    location = url_for("api_offers.read_offer", offer_id=offer.id)
    return offer_body(offer), 201, {"Location": location, **etag_headers(offer)}


@blp.route("/offers", methods=["POST"])
@key_required(Scope.PREPARE)
@idempotent()
@blp.arguments(NewOfferSchema, required=False, example={"code": {"code_key": "C10"}})
@blp.response(201, OfferSchema, example=OFFER_EXAMPLE)
@problems(blp, 401, 403, 409, 422, 429)
@links(blp, 201, DRAFT_OPERATIONS, OFFER_ID, example_links(DRAFT_EXAMPLES, OFFER_ID))
@blp.doc(summary="Create a draft", parameters=[header_doc(required=False)],
         description="An empty body makes an empty draft; any sections given are saved in it "
         "(checked first, as each section's PATCH would).")
def create_offer(body: dict[str, Any]) -> Any:
    sections = {name: service_values(name, values) for name, values in (body or {}).items()}
    try:
        for name, values in sections.items():
            drafts.check_section(name, values)
        offer = drafts.create_draft(actor=actor())
        for name, values in sections.items():
            offer = drafts.save_section(offer_id=offer.id, actor=actor(), section=name,
                                        values=values)
    except DomainError as error:
        return from_domain_error(error, pointer_of=in_offer_body)
    return created(offer)


@blp.route("/offers", methods=["GET"])
@blp.arguments(OfferListQuery, location="query")
@blp.response(200, OfferListSchema, example={"offers": [], "next_cursor": None})
@problems(blp, 401, 403, 422, 429)
@links(blp, 200, (), OFFER_ID,
       {"createCompleteDraft": example_link("createOffer", COMPLETE_DRAFT)})
@blp.doc(summary="List offers", description="The employer's offers, most recently updated "
         "first, a page at a time (cursor pagination).")
@key_required(Scope.READ)
def list_offers(query: dict[str, Any]) -> dict[str, Any]:
    rows, position = queue.list_offers_by_update(
        actor=actor(), status=query.get("status", ""), code=query.get("code", ""),
        updated_since=query.get("updated_since"), after=_decode_cursor(query.get("cursor")),
        limit=query["limit"],
    )
    return {"offers": [summary_body(row) for row in rows], "next_cursor": _encode(position)}


def _encode(position: queue.Position | None) -> str | None:
    if position is None:
        return None
    raw = f"{position.updated_at.isoformat()}|{position.offer_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str | None) -> queue.Position | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _, offer_id = raw.partition("|")
        position = queue.Position(datetime.fromisoformat(moment), int(offer_id))
        if position.updated_at.tzinfo is None:
            raise ValueError(moment)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ApiProblem(422, "validation", errors=[FieldError(
            "cursor.invalid", str(_CURSOR_TEXT), parameter="cursor")]) from error
    return position


@blp.route("/offers/<int:offer_id>", methods=["GET"])
@blp.response(200, OfferSchema, example=OFFER_EXAMPLE, headers={"ETag": {
    "description": "The offer's content tag: send it as If-Match when you change a section.",
    "schema": {"type": "string"}}})
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Read an offer")
@key_required(Scope.READ)
def read_offer(offer_id: int) -> Any:
    try:
        offer = get_offer(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return offer_body(offer), etag_headers(offer)


@blp.route("/offers/<int:offer_id>", methods=["DELETE"])
@blp.response(204)
@problems(blp, 401, 403, 404, 409, 429)
@blp.doc(summary="Delete a draft", description="Only a draft can be deleted.")
@key_required(Scope.PREPARE)
def delete_offer(offer_id: int) -> Any:
    try:
        drafts.delete_draft(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return Response(status=204)


@blp.route("/offers/<int:offer_id>/copy", methods=["POST"])
@key_required(Scope.PREPARE)
@idempotent()
@blp.response(201, OfferSchema, example=OFFER_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@links(blp, 201, DRAFT_OPERATIONS, OFFER_ID, example_links(DRAFT_EXAMPLES, OFFER_ID))
@blp.doc(summary="Copy an offer", parameters=[header_doc(required=False)],
         description="A new draft with every section except the worker's identity, the "
         "attestations and the fee (renewals copy matched offers).")
def copy_offer(offer_id: int) -> Any:
    try:
        offer = drafts.copy_offer(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return created(offer)


@blp.route("/offers/<int:offer_id>/validation", methods=["GET"])
@blp.response(200, ValidationSchema, example=VALIDATION_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Validate an offer", description="What blocks submission and what to check, "
         "each with a stable code, where to fix it and a message in the language asked for; "
         "and the compliance fee. Submitting runs the same review.")
@key_required(Scope.READ)
def validate_offer(offer_id: int) -> Any:
    try:
        offer = get_offer(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return review_body(review.review_offer(offer))


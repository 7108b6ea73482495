"""PATCH /api/v1/offers/{id}/sections/{section}: save part of a draft's section, as the page's
"Save" does (the same service and checks). Fields sent are saved, fields left out are kept.
If-Match with the ETag of the offer as read stops a lost update: 412 when it changed since."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from flask import request
from flask_smorest import Blueprint

from portal.api.auth import actor, key_required
from portal.api.docs import DRAFT_OPERATIONS, OFFER_ID, links, problems
from portal.api.errors import from_domain_error
from portal.api.schemas.offer_bodies import offer_body, pointer_in_section
from portal.api.schemas.offers import SECTION_SCHEMAS, OfferSchema
from portal.api.schemas.offers_examples import OFFER_EXAMPLE, SECTION_EXAMPLES
from portal.api.walk import DRAFT_EXAMPLES, example_links
from portal.models.enums import Scope
from portal.services.errors import DomainError
from portal.services.offers import drafts

blp = Blueprint("api_offer_sections", __name__,
                description="The five sections of a draft offer, one PATCH each.")

SUMMARIES = {
    "code": "Save the exemption code section",
    "worker": "Save the foreign worker section",
    "job": "Save the job section",
    "wages": "Save the wages and benefits section",
    "attestations": "Save the attestations",
}


def service_values(section: str, body: dict[str, Any]) -> dict[str, Any]:
    """A section's body as the drafts service takes it."""
    values = dict(body)
    hours = values.get("hours_per_week")
    if hours is not None:
        values["hours_per_week"] = Decimal(str(hours)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)
    return values


def _expected_tag() -> str | None:
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    return header.removeprefix("W/").strip('"')


def _section_view(section: str) -> Any:
    def save(body: dict[str, Any], offer_id: int) -> Any:
        try:
            offer = drafts.save_section(
                offer_id=offer_id, actor=actor(), section=section,
                values=service_values(section, body), expected_tag=_expected_tag(),
            )
        except DomainError as error:
            return from_domain_error(error, pointer_of=pointer_in_section)
        return offer_body(offer), {"ETag": f'"{drafts.content_tag(offer)}"'}

    save.__name__ = f"save_{section}"
    return save


for _section, _schema in SECTION_SCHEMAS.items():
    _view = key_required(Scope.PREPARE)(_section_view(_section))
    _view = blp.doc(summary=SUMMARIES[_section], parameters=[{
        "in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
        "description": "The ETag of the offer as you read it: refused with 412 if it changed."}],
    )(_view)
    _view = problems(blp, 401, 403, 404, 409, 412, 422, 429)(_view)
    _view = links(blp, 200, DRAFT_OPERATIONS, OFFER_ID,
                  example_links(DRAFT_EXAMPLES, OFFER_ID))(_view)
    _view = blp.response(200, OfferSchema, example=OFFER_EXAMPLE)(_view)
    _view = blp.arguments(_schema, example=SECTION_EXAMPLES[_section])(_view)
    blp.route(f"/offers/<int:offer_id>/sections/{_section}", methods=["PATCH"],
              endpoint=f"save_{_section}")(_view)

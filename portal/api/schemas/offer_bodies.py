"""Offers as JSON: what GET returns, the review as problems with pointers, and the pointer of a
page field name (location1_province, answer_q) inside the offer (/job/locations/0/province)."""

from __future__ import annotations

import re
from typing import Any

from portal.api.problems import word
from portal.services.offers.drafts import LOCATION_FIELDS, SECTION_FIELDS
from portal.services.offers.queue import OfferRow
from portal.services.offers.review import Review

_FIELD_SECTION = {field: section for section, fields in SECTION_FIELDS.items()
                  for field in fields}
_LOCATION = re.compile(r"^location(\d)_(\w+)$")


def pointer_in_section(field: str) -> str:
    """A page field name as a pointer inside its section's body."""
    found = _LOCATION.match(field)
    if found:
        return f"/locations/{int(found.group(1)) - 1}/{found.group(2)}"
    if field.startswith("answer_"):
        return "/answers/" + field.removeprefix("answer_")
    return "/" + field


def pointer_in_offer(field: str | None, section: str) -> str | None:
    """A page field name as a pointer inside the whole offer."""
    if field is None:
        return None
    if _LOCATION.match(field):
        section = "job"
    elif field.startswith("answer_"):
        section = "code"
    else:
        section = _FIELD_SECTION.get(field, section)
    return f"/{section}{pointer_in_section(field)}"


def in_offer_body(field: str) -> str:
    """A page field name as a pointer in a body holding several sections (a new draft's)."""
    return pointer_in_offer(field, "code") or "/" + field


def offer_body(offer: Any) -> dict[str, Any]:
    sections: dict[str, dict[str, Any]] = {}
    for section, fields in SECTION_FIELDS.items():
        sections[section] = {
            name: getattr(offer, name) for name in fields if name != "locations"
        }
    sections["job"]["locations"] = [
        {name: getattr(loc, name) for name in LOCATION_FIELDS} for loc in offer.locations
    ]
    sections["job"]["teer"] = offer.teer
    sections["code"]["answers"] = dict(offer.answers or {})
    sections["attestations"]["attestations"] = list(offer.attestations or [])
    hours = sections["wages"]["hours_per_week"]
    sections["wages"]["hours_per_week"] = None if hours is None else float(hours)
    return {
        "id": offer.id, "number": offer.number, "status": str(offer.status),
        "fee_status": str(offer.fee_status), "fee_exemption_reason": offer.fee_exemption_reason,
        "created_at": offer.created_at, "updated_at": offer.updated_at,
        "submitted_at": offer.submitted_at, "matched_at": offer.matched_at,
        "withdrawn_at": offer.withdrawn_at, "withdrawal_reason": offer.withdrawal_reason,
        "copied_from_id": offer.copied_from_id, **sections,
    }


def summary_body(row: OfferRow) -> dict[str, Any]:
    return {
        "id": row.id, "number": row.number, "status": str(row.status),
        "fee_status": str(row.fee_status), "code_key": row.code_key, "job_title": row.job_title,
        "noc_code": row.noc_code, "start_date": row.start_date, "end_date": row.end_date,
        "created_at": row.created_at, "updated_at": row.updated_at,
        "submitted_at": row.submitted_at,
    }


def review_body(review: Review) -> dict[str, Any]:
    def item(problem: Any) -> dict[str, Any]:
        return {
            "code": problem.code or problem.message.code, "blocking": problem.blocking,
            "section": problem.section,
            "pointer": pointer_in_offer(problem.field, problem.section),
            "message": word(problem.message),
        }

    return {
        "ready": review.ready,
        "blocking": [item(p) for p in review.blocking],
        "warnings": [item(p) for p in review.warnings],
        "fee": {"amount_cents": review.fee.amount_cents, "exempt": review.fee.exempt,
                "reason": word(review.fee.reason), "proof_required": review.fee.proof_required},
    }

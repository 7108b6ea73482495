"""Between the section forms and the offer: filling a form from a draft, and taking from a
submitted form only the values that have the right shape (the others keep their error and their
typed text on the page, and the draft keeps its previous value)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from flask_wtf import FlaskForm

from portal.services.offers.drafts import JOB_FIELDS, LOCATION_FIELDS, WORKER_FIELDS

if TYPE_CHECKING:  # annotations only: the fillers read the draft a service returned
    from portal.models import Offer

SECTION_ENDPOINTS = {
    "code": "offers.exemption_code",
    "worker": "offers.foreign_worker",
    "job": "offers.job",
    "wages": "offers.wages",
    "attestations": "offers.attestations",
    # The review's fix links for the business details (from the profile, not a form here).
    "business": "offers.business_information",
}
SECTION_ORDER = ("code", "worker", "job", "wages", "attestations")
# A problem names the offer's column; these columns are typed into a field named otherwise.
_FORM_FIELD_FOR_COLUMN = {"wage_cents": "wage"}


def field_anchor(column: str) -> str:
    """The id of the form field where `column` is typed: the fragment of a "fix this" link."""
    return _FORM_FIELD_FOR_COLUMN.get(column, column)


def next_endpoint(section: str) -> str:
    index = SECTION_ORDER.index(section)
    if index + 1 < len(SECTION_ORDER):
        return SECTION_ENDPOINTS[SECTION_ORDER[index + 1]]
    return "offers.review"


def _ok(form: FlaskForm, name: str) -> bool:
    return name in form._fields and not form[name].errors


def code_values(form: FlaskForm, questions: tuple) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in ("code_key", "explanation"):
        if _ok(form, name):
            values[name] = form[name].data or None
    answers = {}
    for question in questions:
        name = f"answer_{question.id}"
        if _ok(form, name):
            data = form[name].data
            answers[question.id] = "" if data is None else (
                data.isoformat() if hasattr(data, "isoformat") else str(data).strip()
            )
    values["answers"] = answers
    return values


def fill_code(form: FlaskForm, offer: Offer, questions: tuple) -> None:
    form.code_key.data = offer.code_key or ""
    form.explanation.data = offer.explanation
    for question in questions:
        raw = (offer.answers or {}).get(question.id)
        field = form[f"answer_{question.id}"]
        field.process_data(raw)
        if raw is not None and field.type in ("DateField", "NumberField"):
            field.process_formdata([raw])


def worker_values(form: FlaskForm) -> dict[str, Any]:
    return {name: form[name].data or None for name in WORKER_FIELDS if _ok(form, name)}


def fill_worker(form: FlaskForm, offer: Offer) -> None:
    for name in WORKER_FIELDS:
        form[name].data = getattr(offer, name)


def job_values(form: FlaskForm) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in JOB_FIELDS:
        if not _ok(form, name):
            continue
        data = form[name].data
        if name == "full_time":
            data = {"yes": True, "no": False}.get(data or "")
        values[name] = data if data not in ("",) else None
    # Locations are saved together, and only when both are well formed.
    names = [f"location{p}_{f}" for p in (1, 2) for f in LOCATION_FIELDS]
    if all(_ok(form, n) for n in names):
        values["locations"] = [
            {f: form[f"location{p}_{f}"].data or None for f in LOCATION_FIELDS} for p in (1, 2)
        ]
    return values


def fill_job(form: FlaskForm, offer: Offer) -> None:
    for name in JOB_FIELDS:
        form[name].data = getattr(offer, name)
    form.full_time.data = None if offer.full_time is None else ("yes" if offer.full_time else "no")
    for location in offer.locations:
        for field in LOCATION_FIELDS:
            form[f"location{location.position}_{field}"].data = getattr(location, field)


_WAGE_TEXT = ("wage_unit", "overtime", "vacation", "benefits_other", "alternate_compensation",
              "additional_information", "hours_per_week")
_BENEFITS = ("benefit_health", "benefit_dental", "benefit_pension", "benefit_disability")


def wages_values(form: FlaskForm) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if _ok(form, "wage"):
        wage = form.wage.data
        values["wage_cents"] = (
            None if wage is None
            else int((Decimal(wage) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        )
    for name in _WAGE_TEXT:
        if _ok(form, name):
            values[name] = form[name].data if form[name].data not in ("",) else None
    for name in _BENEFITS:
        values[name] = bool(form[name].data)
    return values


def fill_wages(form: FlaskForm, offer: Offer) -> None:
    form.wage.data = None if offer.wage_cents is None else Decimal(offer.wage_cents) / 100
    for name in (*_WAGE_TEXT, *_BENEFITS):
        form[name].data = getattr(offer, name)

"""The columns of a batch spreadsheet, one row per offer, and reading one row into the offer's
sections.

Each cell is read for its shape here (a date, a number, yes/no, a code's format, a length):
the limits are the offer forms' own (portal/services/offers/limits.py, which the forms and the
API read too); what the values mean (codes,
countries, NOC, eligibility, dates) is checked by the offers services, as for a form.

Per-code answers travel in one column, `code_answers`: `question_id=value` pairs separated by
semicolons (`job_offer_date=2026-11-02; professional_title=yes`). The question ids are the ones
the code's page and GET /api/v1/codes/{key} list. One work location per row (the form takes a
second one; list others in the duties). The wage is in dollars (32.50), the unit hour, week,
month or year; yes/no columns take yes, no, oui or non.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from portal.rules.messages import Message
from portal.rules.text import is_unsafe
from portal.services.offers.limits import (
    ANSWER_ID_LIMIT,
    ANSWER_LIMIT,
    HOURS_MAX,
    HOURS_MIN,
    TEXT_LIMITS,
    WAGE_MAX,
)

_LOCATION = {"location_address": "address_line1", "location_city": "city",
             "location_province": "province", "location_postal_code": "postal_code"}
_SERVICE_NAME = {"wage": "wage_cents", "code_answers": "answers"}
# (column key, section, kind): the order of the template's columns.
_SPEC: tuple[tuple[str, str, str], ...] = (
    ("worker_family_name", "worker", "text"),
    ("worker_given_names", "worker", "text"),
    ("worker_sex", "worker", "sex"),
    ("worker_date_of_birth", "worker", "date"),
    ("worker_country_of_birth", "worker", "country"),
    ("worker_citizenship", "worker", "country"),
    ("worker_residence_country", "worker", "country"),
    ("worker_passport_number", "worker", "exact"),
    ("worker_passport_expiry", "worker", "date"),
    ("worker_uci", "worker", "uci"),
    ("job_title", "job", "text"),
    ("noc_code", "job", "noc"),
    ("duties", "job", "long"),
    ("location_address", "job", "text"),
    ("location_city", "job", "text"),
    ("location_province", "job", "province"),
    ("location_postal_code", "job", "text"),
    ("start_date", "job", "date"),
    ("end_date", "job", "date"),
    ("full_time", "job", "yes_no"),
    ("hours_per_week", "wages", "hours"),
    ("wage", "wages", "wage"),
    ("wage_unit", "wages", "wage_unit"),
    ("vacation", "wages", "long"),
    ("benefit_health", "wages", "yes_no"),
    ("benefit_dental", "wages", "yes_no"),
    ("benefit_pension", "wages", "yes_no"),
    ("benefit_disability", "wages", "yes_no"),
    ("benefits_other", "wages", "long"),
    ("code_key", "code", "code"),
    ("explanation", "code", "long"),
    ("code_answers", "code", "answers"),
)


def field_name(column: str) -> str:
    """The offer's field a column fills (location_city -> city, wage -> wage_cents)."""
    return _LOCATION.get(column) or _SERVICE_NAME.get(column, column)


# (column key, section, kind, limit): the limit of a text column is its field's, from
# portal.services.offers.limits (the forms' and the API's too); 0 for the others.
COLUMNS: tuple[tuple[str, str, str, int], ...] = tuple(
    (key, section, kind, TEXT_LIMITS.get(field_name(key), 0)) for key, section, kind in _SPEC)
COLUMN_KEYS = tuple(key for key, *_rest in COLUMNS)
# Form fields the review names, and the column that holds each.
COLUMN_FOR_FIELD = {
    "location1_address_line1": "location_address", "location1_city": "location_city",
    "location1_province": "location_province", "location1_postal_code": "location_postal_code",
    "wage_cents": "wage", "answers": "code_answers",
}
_UCI = re.compile(r"^\d{4}-?\d{4}(\d{2})?$|^\d{8}(\d{2})?$")
_YES = {"yes": True, "oui": True, "y": True, "o": True, "true": True,
        "no": False, "non": False, "n": False, "false": False}
_WAGE_UNITS = {"hour": "hour", "week": "week", "month": "month", "year": "year",
               "heure": "hour", "semaine": "week", "mois": "month", "année": "year",
               "annee": "year"}


@dataclass(frozen=True)
class CellError:
    """One problem of a row: the column (None for the whole row), a stable code and the
    catalogue message."""

    field: str | None
    code: str
    message: Message


class _Bad(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message.code)
        self.message = message


def _date(text: str, _limit: int) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise _Bad(Message.of("batch.cell.date")) from error


def _decimal(text: str, low: Decimal, high: Decimal) -> Decimal:
    try:
        value = Decimal(text.replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation as error:
        raise _Bad(Message.of("batch.cell.number")) from error
    if not value.is_finite() or not low <= value <= high:
        raise _Bad(Message.of("batch.cell.range", low=str(low), high=str(high)))
    return value.quantize(Decimal("0.01"))


def _wage(text: str, _limit: int) -> int:
    return int(_decimal(text.lstrip("$").rstrip("$"), Decimal(0), WAGE_MAX) * 100)


def _hours(text: str, _limit: int) -> Decimal:
    return _decimal(text, HOURS_MIN, HOURS_MAX)


def _text(text: str, limit: int) -> str:
    if len(text) > limit:
        raise _Bad(Message.of("batch.cell.too_long", limit=limit))
    return text


def _pattern(pattern: re.Pattern[str], refusal: Message) -> Callable[[str, int], str]:
    def read(text: str, _limit: int) -> str:
        if not pattern.match(text):
            raise _Bad(refusal)
        return text
    return read


def _choice(choices: Mapping[str, Any], refusal: Message) -> Callable[[str, int], Any]:
    def read(text: str, _limit: int) -> Any:
        value = choices.get(text.casefold())
        if value is None:
            raise _Bad(refusal)
        return value
    return read


def _answers(text: str, _limit: int) -> dict[str, str]:
    answers: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if (not sep or not key.strip() or len(key.strip()) > ANSWER_ID_LIMIT
                or len(value.strip()) > ANSWER_LIMIT):
            raise _Bad(Message.of("batch.cell.answers"))
        answers[key.strip()] = value.strip()
    return answers


_READERS: dict[str, Callable[[str, int], Any]] = {
    "text": _text, "long": _text, "exact": _text, "date": _date, "wage": _wage,
    "hours": _hours,
    "sex": _choice({"f": "F", "m": "M", "x": "X"}, Message.of("batch.cell.sex")),
    "country": _pattern(re.compile(r"^[A-Z]{2}$"), Message.of("batch.cell.country")),
    "province": _pattern(re.compile(r"^[A-Z]{2}$"), Message.of("batch.cell.province")),
    "noc": _pattern(re.compile(r"^\d{5}$"), Message.of("batch.cell.noc")),
    "uci": _pattern(_UCI, Message.of("batch.cell.uci")),
    "yes_no": _choice(_YES, Message.of("batch.cell.yes_no")),
    "wage_unit": _choice(_WAGE_UNITS, Message.of("batch.cell.wage_unit")),
    "code": _text, "answers": _answers,
}


def _normalised(kind: str, raw: str) -> str:
    if kind == "exact":
        return raw  # the passport number is matched character for character
    text = raw.strip()
    return text.upper() if kind in ("country", "province", "code") else text


def read_row(cells: Mapping[str, str]) -> tuple[dict[str, dict[str, Any]], list[CellError]]:
    """The row's values as the drafts service takes them, by section, and the cells whose
    shape is wrong (their columns are left out of the sections). Empty cells are left out."""
    sections: dict[str, dict[str, Any]] = {"code": {}, "worker": {}, "job": {}, "wages": {}}
    location: dict[str, Any] = {}
    errors: list[CellError] = []
    for key, section, kind, limit in COLUMNS:
        raw = cells.get(key) or ""
        if is_unsafe(raw, multiline=kind == "long"):
            errors.append(CellError(key, "cell.characters", Message.of("batch.cell.characters")))
            continue
        text = _normalised(kind, raw)
        if not text:
            continue
        try:
            value = _READERS[kind](text, limit)
        except _Bad as bad:
            errors.append(CellError(key, bad.message.code.removeprefix("batch."), bad.message))
            continue
        if key in _LOCATION:
            location[_LOCATION[key]] = value
        else:
            sections[section][_SERVICE_NAME.get(key, key)] = value
    if location:
        sections["job"]["locations"] = [location]
    return sections, errors

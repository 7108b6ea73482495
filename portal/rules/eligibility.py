"""Does an offer fit its exemption code? check_offer() lists what is wrong and how to fix it.

Only facts that are present are checked (a draft is partial), except the code itself and the answers
its questions require. Every finding carries a stable code, a message (catalogue code and
parameters) and the field to fix.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from portal.rules import _code_checks, dates
from portal.rules._facts import answers_of, as_date, as_number, block, text, upper, warn
from portal.rules.codes import ExemptionCode, get_code
from portal.rules.countries import is_province, is_valid_country
from portal.rules.findings import Finding
from portal.rules.findings import (
    blocking as blocking,  # re-exported: `from eligibility import blocking`
)
from portal.rules.messages import Message, Money
from portal.rules.noc import teer_of
from portal.rules.questions import YES, Question

__all__ = ["WAGE_UNITS", "OfferFacts", "blocking", "check_offer"]

log = logging.getLogger(__name__)
WAGE_UNITS = ("hour", "week", "month", "year")


@dataclass(frozen=True)
class OfferFacts:
    """What an offer says, as far as the rules care. Every field may be None (unknown yet)."""

    code: str | None = None
    citizenship: str | None = None
    date_of_birth: dt.date | None = None
    passport_expiry: dt.date | None = None
    noc_code: str | None = None
    work_province: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    wage_cents: int | None = None
    wage_unit: str | None = None
    hours_per_week: Decimal | float | None = None
    answers: Mapping[str, str] | None = field(default=None)
    employer_province: str | None = None
    employer_compliance_exempt: bool | None = None
    employer_banned: bool | None = None
    is_permanent_resident_of: str | None = None


def check_offer(facts: OfferFacts, *, today: dt.date) -> list[Finding]:
    """All findings for these facts, blocking ones first. Never raises: a bug in a rule is logged
    and reported as a blocking finding rather than crashing the page."""
    try:
        found = _check(facts, today=today)
    except Exception:
        log.exception("check_offer failed on %r", facts)
        found = [block("RULES-INTERNAL-ERROR", None, None)]
    return sorted(found, key=lambda f: not f.is_blocking)


def _check(facts: OfferFacts, *, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    found += _employer(facts)
    entry = _code(facts, found)
    found += _worker(facts, entry)
    found += _birth(facts, today)
    found += _job(facts, today)
    found += _wages(facts)
    if entry is None or not entry.employer_specific:
        return found
    answers = answers_of(facts.answers)
    found += _answers(entry, answers)
    found += _code_checks.check(entry, facts, answers, today)
    return found


def _employer(facts: OfferFacts) -> list[Finding]:
    found = []
    if facts.employer_banned is True:
        found.append(block("EMPLOYER-BANNED", None, "code"))
    if facts.employer_compliance_exempt is True:
        found.append(block("EMPLOYER-COMPLIANCE-EXEMPT", None, "code"))
    return found


def _code(facts: OfferFacts, found: list[Finding]) -> ExemptionCode | None:
    raw = text(facts.code)
    if raw is None:
        found.append(block("CODE-MISSING", "code", "code"))
        return None
    entry = get_code(raw)
    if entry is None:
        found.append(block("CODE-UNKNOWN", "code", "code", code=raw[:20]))
        return None
    if not entry.employer_specific:
        kind = "CODE-OPEN-PERMIT-IEC" if entry.is_iec else "CODE-OPEN-PERMIT"
        found.append(block("CODE-OPEN-PERMIT", "code", "code", kind=kind, code=entry.code))
    return entry


def _worker(facts: OfferFacts, entry: ExemptionCode | None) -> list[Finding]:
    found: list[Finding] = []
    citizenship = upper(facts.citizenship)
    if facts.citizenship is not None and (citizenship is None or not is_valid_country(citizenship)):
        found.append(block("WORKER-CITIZENSHIP-INVALID", "citizenship", "worker"))
        return found
    if citizenship == "CA":
        found.append(block("WORKER-CANADIAN", "citizenship", "worker"))
        return found
    born = as_date(facts.date_of_birth)
    if facts.date_of_birth is not None and born is None:
        found.append(block("WORKER-BIRTH-DATE-INVALID", "date_of_birth", "worker"))
    if entry is None or not entry.employer_specific or citizenship is None:
        return found
    found += _code_checks.citizenship(entry, citizenship, upper(facts.is_permanent_resident_of))
    return found


def _birth(facts: OfferFacts, today: dt.date) -> list[Finding]:
    return dates.person_findings(date_of_birth=as_date(facts.date_of_birth),
                                 passport_expiry=as_date(facts.passport_expiry), today=today)


def _job(facts: OfferFacts, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    noc = text(facts.noc_code)
    if facts.noc_code is not None and (noc is None or teer_of(noc) is None):
        found.append(block("JOB-NOC-UNKNOWN", "noc_code", "job"))
    if facts.work_province is not None and not is_province(facts.work_province):
        found.append(block("JOB-PROVINCE-INVALID", "work_province", "job"))
    if facts.employer_province is not None and not is_province(facts.employer_province):
        found.append(block("EMPLOYER-PROVINCE-INVALID", "employer_province", "job"))
    start, end = as_date(facts.start_date), as_date(facts.end_date)
    for name, raw, parsed in (
        ("start_date", facts.start_date, start),
        ("end_date", facts.end_date, end),
    ):
        if raw is not None and parsed is None:
            found.append(block("JOB-DATE-INVALID", name, "job"))
    found += dates.job_findings(start_date=start, end_date=end)
    if start and start < today:
        found.append(warn("JOB-START-PAST", "start_date", "job"))
    return found


def _wages(facts: OfferFacts) -> list[Finding]:
    found: list[Finding] = []
    wage = as_number(facts.wage_cents)
    if facts.wage_cents is not None and (wage is None or wage < 0):
        found.append(block("WAGE-INVALID", "wage_cents", "wages"))
    elif wage == 0 and get_code(facts.code) not in (get_code("C50"), get_code("C51")):
        found.append(block("WAGE-ZERO", "wage_cents", "wages"))
    if facts.wage_unit is not None and facts.wage_unit not in WAGE_UNITS:
        found.append(block("WAGE-UNIT-INVALID", "wage_unit", "wages"))
    hours = as_number(facts.hours_per_week)
    if facts.hours_per_week is not None and (hours is None or hours <= 0 or hours > 168):
        found.append(block("WAGE-HOURS-INVALID", "hours_per_week", "wages"))
    found += _unpaid_but_paid(facts, wage, hours)
    return found


# "Unpaid" (C50, C51) means a stipend below minimum wage, or room and board only (domain.md
# 3.10). A wage at or above this hourly figure is above the general minimum wage of every
# province and territory (the highest, Nunavut's, is under $20), so it contradicts the answer.
ABOVE_EVERY_MINIMUM_WAGE_CENTS = 2000
_HOURS_IN = {"hour": Decimal(1), "week": Decimal(1), "month": Decimal(52) / 12,
             "year": Decimal(52)}


def _unpaid_but_paid(
    facts: OfferFacts, wage: Decimal | None, hours: Decimal | None
) -> list[Finding]:
    answers = answers_of(facts.answers)
    if answers.get("worker_unpaid") != YES or not wage or facts.wage_unit not in _HOURS_IN:
        return []
    weekly_hours = hours if hours and 0 < hours <= 168 else Decimal(40)
    per_hour = wage / _HOURS_IN[facts.wage_unit]
    if facts.wage_unit != "hour":
        per_hour /= weekly_hours
    if per_hour < ABOVE_EVERY_MINIMUM_WAGE_CENTS:
        return []
    return [block("WAGE-UNPAID-BUT-PAID", "wage_cents", "wages",
                  wage=Money(int(per_hour)))]


# What to enter, per kind of question, when an answer is not valid.
_ANSWER_HINTS = {
    "yes_no": Message("ANSWER-HINT-YES-NO"),
    "choice": Message("ANSWER-HINT-CHOICE"),
    "number": Message("ANSWER-HINT-NUMBER"),
    "date": Message("ANSWER-HINT-DATE"),
}


def _answers(entry: ExemptionCode, answers: Mapping[str, str]) -> list[Finding]:
    found: list[Finding] = []
    for question in entry.questions:
        value = text(answers.get(question.id))
        field = f"answers.{question.id}"
        if value is None:
            if question.required:
                found.append(
                    block("ANSWER-MISSING", field, "code", question=question.label, code=entry.code)
                )
        elif not _valid_answer(question, value):
            hint = _ANSWER_HINTS.get(question.kind, "")
            found.append(block("ANSWER-INVALID", field, "code", question=question.label, hint=hint))
    return found


def _valid_answer(question: Question, value: str) -> bool:
    if question.kind in ("yes_no", "choice"):
        return value in {c[0] for c in question.choices}
    if question.kind == "number":
        number = as_number(value)
        return number is not None and 0 <= number <= 10_000
    if question.kind == "date":
        return as_date(value) is not None
    return True

"""What the rules say about one work permit application: fees, travel document, medical exam,
two-week (GSS) processing and the port of entry. No database, no Flask: plain values in, an
`Assessment` out, every figure from the other rules (domain.md 9.4 and 9.5).

It also combines two of them: two-week processing needs a complete application "with any
upfront medical" (domain.md 9.4), so when the medical exam is required and was not done upfront
the application is not eligible, with that reason added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from portal.rules import fees, travel
from portal.rules.codes import get_code
from portal.rules.fees import Decision, FeeLine
from portal.rules.messages import Message


@dataclass(frozen=True)
class AssessmentInput:
    permit_type: str  # employer_specific | other | open
    code: str | None  # the offer's code key, or the open permit code
    citizenship: str
    applies_from: str  # outside | inside | port_of_entry
    in_canada_now: bool
    biometrics: str  # on_file | within_14_days | later
    upfront_medical: bool
    family_size: int
    date_of_birth: date
    today: date
    noc_code: str | None
    teer: int | None
    resided_countries: tuple[str, ...]
    stay_months: int | None
    offer_fee_settled: bool  # the employer submitted the offer and paid (or is exempt)
    offer_answers: Mapping[str, str] | None = None
    us_permanent_resident: bool = False  # holds a US green card


@dataclass(frozen=True)
class Assessment:
    fee_lines: tuple[FeeLine, ...]
    fees_total_cents: int
    travel: travel.TravelRequirement
    medical: Decision
    gss: Decision
    port_of_entry: Decision


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def assess(data: AssessmentInput) -> Assessment:
    """Apply the rules to one application. Never raises for odd input: the rules answer."""
    age = age_on(data.date_of_birth, data.today)
    lines = tuple(
        fees.worker_fees(
            permit_type=data.permit_type,
            code=data.code,
            citizenship=data.citizenship,
            has_biometrics_on_file=data.biometrics == "on_file",
            family_size=data.family_size,
            applies_from=data.applies_from,
            answers=data.offer_answers,
            age=age,
        )
    )
    medical = travel.medical_exam(
        noc_code=data.noc_code,
        resided_countries=data.resided_countries,
        stay_months=data.stay_months,
    )
    biometrics_line = next((line for line in lines if line.key == "biometrics"), None)
    # Nothing to give (US national, age, already on file) counts as given in time.
    biometrics_in_time = data.biometrics == "within_14_days" or (
        biometrics_line is not None and biometrics_line.amount_cents == 0
    )
    gss = fees.gss_two_week(
        applies_from=data.applies_from,
        applies_online=data.applies_from != "port_of_entry",
        employer_specific=data.permit_type == "employer_specific",
        code=data.code,
        teer=data.teer,
        offer_submitted_and_fee_paid=data.offer_fee_settled,
        biometrics_within_14_days=biometrics_in_time,
    )
    gss = _with_upfront_medical(gss, medical, data.upfront_medical)
    poe = travel.port_of_entry_allowed(
        citizenship=data.citizenship,
        currently_in_canada=data.in_canada_now or data.applies_from == "inside",
        code=data.code,
        us_permanent_resident=data.us_permanent_resident,
    )
    return Assessment(
        fee_lines=lines,
        fees_total_cents=fees.total_cents(lines),
        travel=travel.travel_requirement(
            data.citizenship, issued_inside_canada=data.applies_from == "inside",
            us_permanent_resident=data.us_permanent_resident,
        ),
        medical=medical,
        gss=gss,
        port_of_entry=poe,
    )


_MEDICAL_NOT_UPFRONT = Message("gss.medical_not_upfront")


def _with_upfront_medical(gss: Decision, medical: Decision, upfront: bool) -> Decision:
    if not medical.required or upfront:
        return gss
    if gss.eligible:
        return Decision(False, (_MEDICAL_NOT_UPFRONT,))
    return Decision(False, (*gss.reasons, _MEDICAL_NOT_UPFRONT))


def is_open_permit_code(key: str | None) -> bool:
    entry = get_code(key)
    return entry is not None and not entry.employer_specific


def resided(countries: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({c for c in countries if c}))

"""The review of a draft: what the rules say about it and what is still missing.

`review_offer` returns every problem (blocking first) with the section and form field to fix,
and the compliance-fee decision. Submission runs the same review and stops on any blocking
problem, so the review page and the submit button never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal import clock
from portal.extensions import db
from portal.models import Employer, Offer
from portal.rules.eligibility import OfferFacts, check_offer
from portal.rules.fees import ComplianceFee, compliance_fee
from portal.rules.findings import Finding
from portal.rules.messages import Message
from portal.services.compliance.standing import Standing, get_standing
from portal.services.offers.drafts import ATTESTATION_IDS

# Rules name OfferFacts fields; the forms name Offer columns.
_FIELD_FOR_FACT = {
    "code": "code_key",
    "citizenship": "worker_citizenship",
    "date_of_birth": "worker_date_of_birth",
    "passport_expiry": "worker_passport_expiry",
    "work_province": "location1_province",
    "employer_province": None,
}

# (section, field, what to do): every field a submitted offer must have.
_REQUIRED: tuple[tuple[str, str, Message], ...] = (
    ("code", "code_key", Message("review.missing.code_key")),
    ("code", "explanation", Message("review.missing.explanation")),
    ("worker", "worker_family_name", Message("review.missing.worker_family_name")),
    ("worker", "worker_sex", Message("review.missing.worker_sex")),
    ("worker", "worker_date_of_birth", Message("review.missing.worker_date_of_birth")),
    ("worker", "worker_country_of_birth", Message("review.missing.worker_country_of_birth")),
    ("worker", "worker_citizenship", Message("review.missing.worker_citizenship")),
    ("worker", "worker_residence_country", Message("review.missing.worker_residence_country")),
    ("worker", "worker_passport_number", Message("review.missing.worker_passport_number")),
    ("worker", "worker_passport_expiry", Message("review.missing.worker_passport_expiry")),
    ("job", "job_title", Message("review.missing.job_title")),
    ("job", "noc_code", Message("review.missing.noc_code")),
    ("job", "duties", Message("review.missing.duties")),
    ("job", "start_date", Message("review.missing.start_date")),
    ("job", "end_date", Message("review.missing.end_date")),
    ("wages", "wage_cents", Message("review.missing.wage_cents")),
    ("wages", "wage_unit", Message("review.missing.wage_unit")),
    ("wages", "hours_per_week", Message("review.missing.hours_per_week")),
)

# The business information is one of the real portal's validated forms (domain.md 8.2): every
# offer carries the business details and the primary contact's job title and phone. So they are
# required, and an employer whose profile predates them (migration 0024: the columns are
# nullable) completes the profile before submitting. The mailing address is asked only when it
# differs, so it is never missing. The field is the employer column, the id of its row on the
# offer's business information page.
_BUSINESS_REQUIRED: tuple[tuple[str, Message], ...] = (
    ("employees_in_canada", Message("review.missing.employees_in_canada")),
    ("gross_annual_revenue_cents", Message("review.missing.gross_annual_revenue_cents")),
    ("business_started_on", Message("review.missing.business_started_on")),
    ("principal_activity", Message("review.missing.principal_activity")),
    ("contact_job_title", Message("review.missing.contact_job_title")),
    ("contact_phone", Message("review.missing.contact_phone")),
)


@dataclass(frozen=True)
class Problem:
    """One thing to fix before (blocking) or to check (warning) submitting; the edge words
    `message` (portal/catalogue)."""

    blocking: bool
    section: str
    field: str | None
    message: Message
    code: str = ""

    @classmethod
    def from_finding(cls, finding: Finding) -> Problem:
        field = finding.field
        if field and field.startswith("answers."):
            field = "answer_" + field.removeprefix("answers.")
        elif field in _FIELD_FOR_FACT:
            field = _FIELD_FOR_FACT[field]
        return cls(
            blocking=finding.is_blocking,
            section=finding.section or "code",
            field=field,
            message=finding.message,
            code=finding.code,
        )


@dataclass(frozen=True)
class Review:
    problems: list[Problem]
    fee: ComplianceFee

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    @property
    def ready(self) -> bool:
        return not self.blocking


def offer_facts(
    offer: Offer, employer: Employer | None, standing: Standing
) -> OfferFacts:
    return OfferFacts(
        code=offer.code_key,
        citizenship=offer.worker_citizenship,
        date_of_birth=offer.worker_date_of_birth,
        passport_expiry=offer.worker_passport_expiry,
        noc_code=offer.noc_code,
        work_province=offer.work_province,
        start_date=offer.start_date,
        end_date=offer.end_date,
        wage_cents=offer.wage_cents,
        wage_unit=offer.wage_unit,
        hours_per_week=offer.hours_per_week,
        answers=dict(offer.answers or {}),
        employer_province=employer.province if employer else None,
        employer_compliance_exempt=standing.exempt,
        employer_banned=standing.banned,
    )


def fee_for(offer: Offer) -> ComplianceFee:
    answers = dict(offer.answers or {})
    group = answers.get("performing_artists_in_group")
    size = int(group) if isinstance(group, str) and group.isdigit() and int(group) > 0 else 1
    return compliance_fee(offer.code_key, answers=answers, performing_artists_in_group=size)


def _business_problems(employer: Employer | None) -> list[Problem]:
    if employer is None:
        return []
    return [Problem(True, "business", field, message, code="BUSINESS-DETAIL-MISSING")
            for field, message in _BUSINESS_REQUIRED
            if getattr(employer, field) in (None, "")]


def review_offer(
    offer: Offer, *, employer: Employer | None = None, standing: Standing | None = None
) -> Review:
    """Every blocking problem and warning for this offer today, and the fee decision.

    `employer` and `standing` (the offer's employer's, read once) let a caller reviewing many
    offers of one employer (a spreadsheet batch) skip reading them again for each."""
    if employer is None:
        employer = db.session.get(Employer, offer.employer_id)
    if standing is None:
        standing = get_standing(employer_id=offer.employer_id, on=clock.today())
    findings = check_offer(offer_facts(offer, employer, standing), today=clock.today())
    problems = [Problem.from_finding(f) for f in findings]
    present = {p.field for p in problems}
    for section, field, message in _REQUIRED:
        if field not in present and getattr(offer, field) in (None, ""):
            problems.append(Problem(True, section, field, message, code="FIELD-MISSING"))
    location = offer.locations[0] if offer.locations else None
    complete = location is not None and all(
        (location.address_line1, location.city, location.province)
    )
    if not complete and "location1_province" not in present:
        problems.append(
            Problem(True, "job", "location1_address_line1", code="FIELD-MISSING",
                    message=Message("review.missing.location"))
        )
    problems += _business_problems(employer)
    if set(offer.attestations or ()) != set(ATTESTATION_IDS):
        problems.append(
            Problem(True, "attestations", "attestations", code="ATTESTATIONS-MISSING",
                    message=Message("review.missing.attestations"))
        )
    if offer.worker_passport_expiry and offer.worker_passport_expiry <= clock.today():
        problems.append(
            Problem(False, "worker", "worker_passport_expiry", code="PASSPORT-EXPIRED",
                    message=Message("review.passport_expired"))
        )
    if standing.banned and not any(p.code == "EMPLOYER-BANNED" for p in problems):
        problems.append(
            Problem(True, "code", None, code="EMPLOYER-BANNED",
                    message=Message("review.employer_banned"))
        )
    problems.sort(key=lambda p: not p.blocking)
    return Review(problems=problems, fee=fee_for(offer))

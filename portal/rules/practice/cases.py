"""A practice case as data: the brief a learner reads and what a reviewer expects.

Text meant for the learner is bilingual (`Bilingual`: English and French side by side in the
case file); identifiers (codes, NOC codes, countries, provinces) are language-neutral. The
worker's passport details are kept exactly as printed: the grader compares what the learner
typed with them character for character, as IRCC matches offers to applications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from portal.rules.messages import Bilingual, Message


class Difficulty(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


DIFFICULTY_ORDER = (Difficulty.easy, Difficulty.medium, Difficulty.hard)
DIFFICULTY_LABELS: Mapping[Difficulty, Message] = {
    Difficulty.easy: Message("practice.difficulty.easy"),
    Difficulty.medium: Message("practice.difficulty.medium"),
    Difficulty.hard: Message("practice.difficulty.hard"),
}


class Outcome(StrEnum):
    """What the employer should do: submit an offer in the portal, or not submit one at all."""

    submit_offer = "submit_offer"
    no_offer = "no_offer"


class FeeOutcome(StrEnum):
    """How the $230 employer compliance fee ended (R303.1)."""

    paid = "paid"
    exempt = "exempt"  # claimed as exempt (R303.1(5)), with proof
    unpaid = "unpaid"


class ApplicationType(StrEnum):
    """The worker's work permit application type (IMM 1295/5710 and the online application),
    or `none` when the worker should not apply (yet)."""

    employer_specific = "employer_specific"  # "Exemption from LMIA", with the offer number
    other = "other"  # the employer is exempt from the compliance regime: no offer number
    open = "open"
    none = "none"


# The portal's types of business (portal.models.BusinessType; a test keeps them equal).
BUSINESS_TYPES = frozenset({
    "corporation", "sole_proprietorship", "partnership", "non_profit", "cooperative",
    "public_sector", "academic", "foreign_government", "other",
})
# Employers exempt from the compliance regime (R209.9(1); domain.md section 6), as the portal's
# administrators record them (portal.models.ExemptionCategory; a test keeps them equal).
COMPLIANCE_EXEMPT_CATEGORIES = frozenset({
    "foreign_government", "political_subdivision_office", "diplomatic_or_consular_mission",
    "international_organization", "international_bridge_or_tunnel",
})
# The offer's attestations and certifications (R209.11, R209.2-R209.4; the portal's ids, from
# portal.services' ATTESTATIONS; a test keeps them equal). Every offer needs all of them.
ATTESTATION_IDS = (
    "accurate", "agreement", "no_fee_recovery", "recruiters", "actively_engaged", "laws",
    "same_conditions", "abuse_free", "no_sex_industry", "documents",
)
# The evidence item of a claimed fee exemption (not in any code's evidence list).
FEE_EXEMPTION_PROOF = "fee-exemption-proof"
SEXES = frozenset({"F", "M", "X"})


@dataclass(frozen=True)
class Employer:
    legal_name: str
    business_number: str
    business_type: str
    province: str
    city: str
    activity: Bilingual
    operating_name: str | None = None
    compliance_exempt_category: str | None = None


@dataclass(frozen=True)
class Worker:
    """The worker as the passport's data page prints them."""

    family_name: str
    given_names: str | None
    sex: str
    date_of_birth: dt.date
    country_of_birth: str
    citizenship: str
    residence_country: str
    passport_number: str
    passport_expiry: dt.date


@dataclass(frozen=True)
class Job:
    title: Bilingual
    noc_code: str
    duties: Bilingual
    city: str
    province: str
    start_date: dt.date
    end_date: dt.date
    hours_per_week: Decimal
    wage_cents: int
    wage_unit: str


@dataclass(frozen=True)
class Fact:
    """One fact that decides the case, with the rule or page it comes from."""

    text: Bilingual
    source: Bilingual


@dataclass(frozen=True)
class Expected:
    """What a reviewer expects. For `submit_offer`: the code (or an acceptable alternative), the
    fee outcome and its regulation, the evidence item ids. For `no_offer`: why not, and what the
    worker does instead (an "Other" or open application and its code, or nothing yet)."""

    outcome: Outcome
    why: Bilingual
    source: Bilingual
    application: ApplicationType
    code: str | None = None
    alternatives: tuple[str, ...] = ()
    fee: FeeOutcome | None = None
    fee_source: Bilingual | None = None
    evidence: tuple[str, ...] = ()
    application_code: str | None = None
    tempting_code: str | None = None  # the code a learner may reach for, that does not apply

    @property
    def accepted_codes(self) -> tuple[str, ...]:
        return ((self.code,) if self.code else ()) + self.alternatives


@dataclass(frozen=True)
class Case:
    id: str
    difficulty: Difficulty
    case_date: dt.date  # the day the brief is set (ages, months of service, time left)
    title: Bilingual
    brief: Bilingual
    employer: Employer
    worker: Worker
    job: Job
    facts: tuple[Fact, ...]
    expected: Expected
    research: str  # where the facts were checked (domain.md sections, exemption_codes.yaml)
    answers: Mapping[str, str] = field(default_factory=dict)  # the code's questions, answered

    @property
    def difficulty_label(self) -> Message:
        return DIFFICULTY_LABELS[self.difficulty]

    @property
    def needs_offer(self) -> bool:
        return self.expected.outcome is Outcome.submit_offer

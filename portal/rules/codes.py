"""The LMIA exemption code catalogue (IRCC's codes table: 114 entries, C21 once per IEC
category)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from portal.rules import questions as q
from portal.rules._data import load
from portal.rules.i18n import pick
from portal.rules.messages import CodeName, Message
from portal.rules.questions import EvidenceItem, Question

__all__ = [
    "Category",
    "EvidenceItem",
    "ExemptionCode",
    "FeeRule",
    "Question",
    "all_codes",
    "codes_by_category",
    "employer_codes",
    "get_code",
    "open_permit_codes",
    "shown_code",
]


class Category(StrEnum):
    """Groups of codes, following the sections of IRCC's codes table."""

    free_trade = "free_trade"
    international_agreement = "international_agreement"
    provincial = "provincial"
    iec = "iec"
    canadian_interests = "canadian_interests"
    reciprocal = "reciprocal"
    designated = "designated"
    charitable_religious = "charitable_religious"
    pr_facilitation = "pr_facilitation"
    humanitarian = "humanitarian"
    public_policy = "public_policy"


_SOURCE_CATEGORIES = {
    "FTA": Category.free_trade,
    "FTA_spouse": Category.free_trade,
    "non_trade_agreement": Category.international_agreement,
    "federal_provincial_agreement": Category.provincial,
    "youth_mobility": Category.iec,
    "canadian_interest_significant_benefit": Category.canadian_interests,
    "canadian_interest_reciprocal": Category.reciprocal,
    "designated_by_minister_research": Category.designated,
    "designated_by_minister_competitiveness": Category.designated,
    "charitable_religious": Category.charitable_religious,
    "pr_facilitation": Category.pr_facilitation,
    "public_policy": Category.public_policy,
    "no_other_means_of_support": Category.humanitarian,
    "humanitarian": Category.humanitarian,
    "pr_applicant_in_canada": Category.humanitarian,
    "vulnerable_worker": Category.humanitarian,
}


class FeeRule(StrEnum):
    """Who pays the $230 employer compliance fee for offers under a code."""

    required = "required"
    required_unless_worker_fee_exempt = "required_unless_worker_fee_exempt"
    exempt = "exempt"
    not_applicable = "not_applicable"  # open permit: no offer, no employer fee


@dataclass(frozen=True)
class ExemptionCode:
    key: str
    code: str
    name_en: str
    name_fr: str
    category: Category
    regulation: str
    employer_specific: bool
    legacy_code: str | None
    fee_rule: FeeRule
    teer_levels: frozenset[int] | None
    citizenships: frozenset[str] | None  # None: any citizenship
    max_duration_days: int | None
    evidence: tuple[EvidenceItem, ...]
    questions: tuple[Question, ...]
    # Further facts the rules use (all from data/codes.json).
    pr_citizenships: frozenset[str] = frozenset()  # permanent residents of these also qualify
    agreement: str | None = None
    iec_category: str | None = None  # "wh" | "yp" | "ic"
    max_duration_months: int | None = None
    max_total_months: int | None = None
    min_foreign_employment_months: int | None = None
    foreign_employment_window_months: int | None = None
    capacity: str | None = None
    provinces: frozenset[str] | None = None
    provinces_not: frozenset[str] = frozenset()
    min_experience_years: int | None = None
    ownership_min_percent: int | None = None
    french_nclc_min: int | None = None
    poe_still_allowed: bool = False
    open_permit_holder_fee_exempt: bool = False
    other_rules_en: tuple[str, ...] = field(default=())
    source: str = ""

    def name(self, lang: str) -> str:
        return pick(self.name_en, self.name_fr, lang)

    @property
    def description(self) -> Message:
        """What the code is for and how the worker applies under it."""
        if self.employer_specific:
            return Message.of(
                "code.description.employer_specific",
                name=CodeName(self.key),
                regulation=self.regulation,
            )
        return Message.of(
            "code.description.open", name=CodeName(self.key), regulation=self.regulation
        )

    @property
    def not_selectable_reason(self) -> Message | None:
        """Why an employer cannot choose an open-permit code for an offer (None if it can)."""
        return None if self.employer_specific else Message.of("CODE-OPEN-PERMIT", code=self.code)

    def label(self, lang: str) -> str:
        """ "T36 – CUSMA – Professionals": what the code dropdown shows."""
        return f"{self.code} – {self.name(lang)}"

    @property
    def employer_evidence(self) -> tuple[EvidenceItem, ...]:
        """The evidence the employer uploads with the offer (the rest is the portal's or the
        worker's)."""
        return tuple(item for item in self.evidence if item.from_employer)

    @property
    def is_iec(self) -> bool:
        return self.iec_category is not None

    @property
    def is_ict(self) -> bool:
        return self.min_foreign_employment_months is not None

    @property
    def selectable(self) -> bool:
        return self.employer_specific


_PROFESSIONAL_OR_TECHNICIAN_CODES = frozenset({"T52", "F12", "F52"})


_UNPAID_CODES = ("C50", "C51")  # charitable and religious work: the worker may be unpaid

# Which of the code's own questions an employer answers, in the order the form asks them:
# (applies to the code's raw data, the questions it adds).
_QUESTION_RULES: tuple[tuple[Callable[[dict[str, Any]], bool], tuple[Question, ...]], ...] = (
    (lambda r: r["occupation_list"] == "cusma_appendix_2_professions", (q.CUSMA_PROFESSION,)),
    (lambda r: r["code"] in _PROFESSIONAL_OR_TECHNICIAN_CODES, (q.PROFESSIONAL_OR_TECHNICIAN,)),
    (lambda r: bool(r["min_foreign_employment_months"]), (q.MONTHS_WITH_FOREIGN_EMPLOYER,)),
    (lambda r: bool(r["max_total_months"] and r["min_foreign_employment_months"]),
     (q.MONTHS_ALREADY_AS_ICT,)),
    (lambda r: bool(r["iec_category"]), (q.IEC_INVITATION_DATE,)),
    (lambda r: r["key"] == "C21-YP", (q.IEC_CREDENTIAL,)),
    (lambda r: bool(r["french_nclc_min"]), (q.FRENCH_NCLC5,)),
    (lambda r: r["code"] == "T13", (q.NOMINATING_PROVINCE,)),
    (lambda r: r["code"] == "C18", (q.AIP_DESIGNATED,)),
    (lambda r: r["code"] == "A73", (q.CSQ_HOLDER,)),
    (lambda r: bool(r["min_experience_years"]), (q.YEARS_EXPERIENCE,)),
    (lambda r: bool(r["ownership_min_percent"]), (q.OWNERSHIP_PERCENT,)),
    (lambda r: r["code"] in _UNPAID_CODES, (q.WORKER_UNPAID,)),
    (lambda r: r["code"] not in _UNPAID_CODES
     and r["fee_rule"] == FeeRule.required_unless_worker_fee_exempt,
     (q.WORKER_FEE_EXEMPT, q.FEE_EXEMPTION_BASIS)),
    (lambda r: r["code"] == "C23", (q.PERFORMING_ARTISTS,)),
)


def _questions(raw: dict[str, Any]) -> tuple[Question, ...]:
    if not raw["employer_specific"]:
        return ()
    return tuple(
        question for applies, questions in _QUESTION_RULES if applies(raw)
        for question in questions
    )


def _max_days(raw: dict[str, Any]) -> int | None:
    if raw["code"] == "T33":
        return 90  # GATS professionals: 90 days in any 12-month period, no extension
    months = raw["max_initial_months"]
    return None if months is None else (months * 365 + 11) // 12


def _build(raw: dict[str, Any]) -> ExemptionCode:
    teer = raw["teer_levels"]
    cits = raw["citizenships"]
    return ExemptionCode(
        key=raw["key"],
        code=raw["code"],
        name_en=raw["name_en"],
        name_fr=raw["name_fr"],
        category=_SOURCE_CATEGORIES[raw["source_category"]],
        regulation=raw["regulation"],
        employer_specific=raw["employer_specific"],
        legacy_code=raw["legacy_code"],
        fee_rule=FeeRule(raw["fee_rule"]),
        teer_levels=frozenset(teer) if teer is not None else None,
        citizenships=frozenset(cits) if cits is not None else None,
        max_duration_days=_max_days(raw),
        evidence=tuple(
            EvidenceItem(e["id"], e["en"], e["fr"], e["required"]) for e in raw["evidence"]
        ),
        questions=_questions(raw),
        pr_citizenships=frozenset(raw["pr_citizenships"]),
        agreement=raw["agreement"],
        iec_category=raw["iec_category"],
        max_duration_months=None if raw["code"] == "T33" else raw["max_initial_months"],
        max_total_months=raw["max_total_months"],
        min_foreign_employment_months=raw["min_foreign_employment_months"],
        foreign_employment_window_months=raw["foreign_employment_window_months"],
        capacity=raw["capacity"],
        provinces=frozenset(raw["provinces"]) if raw["provinces"] else None,
        provinces_not=frozenset(raw["provinces_not"] or ()),
        min_experience_years=raw["min_experience_years"],
        ownership_min_percent=raw["ownership_min_percent"],
        french_nclc_min=raw["french_nclc_min"],
        poe_still_allowed=raw["poe_still_allowed"],
        open_permit_holder_fee_exempt=raw["open_permit_holder_fee"] == "exempt",
        other_rules_en=tuple(raw["other_rules_en"]),
        source=raw["source"],
    )


@functools.cache
def all_codes() -> tuple[ExemptionCode, ...]:
    """Every code, in the order of IRCC's table."""
    return tuple(_build(raw) for raw in load("codes")["codes"])


@functools.cache
def _by_key() -> Mapping[str, ExemptionCode]:
    index: dict[str, ExemptionCode] = {}
    for entry in all_codes():
        index[entry.key] = entry
        index.setdefault(entry.code, entry)
    index["C21"] = index["C21-YP"]  # the IEC category an employer most often means
    return MappingProxyType(index)


def get_code(key_or_code: object) -> ExemptionCode | None:
    """Look up "T36" or "C21-YP" (case and surrounding spaces ignored); "C21" gives Young
    Professionals. None for anything else."""
    if not isinstance(key_or_code, str):
        return None
    return _by_key().get(key_or_code.strip().upper())


def shown_code(key: object, lang: str) -> str:
    """What users read for a stored code key: the official code and its name ("C21 –
    International Experience Canada – Young Professionals"), never the internal key "C21-YP"
    (issue 13 item 15). Empty for no code; an unknown key as stored."""
    entry = get_code(key)
    if entry is None:
        return key if isinstance(key, str) else ""
    return entry.label(lang)


@functools.cache
def employer_codes() -> tuple[ExemptionCode, ...]:
    """The codes an employer may pick for an offer (employer-specific ones), in table order."""
    return tuple(c for c in all_codes() if c.employer_specific)


@functools.cache
def open_permit_codes() -> tuple[ExemptionCode, ...]:
    return tuple(c for c in all_codes() if not c.employer_specific)


@functools.cache
def codes_by_category(employer_only: bool = False) -> Mapping[Category, tuple[ExemptionCode, ...]]:
    """Codes grouped by category (categories in enum order, codes in table order)."""
    pool = employer_codes() if employer_only else all_codes()
    grouped = {cat: tuple(c for c in pool if c.category is cat) for cat in Category}
    return MappingProxyType({cat: codes for cat, codes in grouped.items() if codes})

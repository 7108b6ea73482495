""" "Which exemption code fits?": suggests codes from a few answers about the worker and the job.

A guide, not a decision: it narrows the list to the codes worth reading; check_offer() is what
checks an actual offer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.rules._data import load
from portal.rules.codes import EvidenceItem, ExemptionCode, get_code
from portal.rules.messages import CodeName, Message

# Candidate codes per kind of work, most specific (free trade agreements) first; each candidate
# is kept only when the worker's citizenship and the job's TEER fit the code's data.
_PROFESSIONAL = ("T36", "F22", "F12", "F32", "F42", "F52", "T52", "F72")
_TECHNICIAN = ("T52", "F12", "F52", "T48", "F67")
_TRADER_INVESTOR = (
    "T34",
    "T35",
    "F10",
    "F11",
    "F20",
    "F21",
    "F30",
    "F31",
    "F50",
    "F51",
    "T46",
    "T50",
    "F65",
    "F70",
)
_ICT_MANAGER = ("T37", "F13", "F23", "F33", "F53", "T44", "T51", "F61", "F71", "C62", "C61")
_ICT_SPECIALIST = ("T38", "F15", "F24", "F35", "F55", "T41", "T55", "F63", "F74", "C63", "C61")
_RESEARCH = ("C44", "C22", "C52", "C31")
# Employers exempt from the compliance regime (R209.11): they submit no offer and pay no fee, and
# the worker applies under "Other"; no exemption code card is shown, since a code card asks for an
# offer number and a fee receipt (issue 13 item 7).
EXEMPT_EMPLOYER_KINDS = frozenset(
    {"international_org", "bridge_tunnel", "foreign_government", "diplomatic"}
)


@dataclass(frozen=True)
class FinderAnswers:
    citizenship: str | None = None
    relationship: str | None = None  # "transfer" | "new_hire" | "owner" | "spouse_or_student"
    kind_of_work: str | None = None  # "professional" | "technician" | "manager" | "specialist" |
    # "trader_investor" | "research_academic" | "performing_arts" | "youth_exchange" | "other"
    teer: int | None = None
    work_province: str | None = None
    francophone: bool = False
    iec_category: str | None = None  # "yp" | "ic" | "wh"
    age: int | None = None
    has_pgwp_or_study_status: bool = False
    provincial_nomination: str | None = None  # nominating province
    employer_kind: str = "normal"  # | "foreign_government" | "diplomatic" | "international_org" |
    # "bridge_tunnel"
    months_with_foreign_employer: int | None = None
    spouse_of: str | None = None  # "worker" | "student": the worker is that person's spouse
    principal_agreement: str | None = None  # the principal worker's free trade agreement


@dataclass(frozen=True)
class Suggestion:
    code: ExemptionCode
    why: Message
    evidence: tuple[EvidenceItem, ...]


@dataclass(frozen=True)
class FinderResult:
    suggestions: list[Suggestion] = field(default_factory=list)
    lmia_needed: bool = False
    lmia_explanation: Message | None = None
    employer_exempt: bool = False
    employer_exempt_explanation: Message | None = None
    open_permit: bool = False
    open_permit_explanation: Message | None = None

    @property
    def codes(self) -> list[str]:
        return [s.code.key for s in self.suggestions]


def _fits(entry: ExemptionCode, a: FinderAnswers) -> bool:
    cit = a.citizenship.upper() if isinstance(a.citizenship, str) else None
    if entry.citizenships is not None and (cit is None or cit not in entry.citizenships):
        return False
    return not (
        entry.teer_levels is not None and a.teer is not None and a.teer not in entry.teer_levels
    )


def _suggest(entry: ExemptionCode | None, why: Message) -> Suggestion | None:
    if entry is None:
        return None
    return Suggestion(entry, why, entry.evidence)


def _iec(a: FinderAnswers) -> tuple[Suggestion | None, bool]:
    """The IEC suggestion, and whether it is an open permit (Working Holiday)."""
    category = (
        a.iec_category
        if a.iec_category in ("yp", "ic", "wh")
        else ("yp" if a.kind_of_work == "youth_exchange" else None)
    )
    if category is None:
        return None, False
    entry = get_code(f"C21-{category.upper()}")
    cit = a.citizenship.upper() if isinstance(a.citizenship, str) else ""
    row = load("reference")["iec_countries"].get(cit, {}).get("categories", {}).get(category)
    if entry is None or row is None:
        return None, False
    if a.age is not None and not row["age_min"] <= a.age <= row["age_max"]:
        return None, False
    why = Message.of(
        "finder.iec",
        category=CodeName(entry.key, last_part=True),
        low=row["age_min"],
        high=row["age_max"],
        months=row["max_months"],
    )
    return _suggest(entry, why), category == "wh"


def suggest_codes(a: FinderAnswers) -> FinderResult:
    """Codes worth considering for these answers, best first, with the reason for each."""
    if a.employer_kind in EXEMPT_EMPLOYER_KINDS:
        return FinderResult(
            employer_exempt=True,
            employer_exempt_explanation=Message("finder.employer_exempt"),
        )
    if a.has_pgwp_or_study_status or a.relationship == "spouse_or_student" or a.spouse_of:
        return FinderResult(
            suggestions=_open_family_or_graduate(a),
            open_permit=True,
            open_permit_explanation=Message("finder.open_permit"),
        )
    suggestions: list[Suggestion] = []
    iec, iec_open = _iec(a)
    if iec is not None:
        suggestions.append(iec)
    for candidate in _candidates(a):
        entry = get_code(candidate)
        if (
            entry is not None
            and _fits(entry, a)
            and all(s.code.key != entry.key for s in suggestions)
        ):
            found = _suggest(entry, _why(entry))
            if found:
                suggestions.append(found)
    if iec_open and len(suggestions) == 1:
        return FinderResult(
            suggestions=suggestions,
            open_permit=True,
            open_permit_explanation=Message("finder.iec_working_holiday"),
        )
    if not suggestions:
        return FinderResult(lmia_needed=True, lmia_explanation=Message("finder.lmia_needed"))
    return FinderResult(suggestions=suggestions)


# The spouse codes of the free trade agreements (not narrowed by the 2025 family rules).
FTA_SPOUSE_CODES = {
    "CETA": "T45", "CKFTA": "F36", "CUKTCA": "F64", "CPTPP": "T53", "CUFTA": "F73",
    "CCOFTA": "T25",
}


def _open_family_or_graduate(a: FinderAnswers) -> list[Suggestion]:
    """A graduate's PGWP, or the spouse's code: the principal's free trade agreement's spouse
    code, else C41 for a worker's spouse or C42 for a student's, each with the 2025 limits
    (portal.rules.family). A student-or-spouse answer that does not say whose spouse gets all
    three, each with its conditions."""
    spouse_of = a.spouse_of if a.spouse_of in ("worker", "student") else None
    unsaid = spouse_of is None and a.relationship == "spouse_or_student"
    keys: list[tuple[str, Message]] = []
    if a.has_pgwp_or_study_status or unsaid:
        keys.append(("C43", Message("finder.pgwp")))
    agreement = (a.principal_agreement or "").upper()
    if (spouse_of == "worker" or unsaid) and agreement in FTA_SPOUSE_CODES:
        code = FTA_SPOUSE_CODES[agreement]
        keys.append((code, Message.of("finder.fta_spouse", name=CodeName(code))))
    if spouse_of == "worker" or unsaid:
        keys.append(("C41", Message("finder.c41")))
    if spouse_of == "student" or unsaid:
        keys.append(("C42", Message("finder.c42")))
    found = (_suggest(get_code(key), why) for key, why in keys)
    return [s for s in found if s is not None]


def _candidates(a: FinderAnswers) -> list[str]:
    codes: list[str] = []
    kind = a.kind_of_work
    transfer = a.relationship == "transfer" and (
        a.months_with_foreign_employer is None or a.months_with_foreign_employer >= 12
    )
    if transfer and kind in ("manager", "professional", "other", None):
        codes += _ICT_MANAGER
    if transfer and kind in ("specialist", "technician", "other", None):
        codes += _ICT_SPECIALIST
    codes += {
        "professional": _PROFESSIONAL,
        "technician": _TECHNICIAN,
        "trader_investor": _TRADER_INVESTOR,
        "research_academic": _RESEARCH,
        "performing_arts": ("C23",),
    }.get(kind or "", ())
    if a.relationship == "owner":
        codes.append("C11")
    province = a.provincial_nomination.upper() if isinstance(a.provincial_nomination, str) else None
    work = a.work_province.upper() if isinstance(a.work_province, str) else None
    # T13 as the offer check has it: the employer is in the nominating province, not Quebec. A
    # work province not given yet does not rule it out (the offer check asks again).
    if province and province != "QC" and work in (None, "", province):
        codes.append("T13")
    if a.francophone and work and work != "QC":
        codes.append("C16")
    return codes


def _why(entry: ExemptionCode) -> Message:
    name = CodeName(entry.key)
    if entry.code == "C16":
        return Message("finder.c16")
    if entry.code == "T13":
        return Message("finder.t13")
    if entry.is_ict:
        return Message.of("finder.ict", name=name)
    if entry.citizenships is not None:
        kind = "finder.citizenship_and_teer" if entry.teer_levels else "finder.citizenship"
        return Message.of(kind, name=name)
    return Message.of("finder.kind_of_work", name=name)

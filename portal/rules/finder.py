""" "Which exemption code fits?": suggests codes from a few answers about the worker and the job.

A guide, not a decision: it narrows the list to the codes worth reading; check_offer() is what
checks an actual offer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.rules._data import load
from portal.rules.codes import EvidenceItem, ExemptionCode, get_code
from portal.rules.i18n import pick

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
_EXEMPT_EMPLOYER_CODES = {
    "international_org": "C10",
    "bridge_tunnel": "C20",
    "foreign_government": "T11",
    "diplomatic": "C20",
}


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


@dataclass(frozen=True)
class Suggestion:
    code: ExemptionCode
    why_en: str
    why_fr: str
    evidence: tuple[EvidenceItem, ...]

    def why(self, lang: str) -> str:
        return pick(self.why_en, self.why_fr, lang)


@dataclass(frozen=True)
class FinderResult:
    suggestions: list[Suggestion] = field(default_factory=list)
    lmia_needed: bool = False
    lmia_explanation_en: str | None = None
    lmia_explanation_fr: str | None = None
    employer_exempt: bool = False
    employer_exempt_explanation_en: str | None = None
    employer_exempt_explanation_fr: str | None = None
    open_permit: bool = False
    open_permit_explanation_en: str | None = None
    open_permit_explanation_fr: str | None = None

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


def _suggest(entry: ExemptionCode | None, en: str, fr: str) -> Suggestion | None:
    if entry is None:
        return None
    return Suggestion(entry, en, fr, entry.evidence)


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
    why = _suggest(
        entry,
        f"International Experience Canada: {entry.name_en.split('– ')[-1]} is open to "
        f"citizens of this country aged {row['age_min']} to {row['age_max']}, for up to "
        f"{row['max_months']} months.",
        f"Expérience internationale Canada : la catégorie {entry.name_fr.split('– ')[-1]} est "
        f"ouverte aux citoyens de ce pays âgés de {row['age_min']} à {row['age_max']} ans, "
        f"pour au plus {row['max_months']} mois.",
    )
    return why, category == "wh"


def suggest_codes(a: FinderAnswers) -> FinderResult:
    """Codes worth considering for these answers, best first, with the reason for each."""
    if a.employer_kind in _EXEMPT_EMPLOYER_CODES:
        entry = get_code(_EXEMPT_EMPLOYER_CODES[a.employer_kind])
        found = _suggest(
            entry,
            "The usual code for this kind of employer; no offer is submitted.",
            "Le code habituel pour ce type d'employeur; aucune offre n'est présentée.",
        )
        return FinderResult(
            suggestions=[found] if found else [],
            employer_exempt=True,
            employer_exempt_explanation_en=(
                "Your organization is exempt from the employer compliance regime: do not submit "
                'an offer and do not pay the $230 fee. The worker chooses "Other" (no offer '
                "number) in the work permit application and sends your contract and proof of the "
                "exemption."
            ),
            employer_exempt_explanation_fr=(
                "Votre organisation est dispensée du régime de conformité des employeurs : ne "
                "présentez pas d'offre d'emploi et ne payez pas les frais de 230 $. Le "
                "travailleur choisit « Autre » (sans numéro d'offre) dans sa demande de permis de "
                "travail et joint votre contrat et la preuve de la dispense."
            ),
        )
    if a.has_pgwp_or_study_status or a.relationship == "spouse_or_student":
        entry = get_code("C43")
        found = _suggest(
            entry,
            "Post-graduation work permit: an open permit for graduates of an "
            "eligible Canadian program. No employer offer needed.",
            "Permis de travail postdiplôme : un permis ouvert pour les diplômés d'un "
            "programme canadien admissible. Aucune offre d'emploi n'est nécessaire.",
        )
        return FinderResult(
            suggestions=[found] if found else [],
            open_permit=True,
            open_permit_explanation_en=(
                "No employer offer needed: the worker holds or qualifies for an open work permit "
                "(such as a PGWP or a spouse's permit) and can work for you without an offer "
                "number or compliance fee."
            ),
            open_permit_explanation_fr=(
                "Aucune offre d'emploi n'est nécessaire : le travailleur détient un permis de "
                "travail ouvert (comme un PTPD ou un permis d'époux) ou y est admissible, et peut "
                "travailler pour vous sans numéro d'offre ni frais de conformité."
            ),
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
            found = _suggest(entry, *_why(entry, a))
            if found:
                suggestions.append(found)
    if iec_open and len(suggestions) == 1:
        return FinderResult(
            suggestions=suggestions,
            open_permit=True,
            open_permit_explanation_en=(
                "IEC Working Holiday is an open permit: the worker can work "
                "for you without an offer from you."
            ),
            open_permit_explanation_fr=(
                "Le permis Vacances-travail d'EIC est un permis ouvert : le "
                "travailleur peut travailler pour vous sans offre de votre "
                "part."
            ),
        )
    if not suggestions:
        return FinderResult(
            lmia_needed=True,
            lmia_explanation_en=(
                "No LMIA exemption seems to fit these answers. You probably need a "
                "Labour Market Impact Assessment from ESDC (Temporary Foreign Worker "
                "Program) before the worker can apply."
            ),
            lmia_explanation_fr=(
                "Aucune dispense d'EIMT ne semble correspondre à ces réponses. Vous "
                "aurez probablement besoin d'une étude d'impact sur le marché du "
                "travail d'EDSC (Programme des travailleurs étrangers temporaires) "
                "avant que le travailleur présente sa demande."
            ),
        )
    return FinderResult(suggestions=suggestions)


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
    if province and province != "QC":
        codes.append("T13")
    work = a.work_province.upper() if isinstance(a.work_province, str) else None
    if a.francophone and work and work != "QC":
        codes.append("C16")
    return codes


def _why(entry: ExemptionCode, a: FinderAnswers) -> tuple[str, str]:
    if entry.code == "C16":
        return (
            "Francophone mobility: a French-speaking worker (NCLC 5 or higher) with a job outside "
            "Quebec, in any TEER except primary agriculture in TEER 4 or 5.",
            "Mobilité francophone : un travailleur d'expression française (NCLC 5 ou plus) ayant "
            "un emploi à l'extérieur du Québec, de n'importe quelle catégorie FEER sauf "
            "l'agriculture primaire de FEER 4 ou 5.",
        )
    if entry.code == "T13":
        return (
            "Provincial nominee: the offer must come from an employer in the nominating province.",
            "Candidat d'une province : l'offre doit provenir d'un employeur de la province qui a "
            "désigné le travailleur.",
        )
    if entry.is_ict:
        return (
            f"Intra-company transfer: at least 12 months with the foreign enterprise in the last 3 "
            f"years, transferring to a related Canadian business ({entry.name_en}).",
            f"Mutation à l'interne : au moins 12 mois au sein de l'entreprise étrangère au cours "
            f"des 3 dernières années, vers une entreprise canadienne liée ({entry.name_fr}).",
        )
    if entry.citizenships is not None:
        return (
            f"{entry.name_en}: open to this worker's citizenship"
            + (" and to the job's TEER." if entry.teer_levels else "."),
            f"{entry.name_fr} : ouvert aux citoyens de ce pays"
            + (" et à la catégorie FEER de l'emploi." if entry.teer_levels else "."),
        )
    return (
        f"{entry.name_en}: matches the kind of work described.",
        f"{entry.name_fr} : correspond au type de travail décrit.",
    )

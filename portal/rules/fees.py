"""Fees (integer cents, CAD): the employer compliance fee, the worker's fees, and GSS 2-week
processing eligibility. Amounts come from data/reference.json (IRPR R299, R303.1, R303.2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portal.rules._data import load
from portal.rules.codes import ExemptionCode, FeeRule, get_code
from portal.rules.i18n import money, pick
from portal.rules.questions import YES

_FEES = load("reference")["fees_cents"]
COMPLIANCE_FEE_CENTS: int = _FEES["employer_compliance_fee"]
COMPLIANCE_FEE_GROUP_CAP_CENTS: int = _FEES["employer_compliance_fee_max_group_performing_artists"]
WORK_PERMIT_FEE_CENTS: int = _FEES["work_permit_processing_fee"]
WORK_PERMIT_GROUP_CAP_CENTS: int = _FEES["work_permit_max_group_performing_artists"]
BIOMETRICS_CENTS: int = _FEES["biometrics_per_person"]
BIOMETRICS_FAMILY_CAP_CENTS: int = _FEES["biometrics_max_family"]
OPEN_PERMIT_HOLDER_FEE_CENTS: int = _FEES["open_work_permit_holder_fee"]
IEC_PARTICIPATION_FEE_CENTS: int = _FEES["iec_fee_2025_season"]
RESTORATION_FEE_CENTS: int = _FEES["restoration_of_status"]
ETA_FEE_CENTS: int = _FEES["eta"]
TRV_FEE_CENTS: int = _FEES["trv"]
BIOMETRICS_AGE_RANGE = (14, 79)

# Codes whose workers are exempt from the $155 processing fee under R299(2) whatever the answers
# (research, co-op, refugee claimants, destitute students, vulnerable workers; IEC is R299(2)(i)).
WORKER_FEE_EXEMPT_CODES = frozenset({"C31", "C32", "C33", "S61", "H81", "A72", "C21"})
PERMIT_TYPES = ("employer_specific", "other", "open")
APPLIES_FROM = ("outside", "inside", "port_of_entry")


@dataclass(frozen=True)
class ComplianceFee:
    """The employer compliance fee for one offer, or for a whole C23 group of performing artists
    (then `amount_cents` is the group's total)."""

    amount_cents: int
    exempt: bool
    reason_en: str
    reason_fr: str
    regulation: str | None
    proof_required: bool

    def reason(self, lang: str) -> str:
        return pick(self.reason_en, self.reason_fr, lang)


@dataclass(frozen=True)
class FeeLine:
    key: str
    label_en: str
    label_fr: str
    amount_cents: int
    exempt_reason_en: str | None = None
    exempt_reason_fr: str | None = None

    def label(self, lang: str) -> str:
        return pick(self.label_en, self.label_fr, lang)

    def exempt_reason(self, lang: str) -> str | None:
        if self.exempt_reason_en is None:
            return None
        return pick(self.exempt_reason_en, self.exempt_reason_fr or "", lang)


@dataclass(frozen=True)
class Decision:
    """A yes/no outcome with the reasons for it, in EN and FR."""

    eligible: bool
    reasons_en: tuple[str, ...]
    reasons_fr: tuple[str, ...]

    def reasons(self, lang: str) -> tuple[str, ...]:
        return pick(self.reasons_en, self.reasons_fr, lang)  # type: ignore[arg-type]

    @property
    def required(self) -> bool:
        """Same as `eligible`, for decisions that answer "is it required?" (medical exam)."""
        return self.eligible


def _yes(answers: Mapping[str, str] | None, qid: str) -> bool:
    return isinstance(answers, Mapping) and answers.get(qid) == YES


def _worker_fee_exempt(entry: ExemptionCode | None, answers: Mapping[str, str] | None) -> bool:
    if entry is None:
        return False
    if entry.code in WORKER_FEE_EXEMPT_CODES or entry.fee_rule is FeeRule.exempt:
        return True
    return entry.fee_rule is FeeRule.required_unless_worker_fee_exempt and (
        _yes(answers, "worker_unpaid") or _yes(answers, "worker_fee_exempt")
    )


def compliance_fee(
    code: str | None,
    *,
    answers: Mapping[str, str] | None = None,
    performing_artists_in_group: int = 1,
) -> ComplianceFee:
    """What the employer pays for an offer under `code` (R303.1)."""
    entry = get_code(code)
    if entry is not None and entry.fee_rule is FeeRule.not_applicable:
        return ComplianceFee(
            0,
            True,
            "No compliance fee: this code is an open work permit, so there is no employer offer.",
            "Aucuns frais de conformité : ce code correspond à un permis de travail ouvert; il "
            "n'y a donc pas d'offre d'emploi de l'employeur.",
            None,
            False,
        )
    if entry is not None and entry.is_iec:
        return ComplianceFee(
            COMPLIANCE_FEE_CENTS,
            False,
            "The $230 fee applies: IEC participants are exempt from the work permit fee, but "
            "R303.1(5) excludes them from the employer exemption, so their employers still pay.",
            "Les frais de 230 $ s'appliquent : les participants d'EIC sont dispensés des frais de "
            "permis de travail, mais le paragraphe R303.1(5) les exclut de la dispense accordée à "
            "l'employeur; leur employeur paie donc les frais.",
            "R303.1(5)",
            False,
        )
    if _worker_fee_exempt(entry, answers):
        return ComplianceFee(
            0,
            True,
            "No fee: the worker is exempt from the work permit processing fee (R299(2)), so the "
            "employer is exempt too (R303.1(5)). Upload proof of the exemption with the offer.",
            "Aucuns frais : le travailleur est dispensé des frais de traitement du permis de "
            "travail (R299(2)); l'employeur en est donc dispensé aussi (R303.1(5)). Téléversez "
            "une preuve de la dispense avec l'offre d'emploi.",
            "R303.1(5); R299(2)",
            True,
        )
    group = performing_artists_in_group if isinstance(performing_artists_in_group, int) else 1
    if entry is not None and entry.code == "C23" and group > 1:
        total = min(group * COMPLIANCE_FEE_CENTS, COMPLIANCE_FEE_GROUP_CAP_CENTS)
        capped = group >= 3
        return ComplianceFee(
            total,
            False,
            f"{money(total, 'en')} in total for {group} performing artists and staff hired together"
            + (" (capped at $690 for a group of 3 or more)." if capped else "."),
            f"{money(total, 'fr')} au total pour {group} artistes de la scène et membres du "
            "personnel embauchés ensemble"
            + (" (plafond de 690 $ pour un groupe de 3 ou plus)." if capped else "."),
            "R303.1(3)" if capped else "R303.1(1)",
            False,
        )
    return ComplianceFee(
        COMPLIANCE_FEE_CENTS,
        False,
        "The $230 employer compliance fee applies to this offer.",
        "Les frais de conformité de l'employeur de 230 $ s'appliquent à cette offre d'emploi.",
        "R303.1(1)",
        False,
    )


def worker_fees(
    *,
    permit_type: str,
    code: str | None,
    citizenship: str | None,
    has_biometrics_on_file: bool,
    family_size: int = 1,
    applies_from: str = "outside",
    answers: Mapping[str, str] | None = None,
    age: int | None = None,
) -> list[FeeLine]:
    """The worker's fees for a work permit application (principal applicant; biometrics for the
    whole family). Exempt items are listed at 0 with the reason, so the worker sees why."""
    entry = get_code(code)
    lines: list[FeeLine] = []
    if entry is not None and entry.is_iec:
        lines.append(
            FeeLine(
                "iec_participation",
                "IEC participation fee",
                "Frais de participation à EIC",
                IEC_PARTICIPATION_FEE_CENTS,
            )
        )
    if _worker_fee_exempt(entry, answers):
        lines.append(
            FeeLine(
                "processing",
                "Work permit processing fee",
                "Frais de traitement du permis de travail",
                0,
                "Exempt under R299(2) for this situation.",
                "Dispense prévue au paragraphe R299(2) dans cette situation.",
            )
        )
    else:
        lines.append(
            FeeLine(
                "processing",
                "Work permit processing fee",
                "Frais de traitement du permis de travail",
                WORK_PERMIT_FEE_CENTS,
            )
        )
    if permit_type == "open":
        if entry is not None and (
            entry.open_permit_holder_fee_exempt or entry.code in ("C32", "C33")
        ):
            lines.append(
                FeeLine(
                    "open_permit_holder",
                    "Open work permit holder fee",
                    "Frais de privilège du titulaire de permis de travail ouvert",
                    0,
                    "Exempt for this category (R303.2).",
                    "Dispense pour cette catégorie (R303.2).",
                )
            )
        else:
            lines.append(
                FeeLine(
                    "open_permit_holder",
                    "Open work permit holder fee",
                    "Frais de privilège du titulaire de permis de travail ouvert",
                    OPEN_PERMIT_HOLDER_FEE_CENTS,
                )
            )
    lines.append(_biometrics(citizenship, has_biometrics_on_file, family_size, age))
    return lines


def _biometrics(
    citizenship: str | None, on_file: bool, family_size: int, age: int | None
) -> FeeLine:
    label = ("biometrics", "Biometrics", "Données biométriques")
    if isinstance(citizenship, str) and citizenship.strip().upper() == "US":
        return FeeLine(
            *label,
            0,
            "U.S. nationals do not give biometrics for a work permit.",
            "Les ressortissants des États-Unis ne fournissent pas de données biométriques "
            "pour un permis de travail.",
        )
    if on_file:
        return FeeLine(
            *label,
            0,
            "Biometrics already given in the last 10 years.",
            "Données biométriques déjà fournies au cours des 10 dernières années.",
        )
    if isinstance(age, int) and not BIOMETRICS_AGE_RANGE[0] <= age <= BIOMETRICS_AGE_RANGE[1]:
        return FeeLine(
            *label,
            0,
            "Only people aged 14 to 79 give biometrics.",
            "Seules les personnes de 14 à 79 ans fournissent des données biométriques.",
        )
    people = family_size if isinstance(family_size, int) and family_size > 0 else 1
    return FeeLine(*label, min(people * BIOMETRICS_CENTS, BIOMETRICS_FAMILY_CAP_CENTS))


def total_cents(lines: Iterable[FeeLine]) -> int:
    return sum(line.amount_cents for line in lines)


def gss_two_week(
    *,
    applies_from: str,
    applies_online: bool,
    employer_specific: bool,
    code: str | None,
    teer: int | None,
    offer_submitted_and_fee_paid: bool,
    biometrics_within_14_days: bool,
) -> Decision:
    """Global Skills Strategy 2-week processing (since 2017-06-12): every condition must hold."""
    entry = get_code(code)
    checks = (
        (
            applies_from == "outside",
            "applies from outside Canada",
            "présente sa demande de l'extérieur du Canada",
            "only applications from outside Canada qualify",
            "seules les demandes présentées de l'extérieur du Canada sont admissibles",
        ),
        (
            applies_online,
            "applies online",
            "présente sa demande en ligne",
            "paper applications do not qualify",
            "les demandes sur papier ne sont pas admissibles",
        ),
        (
            employer_specific and (entry is None or entry.employer_specific),
            "employer-specific, LMIA-exempt permit",
            "permis propre à un employeur, dispensé d'EIMT",
            "only employer-specific permits qualify",
            "seuls les permis propres à un employeur sont admissibles",
        ),
        (
            not (entry is not None and entry.is_iec),
            "not an IEC application",
            "il ne s'agit pas d'une demande d'EIC",
            "International Experience Canada applications are excluded",
            "les demandes d'Expérience internationale Canada sont exclues",
        ),
        (
            teer in (0, 1),
            "job in TEER 0 or 1",
            "emploi de FEER 0 ou 1",
            "the job must be TEER 0 or 1",
            "l'emploi doit être de FEER 0 ou 1",
        ),
        (
            offer_submitted_and_fee_paid,
            "offer submitted and fee paid (or exempt)",
            "offre présentée et frais payés (ou dispense)",
            "the employer must submit the offer and pay the compliance fee (or record an "
            "exemption) first",
            "l'employeur doit d'abord présenter l'offre et payer les frais de conformité (ou "
            "inscrire une dispense)",
        ),
        (
            biometrics_within_14_days,
            "biometrics within 14 days",
            "données biométriques fournies dans les 14 jours",
            "biometrics must be given within 14 days of applying",
            "les données biométriques doivent être fournies dans les 14 jours suivant la demande",
        ),
    )
    failed = [c for c in checks if not c[0]]
    if failed:
        return Decision(
            False,
            tuple(f"Not eligible for 2-week processing: {c[3]}." for c in failed),
            tuple(f"Non admissible au traitement en 2 semaines : {c[4]}." for c in failed),
        )
    return Decision(
        True,
        ("Eligible for 2-week processing: " + "; ".join(c[1] for c in checks) + ".",),
        ("Admissible au traitement en 2 semaines : " + "; ".join(c[2] for c in checks) + ".",),
    )

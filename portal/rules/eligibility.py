"""Does an offer fit its exemption code? check_offer() lists what is wrong and how to fix it.

Only facts that are present are checked (a draft is partial), except the code itself and the answers
its questions require. Every finding carries an EN and a FR message and the field to fix.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from portal.rules import _code_checks
from portal.rules._facts import answers_of, as_date, as_number, block, text, upper, warn
from portal.rules.codes import ExemptionCode, get_code
from portal.rules.countries import is_province, is_valid_country
from portal.rules.findings import Finding
from portal.rules.findings import (
    blocking as blocking,  # re-exported: `from eligibility import blocking`
)
from portal.rules.noc import teer_of
from portal.rules.questions import Question

__all__ = ["WAGE_UNITS", "OfferFacts", "blocking", "check_offer"]

log = logging.getLogger(__name__)
WAGE_UNITS = ("hour", "week", "month", "year")


@dataclass(frozen=True)
class OfferFacts:
    """What an offer says, as far as the rules care. Every field may be None (unknown yet)."""

    code: str | None = None
    citizenship: str | None = None
    date_of_birth: dt.date | None = None
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
        found = [
            block(
                "RULES-INTERNAL-ERROR",
                "We could not check this offer. Review every section, then try again.",
                "Nous n'avons pas pu vérifier cette offre d'emploi. Vérifiez chaque section, puis "
                "réessayez.",
                None,
                None,
            )
        ]
    return sorted(found, key=lambda f: not f.is_blocking)


def _check(facts: OfferFacts, *, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    found += _employer(facts)
    entry = _code(facts, found)
    found += _worker(facts, entry)
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
        found.append(
            block(
                "EMPLOYER-BANNED",
                "Your business is on the list of ineligible employers, so it cannot submit offers "
                "of employment. Contact IRCC about the ban before hiring foreign workers.",
                "Votre entreprise figure sur la liste des employeurs inadmissibles; elle ne peut "
                "donc pas présenter d'offre d'emploi. Communiquez avec IRCC au sujet de "
                "l'interdiction avant d'embaucher des travailleurs étrangers.",
                None,
                "code",
            )
        )
    if facts.employer_compliance_exempt is True:
        found.append(
            block(
                "EMPLOYER-COMPLIANCE-EXEMPT",
                "Your organization is exempt from the employer compliance regime, so it does not "
                "submit offers or pay the $230 fee. Give the worker your job offer or contract: in "
                'the work permit application they choose "Other" ("I have a job offer that '
                "doesn't need an offer of employment number\") and enter no offer number.",
                "Votre organisation est dispensée du régime de conformité des employeurs : elle "
                "ne présente pas d'offre d'emploi et ne paie pas les frais de 230 $. Remettez au "
                "travailleur votre offre ou votre contrat : dans sa demande de permis de travail, "
                "il choisit « Autre » (« J'ai une offre d'emploi qui n'exige pas de numéro "
                "d'offre ») et n'inscrit aucun numéro d'offre.",
                None,
                "code",
            )
        )
    return found


def _code(facts: OfferFacts, found: list[Finding]) -> ExemptionCode | None:
    raw = text(facts.code)
    if raw is None:
        found.append(
            block(
                "CODE-MISSING",
                "Choose the LMIA exemption code that fits this job.",
                "Choisissez le code de dispense de l'EIMT qui correspond à cet emploi.",
                "code",
                "code",
            )
        )
        return None
    entry = get_code(raw)
    if entry is None:
        found.append(
            block(
                "CODE-UNKNOWN",
                f'"{raw[:20]}" is not an LMIA exemption code. Choose a code from the list.',
                f"« {raw[:20]} » n'est pas un code de dispense de l'EIMT. Choisissez un code dans "
                "la liste.",
                "code",
                "code",
            )
        )
        return None
    if not entry.employer_specific:
        en, fr = entry.not_selectable_reason_en or "", entry.not_selectable_reason_fr or ""
        if entry.is_iec:
            en += (
                " For IEC, only Young Professionals and International Co-op (Internship) need an "
                "offer from you."
            )
            fr += (
                " Pour EIC, seules les catégories Jeunes professionnels et Stage coop "
                "international exigent une offre de votre part."
            )
        found.append(block("CODE-OPEN-PERMIT", en, fr, "code", "code"))
    return entry


def _worker(facts: OfferFacts, entry: ExemptionCode | None) -> list[Finding]:
    found: list[Finding] = []
    citizenship = upper(facts.citizenship)
    if facts.citizenship is not None and (citizenship is None or not is_valid_country(citizenship)):
        found.append(
            block(
                "WORKER-CITIZENSHIP-INVALID",
                "Choose the worker's country of citizenship from the list, as shown on their "
                "passport.",
                "Choisissez dans la liste le pays de citoyenneté du travailleur, tel qu'il figure "
                "sur son passeport.",
                "citizenship",
                "worker",
            )
        )
        return found
    if citizenship == "CA":
        found.append(
            block(
                "WORKER-CANADIAN",
                "Canadian citizens do not need a work permit or an offer of employment. Check the "
                "worker's citizenship.",
                "Les citoyens canadiens n'ont besoin ni d'un permis de travail ni d'une offre "
                "d'emploi. Vérifiez la citoyenneté du travailleur.",
                "citizenship",
                "worker",
            )
        )
        return found
    born = as_date(facts.date_of_birth)
    if facts.date_of_birth is not None and born is None:
        found.append(
            block(
                "WORKER-BIRTH-DATE-INVALID",
                "Enter the worker's date of birth as year-month-day.",
                "Inscrivez la date de naissance du travailleur au format année-mois-jour.",
                "date_of_birth",
                "worker",
            )
        )
    if entry is None or not entry.employer_specific or citizenship is None:
        return found
    found += _code_checks.citizenship(entry, citizenship, upper(facts.is_permanent_resident_of))
    return found


def _job(facts: OfferFacts, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    noc = text(facts.noc_code)
    if facts.noc_code is not None and (noc is None or teer_of(noc) is None):
        found.append(
            block(
                "JOB-NOC-UNKNOWN",
                "Enter a 5-digit NOC 2021 code from the list (for example 21232 for software "
                "developers).",
                "Inscrivez un code à 5 chiffres de la CNP 2021 figurant dans la liste (par "
                "exemple 21232 pour les développeurs de logiciels).",
                "noc_code",
                "job",
            )
        )
    for name in ("work_province", "employer_province"):
        value = getattr(facts, name)
        if value is not None and not is_province(value):
            found.append(
                block(
                    f"{'JOB' if name == 'work_province' else 'EMPLOYER'}-PROVINCE-INVALID",
                    "Choose a Canadian province or territory from the list.",
                    "Choisissez une province ou un territoire du Canada dans la liste.",
                    name,
                    "job",
                )
            )
    start, end = as_date(facts.start_date), as_date(facts.end_date)
    for name, raw, parsed in (
        ("start_date", facts.start_date, start),
        ("end_date", facts.end_date, end),
    ):
        if raw is not None and parsed is None:
            found.append(
                block(
                    "JOB-DATE-INVALID",
                    "Enter the date as year-month-day (for example 2027-03-01).",
                    "Inscrivez la date au format année-mois-jour (par exemple 2027-03-01).",
                    name,
                    "job",
                )
            )
    if start and end and end <= start:
        found.append(
            block(
                "JOB-DATES-ORDER",
                "The end date of employment must be after the start date. Correct one of the two "
                "dates.",
                "La date de fin d'emploi doit être postérieure à la date de début. Corrigez l'une "
                "des deux dates.",
                "end_date",
                "job",
            )
        )
    if start and start < today:
        found.append(
            warn(
                "JOB-START-PAST",
                "The start date is in the past. Enter the date the worker will actually start, "
                "once they hold a work permit.",
                "La date de début est passée. Inscrivez la date à laquelle le travailleur "
                "commencera réellement, une fois son permis de travail obtenu.",
                "start_date",
                "job",
            )
        )
    return found


def _wages(facts: OfferFacts) -> list[Finding]:
    found: list[Finding] = []
    wage = as_number(facts.wage_cents)
    if facts.wage_cents is not None and (wage is None or wage < 0):
        found.append(
            block(
                "WAGE-INVALID",
                "Enter the wage as a positive amount in Canadian dollars.",
                "Inscrivez le salaire sous forme de montant positif en dollars canadiens.",
                "wage_cents",
                "wages",
            )
        )
    elif wage == 0 and get_code(facts.code) not in (get_code("C50"), get_code("C51")):
        found.append(
            block(
                "WAGE-ZERO",
                "Enter the wage offered. Only religious or charitable work (C50, C51) may be "
                "unpaid.",
                "Inscrivez le salaire offert. Seul le travail religieux ou caritatif (C50, C51) "
                "peut être non rémunéré.",
                "wage_cents",
                "wages",
            )
        )
    if facts.wage_unit is not None and facts.wage_unit not in WAGE_UNITS:
        found.append(
            block(
                "WAGE-UNIT-INVALID",
                "Choose how the wage is paid: per hour, week, month or year.",
                "Choisissez la période de rémunération : à l'heure, à la semaine, au mois ou à "
                "l'année.",
                "wage_unit",
                "wages",
            )
        )
    hours = as_number(facts.hours_per_week)
    if facts.hours_per_week is not None and (hours is None or hours <= 0 or hours > 168):
        found.append(
            block(
                "WAGE-HOURS-INVALID",
                "Enter the number of hours of work per week (more than 0 and at most 168).",
                "Inscrivez le nombre d'heures de travail par semaine (plus de 0 et au plus 168).",
                "hours_per_week",
                "wages",
            )
        )
    return found


def _answers(entry: ExemptionCode, answers: Mapping[str, str]) -> list[Finding]:
    found: list[Finding] = []
    for question in entry.questions:
        value = text(answers.get(question.id))
        if value is None:
            if question.required:
                found.append(
                    block(
                        "ANSWER-MISSING",
                        f'Answer the question "{question.label_en}": code {entry.code} needs it.',
                        f"Répondez à la question « {question.label_fr} » : le code {entry.code} "
                        "l'exige.",
                        f"answers.{question.id}",
                        "code",
                    )
                )
        elif not _valid_answer(question, value):
            found.append(
                block(
                    "ANSWER-INVALID",
                    f'The answer to "{question.label_en}" is not valid. '
                    f"{_format_hint_en(question)}",
                    f"La réponse à la question « {question.label_fr} » n'est pas valide. "
                    f"{_format_hint_fr(question)}",
                    f"answers.{question.id}",
                    "code",
                )
            )
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


def _format_hint_en(question: Question) -> str:
    return {
        "yes_no": "Choose Yes or No.",
        "choice": "Choose one of the options.",
        "number": "Enter a number (0 or more).",
        "date": "Enter a date as year-month-day.",
    }.get(question.kind, "")


def _format_hint_fr(question: Question) -> str:
    return {
        "yes_no": "Choisissez Oui ou Non.",
        "choice": "Choisissez l'une des options.",
        "number": "Inscrivez un nombre (0 ou plus).",
        "date": "Inscrivez une date au format année-mois-jour.",
    }.get(question.kind, "")

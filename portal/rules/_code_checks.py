"""Code-specific eligibility rules used by eligibility.check_offer (citizenship, TEER, province,
duration, intra-company transfers, IEC, and the yes/no requirements of single codes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from portal.rules._facts import (
    add_months,
    as_date,
    as_number,
    block,
    months_between,
    text,
    upper,
    warn,
)
from portal.rules._iec_checks import check_iec, iec_row
from portal.rules._requirement_checks import check_requirements
from portal.rules.codes import ExemptionCode
from portal.rules.countries import country_name, province_name
from portal.rules.noc import teer_of
from portal.rules.questions import YES

if TYPE_CHECKING:
    from portal.rules.eligibility import OfferFacts
    from portal.rules.findings import Finding

# NOC 2021 TEER 4/5 unit groups in primary agriculture, excluded from C16 since 2023-06-15.
PRIMARY_AGRICULTURE_TEER_4_5 = frozenset({"84120", "85100", "85101", "85103"})
_AGREEMENT_TAGS = {
    "CPAFTA": "PANAMA",
    "CCFTA": "CHILE",
    "CCOFTA": "COLOMBIA",
    "CKFTA": "KOREA",
    "CPFTA": "PERU",
    "CUKTCA": "UK",
    "CUFTA": "UKRAINE",
}


def _names(codes: frozenset[str], lang: str) -> str:
    if len(codes) > 12:
        return (
            "the partner countries of the agreement"
            if lang == "en"
            else "les pays partenaires de l'accord"
        )
    return ", ".join(sorted(country_name(c, lang) for c in codes))


def _tag(entry: ExemptionCode) -> str:
    if entry.is_iec:
        return "IEC"
    if entry.agreement:
        return _AGREEMENT_TAGS.get(entry.agreement, entry.agreement)
    return entry.code


def citizenship(entry: ExemptionCode, cit: str, pr_of: str | None) -> list[Finding]:
    allowed = entry.citizenships
    if allowed is None or cit in allowed:
        return []
    if pr_of is not None and pr_of in entry.pr_citizenships:
        return []
    pr_en = pr_fr = ""
    if entry.pr_citizenships:
        pr_en = f" Permanent residents of {_names(entry.pr_citizenships, 'en')} also qualify."
        pr_fr = (
            f" Les résidents permanents de ces pays ({_names(entry.pr_citizenships, 'fr')}) sont "
            "aussi admissibles."
        )
    return [
        block(
            f"ELIG-{_tag(entry)}-CITIZENSHIP",
            f"Code {entry.code} ({entry.name_en}) is only for citizens of "
            f"{_names(allowed, 'en')}.{pr_en} The worker is a citizen of "
            f"{country_name(cit, 'en')}. Check the citizenship entered or choose a code open to "
            "this worker.",
            f"Le code {entry.code} ({entry.name_fr}) est réservé aux citoyens des pays suivants : "
            f"{_names(allowed, 'fr')}.{pr_fr} Le travailleur est citoyen du pays suivant : "
            f"{country_name(cit, 'fr')}. Vérifiez la citoyenneté inscrite ou choisissez un code de "
            "dispense ouvert à ce travailleur.",
            "citizenship",
            "worker",
        )
    ]


def check(
    entry: ExemptionCode, facts: OfferFacts, answers: Mapping[str, str], today: dt.date
) -> list[Finding]:
    found: list[Finding] = []
    found += _teer(entry, text(facts.noc_code), answers)
    found += _province(entry, upper(facts.work_province), upper(facts.employer_province), answers)
    found += _duration(entry, as_date(facts.start_date), as_date(facts.end_date), facts, answers)
    found += _ict(entry, answers)
    found += check_iec(entry, facts, answers, today)
    found += check_requirements(entry, answers)
    return found


def _span(levels: list[int], lang: str) -> str:
    """ "0 or 1" / "0 to 3" (EN); "0 ou 1" / "0 à 3" (FR)."""
    if len(levels) <= 2:
        return f" {'or' if lang == 'en' else 'ou'} ".join(map(str, levels))
    return f"{levels[0]} {'to' if lang == 'en' else 'à'} {levels[-1]}"


def _teer_finding(
    entry: ExemptionCode, noc: str, teer: int, levels: list[int], who_en: str = "", who_fr: str = ""
) -> Finding:
    return block(
        f"ELIG-{entry.key}-TEER",
        f"NOC {noc} is TEER {teer}, but code {entry.code} needs a job in TEER "
        f"{_span(levels, 'en')}{who_en}. Choose the NOC code that matches the duties, or another "
        "exemption code.",
        f"Le code CNP {noc} est de FEER {teer}, mais le code {entry.code} exige un emploi de FEER "
        f"{_span(levels, 'fr')}{who_fr}. Choisissez le code CNP qui correspond aux fonctions, ou "
        "un autre code de dispense.",
        "noc_code",
        "job",
    )


def _teer(entry: ExemptionCode, noc: str | None, answers: Mapping[str, str]) -> list[Finding]:
    teer = teer_of(noc)
    if noc is None or teer is None:
        return []
    kind = answers.get("professional_or_technician")
    if kind in ("professional", "technician"):
        levels = [0, 1] if kind == "professional" else [2, 3]
        if teer in levels:
            return []
        who_en, who_fr = {
            "professional": (" for professionals", " pour les professionnels"),
            "technician": (" for technicians", " pour les techniciens"),
        }[kind]
        return [_teer_finding(entry, noc, teer, levels, who_en, who_fr)]
    if entry.key == "C21-YP" and teer == 4:
        if answers.get("iec_post_secondary_credential") == YES:
            return []
        return [
            block(
                "ELIG-C21-YP-TEER",
                f"NOC {noc} is TEER 4. IEC Young Professionals accepts a TEER 4 job only when the "
                "worker holds a post-secondary credential. Answer the credential question, or "
                "choose a TEER 0 to 3 job.",
                f"Le code CNP {noc} est de FEER 4. La catégorie Jeunes professionnels d'EIC "
                "n'accepte un emploi de FEER 4 que si le travailleur détient un diplôme d'études "
                "postsecondaires. Répondez à la question sur le diplôme ou choisissez un emploi "
                "de FEER 0 à 3.",
                "noc_code",
                "job",
            )
        ]
    if entry.code == "C16":
        if noc not in PRIMARY_AGRICULTURE_TEER_4_5:
            return []
        return [
            block(
                "ELIG-C16-PRIMARY-AGRICULTURE",
                f"NOC {noc} is a TEER {teer} job in primary agriculture, which Francophone "
                "mobility (C16) excludes. Choose another exemption code, or apply for an LMIA.",
                f"Le code CNP {noc} est un emploi de FEER {teer} en agriculture primaire, exclu de "
                "la Mobilité francophone (C16). Choisissez un autre code de dispense ou demandez "
                "une EIMT.",
                "noc_code",
                "job",
            )
        ]
    if entry.code == "C63":
        if teer < 3:
            return []
        return [
            warn(
                "ELIG-C63-TEER-REVIEW",
                f"Specialized knowledge transfers in TEER {teer} jobs get closer review. Explain "
                "the proprietary knowledge and advanced expertise in your explanation.",
                "Les mutations de travailleurs ayant des connaissances spécialisées dans un "
                f"emploi de FEER {teer} font l'objet d'un examen plus poussé. Décrivez les "
                "connaissances exclusives et l'expertise avancée dans votre explication.",
                "noc_code",
                "job",
            )
        ]
    if entry.teer_levels is None or teer in entry.teer_levels:
        return []
    return [_teer_finding(entry, noc, teer, sorted(entry.teer_levels))]


def _province(
    entry: ExemptionCode, work: str | None, employer: str | None, answers: Mapping[str, str]
) -> list[Finding]:
    found: list[Finding] = []
    if work and work in entry.provinces_not:
        found.append(
            block(
                f"ELIG-{entry.code}-PROVINCE",
                f"Code {entry.code} cannot be used for work in {province_name(work, 'en')}. "
                + (
                    "Francophone mobility is for jobs outside Quebec."
                    if entry.code == "C16"
                    else "Quebec does not nominate workers under this code."
                )
                + " Check the work location or choose another code.",
                f"Le code {entry.code} ne peut pas être utilisé pour un emploi au "
                f"{province_name(work, 'fr')}. "
                + (
                    "La Mobilité francophone vise les emplois à l'extérieur du Québec."
                    if entry.code == "C16"
                    else "Le Québec ne désigne pas de travailleurs au titre de ce code."
                )
                + " Vérifiez le lieu de travail ou choisissez un autre code.",
                "work_province",
                "job",
            )
        )
    if entry.provinces:
        for name, where in (("work_province", work), ("employer_province", employer)):
            if where and where not in entry.provinces:
                places_en = ", ".join(province_name(p, "en") for p in sorted(entry.provinces))
                places_fr = ", ".join(province_name(p, "fr") for p in sorted(entry.provinces))
                found.append(
                    block(
                        f"ELIG-{entry.code}-PROVINCE",
                        f"Code {entry.code} needs an employer and a job in: {places_en}. "
                        f"This offer says {province_name(where, 'en')}. Correct the location or "
                        "choose another code.",
                        f"Le code {entry.code} exige un employeur et un emploi situés dans les "
                        f"provinces suivantes : {places_fr}. Cette offre indique : "
                        f"{province_name(where, 'fr')}. Corrigez le lieu ou choisissez un autre "
                        "code.",
                        name,
                        "job",
                    )
                )
    nominating = upper(answers.get("nominating_province"))
    if entry.code == "T13" and nominating and employer and employer != nominating:
        found.append(
            block(
                "ELIG-T13-NOMINATING-PROVINCE",
                "Under T13 the employer must be in the province that nominated the worker "
                f"({province_name(nominating, 'en')}), but your business is in "
                f"{province_name(employer, 'en')}. Only an employer in the nominating province can "
                "make this offer.",
                "Au titre du code T13, l'employeur doit se trouver dans la province qui a désigné "
                f"le travailleur ({province_name(nominating, 'fr')}), mais votre entreprise est "
                f"située dans la province suivante : {province_name(employer, 'fr')}. Seul un "
                "employeur de la province qui a désigné le travailleur peut présenter cette offre.",
                "employer_province",
                "job",
            )
        )
    return found


def _duration(
    entry: ExemptionCode,
    start: dt.date | None,
    end: dt.date | None,
    facts: OfferFacts,
    answers: Mapping[str, str],
) -> list[Finding]:
    if start is None or end is None or end <= start:
        return []
    days = (end - start).days
    if entry.code == "T33" and entry.max_duration_days and days > entry.max_duration_days:
        return [
            block(
                "ELIG-T33-DURATION",
                f"GATS professionals (T33) may work at most {entry.max_duration_days} days; this "
                f"offer lasts {days} days. Shorten the employment or choose another code.",
                "Les professionnels de l'AGCS (T33) peuvent travailler au plus "
                f"{entry.max_duration_days} jours; cette offre dure {days} jours. Raccourcissez la "
                "période d'emploi ou choisissez un autre code.",
                "end_date",
                "job",
            )
        ]
    limit = entry.max_duration_months
    if entry.is_iec:
        limit = iec_row(entry, upper(facts.citizenship)).get("max_months")
    if limit and end > add_months(start, limit):
        return [
            block(
                f"ELIG-{entry.key}-DURATION",
                f"Code {entry.code} allows at most {limit} months for this permit; this offer "
                f"lasts {months_between(start, end)} months. Move the end date to "
                f"{add_months(start, limit).isoformat()} or earlier.",
                f"Le code {entry.code} permet au plus {limit} mois pour ce permis; cette offre "
                f"dure {months_between(start, end)} mois. Fixez la date de fin au "
                f"{add_months(start, limit).isoformat()} ou avant.",
                "end_date",
                "job",
            )
        ]
    already = as_number(answers.get("months_already_in_canada_as_ict"))
    if entry.max_total_months and already is not None:
        total = int(already) + months_between(start, end)
        if total > entry.max_total_months:
            years = entry.max_total_months / 12
            years_txt = f"{years:g}"
            return [
                block(
                    "ELIG-ICT-TOTAL-STAY",
                    f"Intra-company transferees under {entry.code} may stay {years_txt} years "
                    f"({entry.max_total_months} months) in total; with this offer the worker would "
                    f"reach {total} months. Shorten the offer so the total stays within the limit.",
                    f"Les personnes mutées à l'interne au titre du code {entry.code} peuvent "
                    f"séjourner {years_txt.replace('.', ',')} ans ({entry.max_total_months} mois) "
                    f"au total; avec cette offre, le travailleur atteindrait {total} mois. "
                    "Raccourcissez l'offre pour respecter la limite.",
                    "end_date",
                    "job",
                )
            ]
    return []


def _ict(entry: ExemptionCode, answers: Mapping[str, str]) -> list[Finding]:
    needed = entry.min_foreign_employment_months
    months = as_number(answers.get("months_with_foreign_employer"))
    if not needed or months is None or months >= needed:
        return []
    window = entry.foreign_employment_window_months or 36
    return [
        block(
            "ELIG-ICT-FOREIGN-EMPLOYMENT",
            f"An intra-company transferee needs at least {needed} months of continuous full-time "
            f"work with the foreign enterprise in the last {window} months; the answer says "
            f"{months:g}. Wait until the worker has enough time with the enterprise, or choose "
            "another code.",
            f"Une personne mutée à l'interne doit avoir travaillé au moins {needed} mois de façon "
            f"continue et à temps plein pour l'entreprise étrangère au cours des {window} derniers "
            f"mois; la réponse indique {months:g}. Attendez que le travailleur ait accumulé assez "
            "de temps au sein de l'entreprise, ou choisissez un autre code.",
            "answers.months_with_foreign_employer",
            "code",
        )
    ]

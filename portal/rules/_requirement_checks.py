"""Single-code requirements answered by the employer (French level, AIP designation, CSQ,
years of experience, ownership share, CUSMA Appendix 2 profession)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from portal.rules._facts import as_number, block
from portal.rules.codes import ExemptionCode
from portal.rules.questions import NO, NOT_LISTED

if TYPE_CHECKING:
    from portal.rules.findings import Finding


def check_requirements(entry: ExemptionCode, answers: Mapping[str, str]) -> list[Finding]:
    found: list[Finding] = []
    rules = (
        (
            "french_nclc5",
            "ELIG-C16-FRENCH",
            "Francophone mobility (C16) needs French speaking and listening at NCLC 5 or higher. "
            "Choose another code if the worker does not meet it.",
            "La Mobilité francophone (C16) exige un niveau NCLC 5 ou plus en expression et en "
            "compréhension orales du français. Choisissez un autre code si le travailleur n'y "
            "satisfait pas.",
        ),
        (
            "aip_designated_employer",
            "ELIG-C18-DESIGNATION",
            "Only employers designated under the Atlantic Immigration Program can use C18. Get "
            "designated by the province first, or choose another code.",
            "Seuls les employeurs désignés dans le cadre du Programme d'immigration au Canada "
            "atlantique peuvent utiliser le code C18. Obtenez d'abord la désignation de la "
            "province, ou choisissez un autre code.",
        ),
        (
            "csq_holder",
            "ELIG-A73-CSQ",
            "A73 is only for holders of a valid Quebec Selection Certificate living in Quebec. "
            "Choose another code.",
            "Le code A73 est réservé aux titulaires d'un certificat de sélection du Québec valide "
            "qui résident au Québec. Choisissez un autre code.",
        ),
    )
    asked = {qn.id for qn in entry.questions}
    for qid, code, en, fr in rules:
        if qid in asked and answers.get(qid) == NO:
            found.append(block(code, en, fr, f"answers.{qid}", "code"))
    if "cusma_profession" in asked and answers.get("cusma_profession") == NOT_LISTED:
        found.append(
            block(
                "ELIG-CUSMA-PROFESSION",
                "CUSMA professionals (T36) must work in one of the 63 professions of CUSMA "
                "Appendix 2; the list is closed. Choose another code (for example an "
                "intra-company transfer code), or apply for an LMIA.",
                "Les professionnels de l'ACEUM (T36) doivent exercer l'une des 63 professions de "
                "l'appendice 2 de l'ACEUM; la liste est fermée. Choisissez un autre code (par "
                "exemple un code de mutation à l'interne) ou demandez une EIMT.",
                "answers.cusma_profession",
                "code",
            )
        )
    for qid, minimum, code, en, fr in (
        (
            "years_experience",
            entry.min_experience_years,
            "ELIG-EXPERIENCE",
            "Code {c} needs at least {n} years of experience in the sector; the answer says {v:g}.",
            "Le code {c} exige au moins {n} ans d'expérience dans le secteur; la réponse indique "
            "{v:g}.",
        ),
        (
            "ownership_percent",
            entry.ownership_min_percent,
            "ELIG-C11-OWNERSHIP",
            "Code {c} needs the worker to own at least {n}% of the business; the answer says "
            "{v:g}%.",
            "Le code {c} exige que le travailleur possède au moins {n} % de l'entreprise; la "
            "réponse indique {v:g} %.",
        ),
    ):
        value = as_number(answers.get(qid))
        if minimum and value is not None and value < minimum:
            found.append(
                block(
                    code,
                    en.format(c=entry.code, n=minimum, v=value)
                    + " Choose another code if this is right.",
                    fr.format(c=entry.code, n=minimum, v=value)
                    + " Choisissez un autre code si la réponse est exacte.",
                    f"answers.{qid}",
                    "code",
                )
            )
    return found

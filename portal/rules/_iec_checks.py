"""International Experience Canada rules: age on the Invitation to Apply date, per country."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from portal.rules._data import load
from portal.rules._facts import age_on, as_date, block, upper
from portal.rules.codes import ExemptionCode
from portal.rules.countries import country_name

if TYPE_CHECKING:
    from portal.rules.eligibility import OfferFacts
    from portal.rules.findings import Finding


def iec_row(entry: ExemptionCode, citizenship: str | None) -> dict:
    row = load("reference")["iec_countries"].get(citizenship or "", {})
    return row.get("categories", {}).get(entry.iec_category or "", {})


def check_iec(
    entry: ExemptionCode, facts: OfferFacts, answers: Mapping[str, str], today: dt.date
) -> list[Finding]:
    if not entry.is_iec:
        return []
    invited = as_date(answers.get("iec_invitation_date"))
    if invited and invited > today:
        return [
            block(
                "ELIG-IEC-INVITATION-FUTURE",
                "The Invitation to Apply date cannot be in the future. Enter the date the worker "
                "received the invitation.",
                "La date de l'invitation à présenter une demande ne peut pas être dans le futur. "
                "Inscrivez la date à laquelle le travailleur a reçu l'invitation.",
                "answers.iec_invitation_date",
                "code",
            )
        ]
    born = as_date(facts.date_of_birth)
    row = iec_row(entry, upper(facts.citizenship))
    if not (invited and born and row) or born >= invited:
        return []
    age = age_on(born, invited)
    low, high = row["age_min"], row["age_max"]
    if low <= age <= high:
        return []
    country_en = country_name(upper(facts.citizenship) or "", "en")
    country_fr = country_name(upper(facts.citizenship) or "", "fr")
    return [
        block(
            "ELIG-IEC-AGE",
            f"IEC participants from {country_en} must be {low} to {high} years old on the day they "
            f"receive the Invitation to Apply; this worker was {age}. Check the date of birth and "
            "the invitation date.",
            f"Les participants d'EIC de ce pays ({country_fr}) doivent avoir de {low} à {high} ans "
            "le jour où ils reçoivent l'invitation à présenter une demande; ce travailleur avait "
            f"{age} ans. Vérifiez la date de naissance et la date de l'invitation.",
            "date_of_birth",
            "worker",
        )
    ]

"""International Experience Canada rules: age on the Invitation to Apply date, per country."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from portal.rules._data import load
from portal.rules._facts import age_on, as_date, block, upper
from portal.rules.codes import ExemptionCode
from portal.rules.messages import Country

if TYPE_CHECKING:
    from portal.rules.eligibility import OfferFacts
    from portal.rules.findings import Finding


def iec_row(entry: ExemptionCode, citizenship: str | None) -> dict[str, Any]:
    row = load("reference")["iec_countries"].get(citizenship or "", {})
    found: dict[str, Any] = row.get("categories", {}).get(entry.iec_category or "", {})
    return found


def check_iec(
    entry: ExemptionCode, facts: OfferFacts, answers: Mapping[str, str], today: dt.date
) -> list[Finding]:
    if not entry.is_iec:
        return []
    invited = as_date(answers.get("iec_invitation_date"))
    if invited and invited > today:
        return [block("ELIG-IEC-INVITATION-FUTURE", "answers.iec_invitation_date", "code")]
    born = as_date(facts.date_of_birth)
    row = iec_row(entry, upper(facts.citizenship))
    if not (invited and born and row) or born >= invited:
        return []
    age = age_on(born, invited)
    low, high = row["age_min"], row["age_max"]
    if low <= age <= high:
        return []
    return [
        block(
            "ELIG-IEC-AGE",
            "date_of_birth",
            "worker",
            country=Country(upper(facts.citizenship) or ""),
            low=low,
            high=high,
            age=age,
        )
    ]

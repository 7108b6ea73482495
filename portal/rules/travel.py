"""Travel document (visa / eTA / none), immigration medical exam, and port-of-entry rules."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from portal.rules._data import load
from portal.rules.codes import get_code
from portal.rules.fees import Decision
from portal.rules.messages import Message


class TravelDocument(StrEnum):
    visa = "visa"
    eta = "eta"
    none = "none"


@dataclass(frozen=True)
class TravelRequirement:
    document: TravelDocument
    conditional_eta: bool
    note: Message | None


def travel_requirement(
    citizenship: str, *, issued_inside_canada: bool = False, us_permanent_resident: bool = False
) -> TravelRequirement:
    """Document a citizen needs to come to Canada as a worker. The "eTA expansion" countries count
    as visa (the safe answer for a worker) with a note on when an eTA is enough.

    A visa or an eTA is issued with a work permit approval only to come to Canada (domain.md
    9.4): a permit issued inside Canada comes with neither, whatever the citizenship, and the
    note says the worker needs their own to travel abroad and come back. A permanent resident of
    the United States needs neither."""
    code = citizenship.strip().upper() if isinstance(citizenship, str) else ""
    if issued_inside_canada:
        return TravelRequirement(TravelDocument.none, False, Message("travel.issued_inside"))
    if us_permanent_resident and code != "US":
        # US permanent residents (green card holders) need neither a visa nor an eTA (no eTA
        # since 2022-04-26; domain.md 3.8a and 9.4).
        green_card = Message("travel.us_permanent_resident")
        return TravelRequirement(TravelDocument.none, False, green_card)
    row = load("travel_documents")["countries"].get(code)
    if row is None:
        return TravelRequirement(TravelDocument.visa, False, Message("travel.unknown_citizenship"))
    if row["document"] == "eta_conditional":
        return TravelRequirement(TravelDocument.visa, True, Message("travel.eta_conditional"))
    note_en = row["note_en"]  # the data's own note, in English only
    note = Message.of("travel.special_rules", note=note_en) if note_en else None
    return TravelRequirement(TravelDocument(row["document"]), False, note)


def travel_document(citizenship: str) -> TravelDocument:
    return travel_requirement(citizenship).document


@functools.cache
def _medical_countries() -> frozenset[str]:
    return frozenset(load("medical_exam_countries")["countries"])


# Jobs where protecting public health matters (medical exam whatever the length of stay):
# all of NOC broad category 3 (health), teachers and assistants in primary/secondary schools,
# child care and in-home care. Agricultural jobs count only for workers from listed countries.
PUBLIC_HEALTH_NOC = frozenset({"41220", "41221", "43100", "42202", "44100", "44101"})
AGRICULTURE_NOC = frozenset({"82030", "84120", "85100", "85101", "85103"})


def medical_exam(
    *, noc_code: str | None, resided_countries: Iterable[str], stay_months: int | None
) -> Decision:
    """Is an immigration medical exam required? (`eligible`/`required` True means yes.)"""
    noc = noc_code.strip() if isinstance(noc_code, str) else ""
    listed = sorted(
        {c.strip().upper() for c in resided_countries if isinstance(c, str)} & _medical_countries()
    )
    if noc.startswith("3") or noc in PUBLIC_HEALTH_NOC:
        return Decision(True, (Message("medical.public_health"),))
    if noc in AGRICULTURE_NOC and listed:
        return Decision(True, (Message("medical.agriculture"),))
    if listed and isinstance(stay_months, int) and stay_months > 6:
        return Decision(True, (Message.of("medical.long_stay", countries=", ".join(listed)),))
    return Decision(False, (Message("medical.not_required"),))


FTA_PROFESSIONAL_CODES = frozenset({"T36", "F22", "F32", "F42", "F12", "F52"})
FTA_SPOUSE_POE_CODES = frozenset({"F36", "T25"})  # Korea, Colombia (Panama has no separate code)


def port_of_entry_allowed(
    *,
    citizenship: str | None,
    currently_in_canada: bool,
    code: str | None = None,
    us_permanent_resident: bool = False,
    truck_driver: bool = False,
    cbsa_appointment: bool = False,
) -> Decision:
    """May the worker apply for the work permit at a port of entry? Since 2024-12-24 most people
    already in Canada may not ("flagpoling"); see domain.md 9.5."""
    cit = citizenship.strip().upper() if isinstance(citizenship, str) else None
    entry = get_code(code)
    us = cit == "US" or us_permanent_resident
    if entry is not None and entry.code == "C43":
        # Post-graduation work permits are not issued at a port of entry since 2024-06-21
        # (domain.md 3.8a), for any citizenship: no flagpoling exception applies.
        return Decision(False, (Message("poe.pgwp"),))
    if entry is not None and entry.code in ("A75", "A73"):
        return Decision(False, (Message.of("poe.code_excluded", code=entry.code),))
    if entry is not None and entry.is_iec and not us:
        return Decision(False, (Message("poe.iec"),))
    if currently_in_canada:
        exceptions = (
            (us, Message("poe.us_exempt")),
            (
                entry is not None and entry.code in FTA_PROFESSIONAL_CODES,
                Message("poe.fta_professional"),
            ),
            (entry is not None and entry.code in FTA_SPOUSE_POE_CODES, Message("poe.fta_spouse")),
            (truck_driver, Message("poe.truck_driver")),
            (cbsa_appointment, Message("poe.cbsa_appointment")),
        )
        for ok, reason in exceptions:
            if ok:
                return Decision(True, (reason,))
        return Decision(False, (Message("poe.flagpoling"),))
    if us or (cit is not None and travel_document(cit) is not TravelDocument.visa):
        return Decision(True, (Message("poe.visa_exempt"),))
    return Decision(False, (Message("poe.visa_required"),))

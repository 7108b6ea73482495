"""Travel document (visa / eTA / none), immigration medical exam, and port-of-entry rules."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from portal.rules._data import load
from portal.rules.codes import get_code
from portal.rules.fees import Decision
from portal.rules.i18n import pick


class TravelDocument(StrEnum):
    visa = "visa"
    eta = "eta"
    none = "none"

    def label(self, lang: str) -> str:
        return pick(*_DOC_LABELS[self], lang)


_DOC_LABELS = {
    TravelDocument.visa: (
        "Temporary resident visa (issued with the work permit approval)",
        "Visa de résident temporaire (délivré avec l'approbation du permis de travail)",
    ),
    TravelDocument.eta: (
        "Electronic travel authorization (eTA, issued with the work permit approval)",
        "Autorisation de voyage électronique (AVE, délivrée avec l'approbation du "
        "permis de travail)",
    ),
    TravelDocument.none: ("No visa and no eTA needed", "Ni visa ni AVE exigé"),
}
_CONDITIONAL_EN = (
    "An eTA is possible only when flying, for a traveller who held a Canadian visitor "
    "visa in the last 10 years or holds a valid US non-immigrant visa; otherwise a "
    "visa is needed, and always by land or sea."
)
_CONDITIONAL_FR = (
    "Une AVE n'est possible que par avion, pour le voyageur qui a détenu un visa de "
    "visiteur canadien au cours des 10 dernières années ou qui détient un visa de "
    "non-immigrant américain valide; sinon, un visa est exigé, et il l'est toujours par "
    "voie terrestre ou maritime."
)
_SPECIAL_FR = "Des règles particulières s'appliquent selon le passeport (voir la note en anglais)."


@dataclass(frozen=True)
class TravelRequirement:
    document: TravelDocument
    conditional_eta: bool
    note_en: str | None
    note_fr: str | None

    def label(self, lang: str) -> str:
        return self.document.label(lang)

    def note(self, lang: str) -> str | None:
        return pick(self.note_en or "", self.note_fr or "", lang) or None


def travel_requirement(citizenship: str) -> TravelRequirement:
    """Document a citizen needs to come to Canada as a worker. The "eTA expansion" countries count
    as visa (the safe answer for a worker) with a note on when an eTA is enough."""
    code = citizenship.strip().upper() if isinstance(citizenship, str) else ""
    row = load("travel_documents")["countries"].get(code)
    if row is None:
        return TravelRequirement(
            TravelDocument.visa,
            False,
            "Unknown citizenship: assume a visa is needed.",
            "Citoyenneté inconnue : présumez qu'un visa est exigé.",
        )
    if row["document"] == "eta_conditional":
        return TravelRequirement(TravelDocument.visa, True, _CONDITIONAL_EN, _CONDITIONAL_FR)
    note_en = row["note_en"]
    return TravelRequirement(
        TravelDocument(row["document"]), False, note_en, _SPECIAL_FR if note_en else None
    )


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
        return Decision(
            True,
            (
                "Required: the job involves protecting public health (health care, "
                "schools or child care), whatever the length of stay.",
            ),
            (
                "Exigé : l'emploi touche la protection de la santé publique (soins de santé, "
                "écoles ou garde d'enfants), peu importe la durée du séjour.",
            ),
        )
    if noc in AGRICULTURE_NOC and listed:
        return Decision(
            True,
            (
                "Required: agricultural work by a worker who lived in a designated "
                "country or territory.",
            ),
            (
                "Exigé : travail agricole par un travailleur ayant vécu dans un pays ou "
                "territoire désigné.",
            ),
        )
    if listed and isinstance(stay_months, int) and stay_months > 6:
        return Decision(
            True,
            (
                "Required: a stay over 6 months after living 6 months or more in the "
                f"past year in a designated country ({', '.join(listed)}).",
            ),
            (
                "Exigé : séjour de plus de 6 mois après avoir vécu au moins 6 mois au cours "
                f"de la dernière année dans un pays désigné ({', '.join(listed)}).",
            ),
        )
    return Decision(
        False,
        ("Not required for this job and travel history.",),
        ("Non exigé pour cet emploi et ces antécédents de voyage.",),
    )


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
    if entry is not None and entry.code in ("A75", "A73"):
        return Decision(
            False,
            (f"{entry.code} applications cannot be made at a port of entry.",),
            (
                f"Les demandes au titre du code {entry.code} ne peuvent pas être présentées "
                "à un point d'entrée.",
            ),
        )
    if entry is not None and entry.is_iec and not us:
        return Decision(
            False,
            (
                "IEC participants apply online before travelling; only US citizens "
                "and permanent residents may apply at the border.",
            ),
            (
                "Les participants d'EIC présentent leur demande en ligne avant le voyage; "
                "seuls les citoyens et résidents permanents des États-Unis peuvent la "
                "présenter à la frontière.",
            ),
        )
    if currently_in_canada:
        exceptions = (
            (
                us,
                "US citizens and permanent residents are exempt from the flagpoling restriction.",
                "Les citoyens et résidents permanents des États-Unis sont exemptés de la "
                "restriction sur le « flagpoling ».",
            ),
            (
                entry is not None and entry.code in FTA_PROFESSIONAL_CODES,
                "Free trade agreement professionals and technicians may still apply at the border.",
                "Les professionnels et techniciens visés par un accord de libre-échange peuvent "
                "encore présenter leur demande à la frontière.",
            ),
            (
                entry is not None and entry.code in FTA_SPOUSE_POE_CODES,
                "Spouses under this free trade agreement may still apply at the border.",
                "Les époux visés par cet accord de libre-échange peuvent encore présenter leur "
                "demande à la frontière.",
            ),
            (
                truck_driver,
                "Certain truck drivers may still apply at the border.",
                "Certains camionneurs peuvent encore présenter leur demande à la frontière.",
            ),
            (
                cbsa_appointment,
                "A pre-booked CBSA appointment is honoured.",
                "Un rendez-vous préalablement fixé avec l'ASFC est honoré.",
            ),
        )
        for ok, en, fr in exceptions:
            if ok:
                return Decision(True, (en,), (fr,))
        return Decision(
            False,
            (
                "Since 2024-12-24, most people already in Canada can no longer apply "
                'at a port of entry ("flagpoling"); apply online instead.',
            ),
            (
                "Depuis le 2024-12-24, la plupart des personnes qui se trouvent déjà au "
                "Canada ne peuvent plus présenter leur demande à un point d'entrée "
                "(« flagpoling »); présentez-la en ligne.",
            ),
        )
    if us or (cit is not None and travel_document(cit) is not TravelDocument.visa):
        return Decision(
            True,
            ("Visa-exempt travellers arriving from abroad may apply on arrival (R198).",),
            (
                "Les voyageurs dispensés de visa qui arrivent de l'étranger peuvent présenter "
                "leur demande à l'arrivée (R198).",
            ),
        )
    return Decision(
        False,
        ("Visa-required nationals must apply before travelling to Canada.",),
        (
            "Les ressortissants de pays dont les citoyens ont besoin d'un visa doivent "
            "présenter leur demande avant de se rendre au Canada.",
        ),
    )

"""What the fee, travel and work permit decisions say (portal.rules.fees, portal.rules.travel):
the compliance fee's reason, the worker's fee lines, two-week processing, the medical exam, the
port of entry and the travel document's note. French: fr/LC_MESSAGES/decisions.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

DECISIONS: dict[str, LazyString] = {
    "fee.open_permit": _l(
        "No compliance fee: this code is an open work permit, so there is no employer offer."
    ),
    "fee.iec": _l(
        "The $230 fee applies: IEC participants are exempt from the work permit fee, but "
        "R303.1(5) excludes them from the employer exemption, so their employers still pay."
    ),
    "fee.worker_exempt": _l(
        "No fee: the worker is exempt from the work permit processing fee (R299(2)), so the "
        "employer is exempt too (R303.1(5)). Upload proof of the exemption with the offer."
    ),
    "fee.group": _l(
        "%(total)s in total for %(people)s performing artists and staff hired together."
    ),
    "fee.group_capped": _l(
        "%(total)s in total for %(people)s performing artists and staff hired together (capped "
        "at $690 for a group of 3 or more)."
    ),
    "fee.standard": _l("The $230 employer compliance fee applies to this offer."),
    "fee_line.iec_participation": _l("IEC participation fee"),
    "fee_line.processing": _l("Work permit processing fee"),
    "fee_line.open_permit_holder": _l("Open work permit holder fee"),
    "fee_line.biometrics": _l("Biometrics"),
    "fee_line.exempt_r299": _l("Exempt under R299(2) for this situation."),
    "fee_line.exempt_r303_2": _l("Exempt for this category (R303.2)."),
    "fee_line.biometrics_us": _l("U.S. nationals do not give biometrics for a work permit."),
    "fee_line.biometrics_on_file": _l("Biometrics already given in the last 10 years."),
    "fee_line.biometrics_age": _l("Only people aged 14 to 79 give biometrics."),
    "gss.eligible": _l(
        "Eligible for 2-week processing: applies from outside Canada; applies online; "
        "employer-specific, LMIA-exempt permit; not an IEC application; job in TEER 0 or 1; "
        "offer submitted and fee paid (or exempt); biometrics within 14 days."
    ),
    "gss.not_from_outside": _l(
        "Not eligible for 2-week processing: only applications from outside Canada qualify."
    ),
    "gss.not_online": _l("Not eligible for 2-week processing: paper applications do not qualify."),
    "gss.not_employer_specific": _l(
        "Not eligible for 2-week processing: only employer-specific permits qualify."
    ),
    "gss.iec": _l(
        "Not eligible for 2-week processing: International Experience Canada applications are "
        "excluded."
    ),
    "gss.not_teer_0_1": _l("Not eligible for 2-week processing: the job must be TEER 0 or 1."),
    "gss.offer_not_settled": _l(
        "Not eligible for 2-week processing: the employer must submit the offer and pay the "
        "compliance fee (or record an exemption) first."
    ),
    "gss.biometrics_late": _l(
        "Not eligible for 2-week processing: biometrics must be given within 14 days of applying."
    ),
    "gss.medical_not_upfront": _l(
        "Not eligible for 2-week processing: the medical exam is required and must be done "
        "upfront, with a panel physician, before applying."
    ),
    "medical.public_health": _l(
        "Required: the job involves protecting public health (health care, schools or child "
        "care), whatever the length of stay."
    ),
    "medical.agriculture": _l(
        "Required: agricultural work by a worker who lived in a designated country or territory."
    ),
    "medical.long_stay": _l(
        "Required: a stay over 6 months after living 6 months or more in the past year in a "
        "designated country (%(countries)s)."
    ),
    "medical.not_required": _l("Not required for this job and travel history."),
    "poe.pgwp": _l(
        "Post-graduation work permits are not issued at a port of entry (since 2024-06-21), "
        "whatever the citizenship: apply online."
    ),
    "poe.code_excluded": _l("%(code)s applications cannot be made at a port of entry."),
    "poe.iec": _l(
        "IEC participants apply online before travelling; only US citizens and permanent "
        "residents may apply at the border."
    ),
    "poe.us_exempt": _l(
        "US citizens and permanent residents are exempt from the flagpoling restriction."
    ),
    "poe.fta_professional": _l(
        "Free trade agreement professionals and technicians may still apply at the border."
    ),
    "poe.fta_spouse": _l("Spouses under this free trade agreement may still apply at the border."),
    "poe.truck_driver": _l("Certain truck drivers may still apply at the border."),
    "poe.cbsa_appointment": _l("A pre-booked CBSA appointment is honoured."),
    "poe.flagpoling": _l(
        "Since 2024-12-24, most people already in Canada can no longer apply at a port of entry "
        '("flagpoling"); apply online instead.'
    ),
    "poe.visa_exempt": _l(
        "Visa-exempt travellers arriving from abroad may apply on arrival (R198)."
    ),
    "poe.visa_required": _l("Visa-required nationals must apply before travelling to Canada."),
    "travel.issued_inside": _l(
        "None is issued: a work permit issued inside Canada comes with no visa or eTA. To travel "
        "abroad and come back, get the visa or eTA your citizenship needs before you leave."
    ),
    "travel.us_permanent_resident": _l(
        "None: as a permanent resident of the United States you need neither a visa nor an "
        "eTA. Travel with your passport and your green card."
    ),
    "travel.unknown_citizenship": _l("Unknown citizenship: assume a visa is needed."),
    "travel.eta_conditional": _l(
        "An eTA is possible only when flying, for a traveller who held a Canadian visitor visa "
        "in the last 10 years or holds a valid US non-immigrant visa; otherwise a visa is "
        "needed, and always by land or sea."
    ),
}

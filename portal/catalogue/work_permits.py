"""What the work permit services say when they refuse (portal.services.work_permits): the
worker's application, its result, the decision queue and offer verification.
French: fr/LC_MESSAGES/worker.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

WORK_PERMITS: dict[str, LazyString] = {
    "application.mismatch": _l(
        "This application does not match an offer of employment. The offer number, your passport "
        "number and your citizenship must be exactly as the employer entered them, character for "
        "character (capital letters, spaces, hyphens and accents all count). Check your passport "
        "and the number your employer sent you. If the employer made a mistake, they must "
        "withdraw the offer and submit a corrected one with a new number."
    ),
    "application.permit_type_missing": _l("Choose the type of work permit."),
    "application.applies_from_missing": _l("Choose where you apply from."),
    "application.biometrics_missing": _l("Choose an answer about biometrics."),
    "application.offer_number_format": _l(
        "Enter the offer number: the letter A followed by 7 digits, for example A1234567."
    ),
    "application.open_code_missing": _l("Choose the open work permit category."),
    "application.birth_date_future": _l("The date of birth must be in the past."),
    "application.passport_expired": _l("This passport has expired. Renew it before applying."),
    "application.offer_withdrawn": _l(
        "The employer withdrew this offer, so it cannot be used. Ask the employer for a new offer"
        " number."
    ),
    "application.offer_used": _l(
        "This offer number was already used in a work permit application. An offer can be used "
        "only once: a new application (or an extension) needs a new offer from the employer."
    ),
    "application.employer_banned": _l(
        "This employer is on the list of employers who are not eligible to hire foreign workers, "
        "so this offer cannot be used."
    ),
    "application.port_of_entry_refused": _l("You cannot apply at a port of entry: %(reasons)s"),
    "application.result_not_found": _l(
        "No application matches this application number and date of birth. Check both and try "
        "again."
    ),
    "application.not_found": _l("Application not found."),
    "application.offer_used_concurrently": _l(
        "This offer number was already used in a work permit application."
    ),
    "decision.admin_only": _l("Only an administrator can decide work permit applications."),
    "decision.reason_missing": _l("Enter the reason for the refusal."),
    "decision.already_decided": _l("This application was already decided."),
    "verification.too_many_attempts": _l("Too many attempts for this offer number."),
}

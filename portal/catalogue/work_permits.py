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
    "application.not_matched": _l(
        "Submitted, not matched: this application is recorded but does not match an offer of "
        "employment, so an officer cannot approve it as it is."
    ),
    "application.not_matched.offer_number": _l(
        "No offer of employment waiting for an application has this number. Check the number "
        "your employer sent you (the letter A and 7 digits)."
    ),
    "application.not_matched.passport_number": _l(
        "This passport number is not the one on the offer. Check it is exactly as on your "
        "passport (capital letters, spaces and hyphens count), and ask your employer to check "
        "the passport number they entered."
    ),
    "application.not_matched.citizenship": _l(
        "This citizenship is not the one on the offer. Check it is the citizenship of the "
        "passport you travel with, and ask your employer to check the citizenship they entered."
    ),
    "decision.not_matched": _l(
        "This application is not matched to an offer of employment, so it cannot be approved. "
        "Refuse it with the reason."
    ),
    "application.other_employer_missing": _l(
        "Enter the name of your employer: the \"Other\" type is only for employers exempt from "
        "the compliance regime."
    ),
    "application.other_employer_not_exempt": _l(
        "This employer is not exempt from the employer compliance regime, so it must submit an "
        "offer of employment and give you its offer number: apply as \"Employer-specific\" with "
        "that number. An application under \"Other\" for an employer that is not exempt is "
        "refused (R200(3)(f.1))."
    ),
    "application.permit_type_missing": _l("Choose the type of work permit."),
    "application.applies_from_missing": _l("Choose where you apply from."),
    "application.biometrics_missing": _l("Choose an answer about biometrics."),
    "application.offer_number_format": _l(
        "Enter the offer number: the letter A followed by 7 digits, for example A1234567."
    ),
    "application.open_code_missing": _l("Choose the open work permit category."),
    "application.birth_date_future": _l("The date of birth must be in the past."),
    "application.birth_date_implausible": _l(
        "With this date of birth you would be %(age)s years old; an applicant for a work permit "
        "is %(low)s to %(high)s. Check the year."
    ),
    "application.passport_expiry_before_birth": _l(
        "Your passport's expiry date must be after your date of birth. Check both dates on your "
        "passport."
    ),
    "application.passport_expiry_before_issue": _l(
        "Your passport's expiry date must be after its issue date. Check both dates on your "
        "passport."
    ),
    "application.passport_issued_before_birth": _l(
        "Your passport's issue date cannot be before your date of birth. Check both dates on "
        "your passport."
    ),
    "application.passport_expired": _l("This passport has expired. Renew it before applying."),
    "application.offer_withdrawn": _l(
        "The employer withdrew this offer, so it cannot be used. Ask the employer for a new offer"
        " number."
    ),
    "application.offer_used": _l(
        "This offer number was already used in a work permit application. An offer can be used "
        "only once: a new application (or an extension) needs a new offer from the employer."
    ),
    "auto_decision.not_genuine": _l(
        "Refused: the officer is not satisfied that the offer of employment is genuine (R200(5)). "
        "Automatic decision of the simulator: test value, a passport number ending in 0001."
    ),
    "auto_decision.medical": _l(
        "Refused: the applicant is inadmissible on health grounds (IRPA A38(1)). Automatic "
        "decision of the simulator: test value, a passport number ending in 0002."
    ),
    "auto_decision.not_matched": _l(
        "Refused: the application does not match the offer of employment the employer "
        "submitted. Automatic decision of the simulator."
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
    "FAMILY-CHILDREN": _l(
        "Since 21 January 2025, dependent children of workers (%(code)s) no longer qualify for a "
        "family open work permit. They may still study or visit. Permits already issued stay "
        "valid."
    ),
    "FAMILY-C47": _l(
        "Since 21 January 2025, spouses of workers in TEER 4 or 5 jobs no longer qualify for an "
        "open work permit. A worker's spouse qualifies (C41) only when the worker is in a TEER 0 "
        "or 1 job, or in a TEER 2 or 3 job on IRCC's list, and the worker's permit has at least "
        "16 months left."
    ),
    "FAMILY-PRINCIPAL-NOC-MISSING": _l(
        "Enter the NOC 2021 code of the job your spouse or partner holds in Canada: since 21 "
        "January 2025 it decides whether you qualify."
    ),
    "FAMILY-PRINCIPAL-NOC-UNKNOWN": _l(
        "This is not a NOC 2021 code. Enter the 5 digits of your spouse's or partner's job, for "
        "example 21231."
    ),
    "FAMILY-C41-TEER": _l(
        "Your spouse's or partner's job is in TEER %(teer)s. Since 21 January 2025 a worker's "
        "spouse qualifies only when the worker is in a TEER 0 or 1 job, or in a TEER 2 or 3 job "
        "on IRCC's list of eligible occupations."
    ),
    "FAMILY-C41-NOT-LISTED": _l(
        "Your spouse's or partner's job is in TEER %(teer)s but is not on IRCC's list of "
        "eligible TEER 2 and 3 occupations (natural and applied sciences, construction, health, "
        "natural resources, education, sports, military), so you do not qualify for a spouse's "
        "open work permit."
    ),
    "FAMILY-PRINCIPAL-EXPIRY-MISSING": _l(
        "Enter the date your spouse's or partner's work permit ends: it must have at least 16 "
        "months left when you apply."
    ),
    "FAMILY-C41-MONTHS-LEFT": _l(
        "Your spouse's or partner's work permit ends on %(expiry)s. Since 21 January 2025 it "
        "must have at least %(months)s months left when you apply, that is, end on %(needed)s or "
        "later. Apply once their permit is extended."
    ),
    "FAMILY-STUDENT-PROGRAM-MISSING": _l(
        "Choose the program your spouse or partner is studying in: since 21 January 2025 it "
        "decides whether you qualify."
    ),
    "FAMILY-C42-PROGRAM": _l(
        "Since 21 January 2025 a student's spouse qualifies only when the student is in a "
        "master's program of 16 months or more, a doctoral program, or a listed professional "
        "program (for example medicine, dentistry, law, nursing, education or engineering)."
    ),
    "decision.admin_only": _l("Only an administrator can decide work permit applications."),
    "decision.reason_missing": _l("Enter the reason for the refusal."),
    "decision.already_decided": _l("This application was already decided."),
    "verification.too_many_attempts": _l("Too many attempts for this offer number."),
}

"""What the review of a draft says beyond the rules' findings (portal.services.offers.review):
the fields still empty, the attestations, an expired passport, a ban. French: offers.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

REVIEW: dict[str, LazyString] = {
    "review.missing.code_key": _l("Choose the LMIA exemption code."),
    "review.missing.explanation": _l(
        "Explain how the job meets the requirements of the exemption."
    ),
    "review.missing.worker_family_name": _l("Enter the worker's family name as on the passport."),
    "review.missing.worker_sex": _l("Choose the worker's sex as on the passport."),
    "review.missing.worker_date_of_birth": _l("Enter the worker's date of birth."),
    "review.missing.worker_country_of_birth": _l("Choose the worker's country of birth."),
    "review.missing.worker_citizenship": _l("Choose the worker's country of citizenship."),
    "review.missing.worker_residence_country": _l("Choose the worker's country of residence."),
    "review.missing.worker_passport_number": _l("Enter the worker's passport number."),
    "review.missing.worker_passport_expiry": _l("Enter the expiry date of the worker's passport."),
    "review.missing.job_title": _l("Enter the job title."),
    "review.missing.noc_code": _l("Enter the NOC 2021 code of the job."),
    "review.missing.duties": _l("Describe the main duties of the job."),
    "review.missing.start_date": _l("Enter the start date of the job."),
    "review.missing.end_date": _l("Enter the end date of the job."),
    "review.missing.wage_cents": _l("Enter the wage."),
    "review.missing.wage_unit": _l("Choose how the wage is paid (per hour, week, month or year)."),
    "review.missing.hours_per_week": _l("Enter the hours of work per week."),
    "review.missing.location": _l("Enter the address, city and province of the work location."),
    "review.missing.employees_in_canada": _l(
        "Give the number of employees in Canada in the business profile."),
    "review.missing.gross_annual_revenue_cents": _l(
        "Give the business's gross annual revenue in the business profile."),
    "review.missing.business_started_on": _l(
        "Give the date the business started in the business profile."),
    "review.missing.principal_activity": _l(
        "Give the principal business activity in the business profile."),
    "review.missing.contact_job_title": _l(
        "Give the primary contact's job title in the business profile."),
    "review.missing.contact_phone": _l(
        "Give the primary contact's phone number in the business profile."),
    "review.missing.attestations": _l("Tick every attestation and certification."),
    "review.passport_expired": _l(
        "The passport has expired: the worker needs a valid passport to get a work permit. Enter"
        " the new passport's details."
    ),
    "review.employer_banned": _l(
        "Your business is on the list of ineligible employers, so it cannot submit offers."
    ),
}

"""What the exemption-code pages and the offer's code section say: a code's description, the
questions an employer answers and their answers, and the reasons "Which exemption code fits?"
gives. The codes' names stay bilingual reference data (data/codes.json). French: codes.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

CODES: dict[str, LazyString] = {
    "code.description.employer_specific": _l(
        "%(name)s. LMIA exemption under %(regulation)s. The employer submits an offer of "
        "employment in the Employer Portal and the worker quotes its offer number."
    ),
    "code.description.open": _l(
        "%(name)s. Open work permit under %(regulation)s: the worker applies to IRCC without an "
        "offer of employment."
    ),
    "answer.yes": _l("Yes"),
    "answer.no": _l("No"),
    "answer.not_listed": _l("None of these professions"),
    "answer.professional": _l("Professional"),
    "answer.technician": _l("Technician"),
    "question.cusma_profession": _l("Which CUSMA Appendix 2 profession is this job?"),
    "question.cusma_profession.hint": _l(
        "The list is closed: if the job is not one of these professions, T36 does not apply."
    ),
    "question.professional_or_technician": _l(
        "Is the worker coming as a professional or as a technician?"
    ),
    "question.professional_or_technician.hint": _l(
        "Professionals: TEER 0 or 1 jobs. Technicians: TEER 2 or 3 jobs."
    ),
    "question.months_with_foreign_employer": _l(
        "Months of continuous full-time work with the foreign enterprise in the last 3 years"
    ),
    "question.months_with_foreign_employer.hint": _l(
        "At least 12 months, in a similar position, within the 36 months before the application."
    ),
    "question.months_already_in_canada_as_ict": _l(
        "Months the worker has already spent in Canada as an intra-company transferee"
    ),
    "question.months_already_in_canada_as_ict.hint": _l(
        "Enter 0 for a first permit. Time under free trade and R205(a) transfer codes counts "
        "together."
    ),
    "question.iec_invitation_date": _l("Date the worker received the IEC Invitation to Apply"),
    "question.iec_invitation_date.hint": _l("The age limits are checked on this date."),
    "question.iec_post_secondary_credential": _l(
        "Does the worker hold a post-secondary credential?"
    ),
    "question.iec_post_secondary_credential.hint": _l("Needed only when the job is TEER 4."),
    "question.french_nclc5": _l("Does the worker speak and understand French at NCLC 5 or higher?"),
    "question.french_nclc5.hint": _l("Proof: TEF or TCF results, or studies completed in French."),
    "question.nominating_province": _l("Which province or territory nominated the worker?"),
    "question.nominating_province.hint": _l("Quebec does not nominate under T13."),
    "question.worker_unpaid": _l(
        "Is the worker unpaid (a stipend below minimum wage, or room and board only)?"
    ),
    "question.worker_unpaid.hint": _l(
        "An unpaid worker is exempt from the work permit fee, so the employer does not pay the "
        "$230 fee but must upload proof."
    ),
    "question.worker_fee_exempt": _l(
        "Is the worker exempt from the work permit processing fee under R299(2)?"
    ),
    "question.worker_fee_exempt.hint": _l(
        "For example a Fulbright participant, a cultural-agreement exchange or a family member "
        "of accredited mission staff."
    ),
    "question.fee_exemption_basis": _l("Basis of the fee exemption"),
    "question.fee_exemption_basis.hint": _l(
        "Name the agreement or program; you will upload proof."
    ),
    "question.performing_artists_in_group": _l(
        "Number of performing artists and staff you are hiring together"
    ),
    "question.performing_artists_in_group.hint": _l(
        "For a group of 3 or more, the compliance fee is capped at $690 in total."
    ),
    "question.years_experience": _l("Years of professional experience in the sector"),
    "question.ownership_percent": _l("Percentage of the Canadian business the worker owns"),
    "question.ownership_percent.hint": _l("The owner must control at least 51%%."),
    "question.aip_designated_employer": _l(
        "Is your business designated under the Atlantic Immigration Program?"
    ),
    "question.csq_holder": _l(
        "Does the worker hold a valid Quebec Selection Certificate (CSQ) and live in Quebec?"
    ),
}

FINDER: dict[str, LazyString] = {
    "finder.iec": _l(
        "International Experience Canada: %(category)s is open to citizens of this country aged "
        "%(low)s to %(high)s, for up to %(months)s months."
    ),
    "finder.employer_exempt": _l(
        "Your organization is exempt from the employer compliance regime: do not submit an offer"
        ' and do not pay the $230 fee. The worker chooses "Other" (no offer number) in the work '
        "permit application and sends your contract and proof of the exemption."
    ),
    "finder.pgwp": _l(
        "Post-graduation work permit: an open permit for graduates of an eligible Canadian "
        "program. No employer offer needed."
    ),
    "finder.c41": _l(
        "Spouse or common-law partner of a worker: since 21 January 2025 only when the worker is "
        "in a TEER 0 or 1 job, or a TEER 2 or 3 job on IRCC's list of eligible occupations, and "
        "the worker's permit has at least 16 months left when the spouse applies. Dependent "
        "children of workers no longer qualify."
    ),
    "finder.c42": _l(
        "Spouse or common-law partner of a student: since 21 January 2025 only when the student "
        "is in a master's program of 16 months or more, a doctoral program or a listed "
        "professional program."
    ),
    "finder.fta_spouse": _l(
        "%(name)s: the spouse of a worker under this free trade agreement; not narrowed by the "
        "2025 family rules."
    ),
    "finder.open_permit": _l(
        "No employer offer needed: the worker holds or qualifies for an open work permit (such "
        "as a PGWP or a spouse's permit) and can work for you without an offer number or "
        "compliance fee."
    ),
    "finder.iec_working_holiday": _l(
        "IEC Working Holiday is an open permit: the worker can work for you without an offer "
        "from you."
    ),
    "finder.lmia_needed": _l(
        "No LMIA exemption seems to fit these answers. You probably need a Labour Market Impact "
        "Assessment from ESDC (Temporary Foreign Worker Program) before the worker can apply."
    ),
    "finder.c16": _l(
        "Francophone mobility: a French-speaking worker (NCLC 5 or higher) with a job outside "
        "Quebec, in any TEER except primary agriculture in TEER 4 or 5."
    ),
    "finder.t13": _l(
        "Provincial nominee: the offer must come from an employer in the nominating province."
    ),
    "finder.ict": _l(
        "Intra-company transfer: at least 12 months with the foreign enterprise in the last 3 "
        "years, transferring to a related Canadian business (%(name)s)."
    ),
    "finder.citizenship": _l("%(name)s: open to this worker's citizenship."),
    "finder.citizenship_and_teer": _l(
        "%(name)s: open to this worker's citizenship and to the job's TEER."
    ),
    "finder.kind_of_work": _l("%(name)s: matches the kind of work described."),
}

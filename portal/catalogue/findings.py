"""What the offer findings say (portal.rules.eligibility): one English msgid per finding code, or
per kind of code ("ELIG-*-TEER") when several codes share a wording. The code stays the stable
identifier; only the words live here. French: portal/translations/fr/LC_MESSAGES/findings.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

FINDINGS: dict[str, LazyString] = {
    "RULES-INTERNAL-ERROR": _l(
        "We could not check this offer. Review every section, then try again."
    ),
    "EMPLOYER-BANNED": _l(
        "Your business is on the list of ineligible employers, so it cannot submit offers of "
        "employment. Contact IRCC about the ban before hiring foreign workers."
    ),
    "EMPLOYER-COMPLIANCE-EXEMPT": _l(
        "Your organization is exempt from the employer compliance regime, so it does not submit "
        "offers or pay the $230 fee. Give the worker your job offer or contract: in the work "
        "permit application they choose \"Other\" (\"I have a job offer that doesn't need an offer "
        'of employment number") and enter no offer number.'
    ),
    "CODE-MISSING": _l("Choose the LMIA exemption code that fits this job."),
    "CODE-UNKNOWN": _l('"%(code)s" is not an LMIA exemption code. Choose a code from the list.'),
    "CODE-OPEN-PERMIT": _l(
        "%(code)s is an open work permit: the worker applies to IRCC directly, with no employer "
        "offer, no offer number and no employer compliance fee. Choose an employer-specific "
        "code, or do not submit an offer for this worker."
    ),
    "CODE-OPEN-PERMIT-IEC": _l(
        "%(code)s is an open work permit: the worker applies to IRCC directly, with no employer "
        "offer, no offer number and no employer compliance fee. Choose an employer-specific "
        "code, or do not submit an offer for this worker. For IEC, only Young Professionals and "
        "International Co-op (Internship) need an offer from you."
    ),
    "WORKER-CITIZENSHIP-INVALID": _l(
        "Choose the worker's country of citizenship from the list, as shown on their passport."
    ),
    "WORKER-CANADIAN": _l(
        "Canadian citizens do not need a work permit or an offer of employment. Check the "
        "worker's citizenship."
    ),
    "WORKER-BIRTH-DATE-INVALID": _l("Enter the worker's date of birth as year-month-day."),
    "WORKER-BIRTH-DATE-FUTURE": _l(
        "The worker's date of birth must be in the past. Check the year."
    ),
    "WORKER-AGE-IMPLAUSIBLE": _l(
        "With this date of birth the worker is %(age)s years old; a worker is %(low)s to "
        "%(high)s. Check the year."
    ),
    "PASSPORT-EXPIRY-BEFORE-BIRTH": _l(
        "The passport's expiry date must be after the worker's date of birth. Check both dates "
        "on the passport."
    ),
    "PASSPORT-EXPIRY-BEFORE-ISSUE": _l(
        "The passport's expiry date must be after its issue date. Check both dates on the "
        "passport."
    ),
    "PASSPORT-ISSUED-BEFORE-BIRTH": _l(
        "The passport's issue date cannot be before the worker's date of birth. Check both "
        "dates on the passport."
    ),
    "JOB-NOC-UNKNOWN": _l(
        "Enter a 5-digit NOC 2021 code from the list (for example 21232 for software developers)."
    ),
    "JOB-PROVINCE-INVALID": _l("Choose a Canadian province or territory from the list."),
    "EMPLOYER-PROVINCE-INVALID": _l("Choose a Canadian province or territory from the list."),
    "JOB-DATE-INVALID": _l("Enter the date as year-month-day (for example 2027-03-01)."),
    "JOB-DATES-ORDER": _l(
        "The end date of employment must be after the start date. Correct one of the two dates."
    ),
    "JOB-START-PAST": _l(
        "The start date is in the past. Enter the date the worker will actually start, once they"
        " hold a work permit."
    ),
    "WAGE-INVALID": _l("Enter the wage as a positive amount in Canadian dollars."),
    "WAGE-ZERO": _l(
        "Enter the wage offered. Only religious or charitable work (C50, C51) may be unpaid."
    ),
    "WAGE-UNPAID-BUT-PAID": _l(
        "You answered that the worker is unpaid (a stipend below minimum wage, or room and board "
        "only), but this wage comes to %(wage)s an hour, above the minimum wage everywhere in "
        "Canada. Correct the wage, or answer that the worker is paid: the $230 fee then applies."
    ),
    "WAGE-UNIT-INVALID": _l("Choose how the wage is paid: per hour, week, month or year."),
    "WAGE-HOURS-INVALID": _l(
        "Enter the number of hours of work per week (more than 0 and at most 168)."
    ),
    "ANSWER-MISSING": _l('Answer the question "%(question)s": code %(code)s needs it.'),
    "ANSWER-INVALID": _l('The answer to "%(question)s" is not valid. %(hint)s'),
    "ANSWER-HINT-YES-NO": _l("Choose Yes or No."),
    "ANSWER-HINT-CHOICE": _l("Choose one of the options."),
    "ANSWER-HINT-NUMBER": _l("Enter a number (0 or more)."),
    "ANSWER-HINT-DATE": _l("Enter a date as year-month-day."),
    "countries.agreement_partners": _l("the partner countries of the agreement"),
    "ELIG-*-CITIZENSHIP": _l(
        "Code %(code)s (%(name)s) is only for citizens of %(allowed)s. The worker is a citizen "
        "of %(country)s. Check the citizenship entered or choose a code open to this worker."
    ),
    "ELIG-*-CITIZENSHIP-PR": _l(
        "Code %(code)s (%(name)s) is only for citizens of %(allowed)s. Permanent residents of "
        "%(residents)s also qualify. The worker is a citizen of %(country)s. Check the "
        "citizenship entered or choose a code open to this worker."
    ),
    "levels.either": _l("%(first)s or %(second)s"),
    "levels.range": _l("%(low)s to %(high)s"),
    "ELIG-*-TEER": _l(
        "NOC %(noc)s is TEER %(teer)s, but code %(code)s needs a job in TEER %(levels)s. Choose "
        "the NOC code that matches the duties, or another exemption code."
    ),
    "ELIG-*-TEER-PROFESSIONALS": _l(
        "NOC %(noc)s is TEER %(teer)s, but code %(code)s needs a job in TEER %(levels)s for "
        "professionals. Choose the NOC code that matches the duties, or another exemption code."
    ),
    "ELIG-*-TEER-TECHNICIANS": _l(
        "NOC %(noc)s is TEER %(teer)s, but code %(code)s needs a job in TEER %(levels)s for "
        "technicians. Choose the NOC code that matches the duties, or another exemption code."
    ),
    "ELIG-C21-YP-TEER": _l(
        "NOC %(noc)s is TEER 4. IEC Young Professionals accepts a TEER 4 job only when the "
        "worker holds a post-secondary credential. Answer the credential question, or choose a "
        "TEER 0 to 3 job."
    ),
    "ELIG-C16-PRIMARY-AGRICULTURE": _l(
        "NOC %(noc)s is a TEER %(teer)s job in primary agriculture, which Francophone mobility "
        "(C16) excludes. Choose another exemption code, or apply for an LMIA."
    ),
    "ELIG-C63-TEER-REVIEW": _l(
        "Specialized knowledge transfers in TEER %(teer)s jobs get closer review. Explain the "
        "proprietary knowledge and advanced expertise in your explanation."
    ),
    "ELIG-C16-PROVINCE-EXCLUDED": _l(
        "Code %(code)s cannot be used for work in %(province)s. Francophone mobility is for jobs"
        " outside Quebec. Check the work location or choose another code."
    ),
    "ELIG-*-PROVINCE-EXCLUDED": _l(
        "Code %(code)s cannot be used for work in %(province)s. Quebec does not nominate workers"
        " under this code. Check the work location or choose another code."
    ),
    "ELIG-*-PROVINCE-ONLY": _l(
        "Code %(code)s needs an employer and a job in: %(provinces)s. This offer says "
        "%(province)s. Correct the location or choose another code."
    ),
    "ELIG-*-PROVINCE-ONLY-JOB": _l(
        "Code %(code)s needs a job in: %(provinces)s. This job is in %(province)s. Correct the "
        "work location or choose another code."
    ),
    "ELIG-*-PROVINCE-ONLY-EMPLOYER": _l(
        "Code %(code)s needs an employer in: %(provinces)s. Your business is in %(province)s "
        "(business profile), so choose another code."
    ),
    "ELIG-T13-NOMINATING-PROVINCE": _l(
        "Under T13 the employer must be in the province that nominated the worker "
        "(%(nominating)s), but your business is in %(employer)s. Only an employer in the "
        "nominating province can make this offer."
    ),
    "ELIG-T33-DURATION": _l(
        "GATS professionals (T33) may work at most %(limit)s days; this offer lasts %(days)s "
        "days. Shorten the employment or choose another code."
    ),
    "ELIG-*-DURATION": _l(
        "Code %(code)s allows at most %(limit)s months for this permit; this offer lasts "
        "%(months)s months. Move the end date to %(latest)s or earlier."
    ),
    "ELIG-ICT-TOTAL-STAY": _l(
        "Intra-company transferees under %(code)s may stay %(years)s years (%(limit)s months) in"
        " total; with this offer the worker would reach %(total)s months. Shorten the offer so "
        "the total stays within the limit."
    ),
    "ELIG-ICT-FOREIGN-EMPLOYMENT": _l(
        "An intra-company transferee needs at least %(needed)s months of continuous full-time "
        "work with the foreign enterprise in the last %(window)s months; the answer says "
        "%(answer)s. Wait until the worker has enough time with the enterprise, or choose "
        "another code."
    ),
    "ELIG-IEC-INVITATION-FUTURE": _l(
        "The Invitation to Apply date cannot be in the future. Enter the date the worker "
        "received the invitation."
    ),
    "ELIG-IEC-AGE": _l(
        "IEC participants from %(country)s must be %(low)s to %(high)s years old on the day they"
        " receive the Invitation to Apply; this worker was %(age)s. Check the date of birth and "
        "the invitation date."
    ),
    "ELIG-C16-FRENCH": _l(
        "Francophone mobility (C16) needs French speaking and listening at NCLC 5 or higher. "
        "Choose another code if the worker does not meet it."
    ),
    "ELIG-C18-DESIGNATION": _l(
        "Only employers designated under the Atlantic Immigration Program can use C18. Get "
        "designated by the province first, or choose another code."
    ),
    "ELIG-A73-CSQ": _l(
        "A73 is only for holders of a valid Quebec Selection Certificate living in Quebec. "
        "Choose another code."
    ),
    "ELIG-CUSMA-PROFESSION": _l(
        "CUSMA professionals (T36) must work in one of the 63 professions of CUSMA Appendix 2; "
        "the list is closed. Choose another code (for example an intra-company transfer code), "
        "or apply for an LMIA."
    ),
    "ELIG-EXPERIENCE": _l(
        "Code %(code)s needs at least %(minimum)s years of experience in the sector; the answer "
        "says %(answer)s. Choose another code if this is right."
    ),
    "ELIG-C11-OWNERSHIP": _l(
        "Code %(code)s needs the worker to own at least %(minimum)s%% of the business; the "
        "answer says %(answer)s%%. Choose another code if this is right."
    ),
}

"""Dates that must make sense on their own and together (issue 13 item 14): a person's date of
birth, their passport's issue and expiry dates, and a job's start and end dates.

The one implementation of these rules. Every place a worker or a job is entered uses it: the
offer's review (portal.rules.eligibility), the offer's section saves and a spreadsheet batch's
rows (portal.services.offers.date_checks, through drafts.check_section), the API (the same
services) and the worker's work permit step (portal.services.work_permits.details).

Each finding names a neutral field ("date_of_birth", "passport_issue_date", "passport_expiry",
"start_date", "end_date"); the caller maps it to its own form field. Only the dates given are
checked (a draft is partial).
"""

from __future__ import annotations

import datetime as dt

from portal.rules._facts import age_on, block
from portal.rules.findings import Finding

# A worker's age on the day the dates are checked: plausible for working age.
WORKING_AGE = (14, 100)


def person_findings(
    *,
    date_of_birth: dt.date | None,
    passport_expiry: dt.date | None,
    today: dt.date,
    passport_issue_date: dt.date | None = None,
) -> list[Finding]:
    """A date of birth in the past and of working age; a passport issued after the birth and
    expiring after both its issue and the birth. One finding per field at most."""
    found: list[Finding] = []
    born = date_of_birth
    if born is not None and born >= today:
        found.append(block("WORKER-BIRTH-DATE-FUTURE", "date_of_birth", "worker"))
    elif born is not None and not WORKING_AGE[0] <= age_on(born, today) <= WORKING_AGE[1]:
        found.append(block("WORKER-AGE-IMPLAUSIBLE", "date_of_birth", "worker",
                           age=age_on(born, today), low=WORKING_AGE[0], high=WORKING_AGE[1]))
    issued = passport_issue_date
    if born is not None and issued is not None and issued < born:
        found.append(block("PASSPORT-ISSUED-BEFORE-BIRTH", "passport_issue_date", "worker"))
    if passport_expiry is not None:
        if issued is not None and passport_expiry <= issued:
            found.append(block("PASSPORT-EXPIRY-BEFORE-ISSUE", "passport_expiry", "worker"))
        elif born is not None and passport_expiry <= born:
            found.append(block("PASSPORT-EXPIRY-BEFORE-BIRTH", "passport_expiry", "worker"))
    return found


def job_findings(*, start_date: dt.date | None, end_date: dt.date | None) -> list[Finding]:
    """A job ends after it starts (on the end date's field)."""
    if start_date is not None and end_date is not None and end_date <= start_date:
        return [block("JOB-DATES-ORDER", "end_date", "job")]
    return []

"""An offer's dates checked as they are saved (issue 13 item 14), with the one rule of
portal.rules.dates: the worker's date of birth in the past and of working age, the passport
expiring after the birth, the job ending after it starts.

A section save (the page and the API) and a spreadsheet row (drafts.check_section) are refused
with every finding, each on the offer column it concerns (InvalidFields), so the page shows it
next to the field, the API answers problem+json naming the field and a batch row names the
column. A save that sends only some of the dates is checked against the draft's other ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from portal import clock
from portal.rules import dates
from portal.rules.messages import Message
from portal.services.errors import InvalidFields

# The rule's neutral field names, as offer columns.
_COLUMN = {
    "date_of_birth": "worker_date_of_birth",
    "passport_expiry": "worker_passport_expiry",
    "start_date": "start_date",
    "end_date": "end_date",
}
DATE_COLUMNS = frozenset(_COLUMN.values())
# Findings about the date of birth alone: reported only when the date of birth is sent (a save of
# other fields is not refused for a date saved before this rule).
_BIRTH_ALONE = frozenset({"WORKER-BIRTH-DATE-FUTURE", "WORKER-AGE-IMPLAUSIBLE"})


def check_offer_dates(values: Mapping[str, Any], stored: object | None = None) -> None:
    """Raise InvalidFields when the dates in `values` (completed by `stored`'s, an Offer, for
    those not sent) break a rule; nothing when `values` holds none of the dates."""
    if not DATE_COLUMNS & set(values):
        return

    def date_of(column: str) -> dt.date | None:
        value = values[column] if column in values else getattr(stored, column, None)
        return value if isinstance(value, dt.date) else None

    found = dates.person_findings(
        date_of_birth=date_of("worker_date_of_birth"),
        passport_expiry=date_of("worker_passport_expiry"),
        today=clock.today(),
    ) + dates.job_findings(start_date=date_of("start_date"), end_date=date_of("end_date"))
    errors: list[tuple[str | None, Message]] = [
        (_COLUMN[finding.field or ""], finding.message) for finding in found
        if finding.code not in _BIRTH_ALONE or "worker_date_of_birth" in values
    ]
    if errors:
        raise InvalidFields(errors, code="offer_dates")

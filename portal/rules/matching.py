"""The two identity matches between what an employer entered on an offer and what a worker types.

Both compare exactly: raw string (and date) equality, nothing trimmed, folded or normalised,
because IRCC's system does not normalise either side (domain.md 9.2): a capital letter, a
space, a hyphen or an accent that differs is a mismatch.

- The work permit step (IRCC's rule): the offer number AND the passport number AND the
  citizenship. The number has already found the offer; `matches_work_permit` compares the rest.
- The simulator's offer check (a learning aid; the real portal has no lookup, domain.md 9.1):
  the number AND the passport number AND the date of birth (`matches_verification`).

Pure functions over plain values: no Flask, no database.
"""

from __future__ import annotations

from datetime import date


def matches_work_permit(
    *,
    offer_passport_number: str | None,
    offer_citizenship: str | None,
    passport_number: str | None,
    citizenship: str | None,
) -> bool:
    """True when the passport number and citizenship typed are exactly those of the offer."""
    return offer_passport_number == passport_number and offer_citizenship == citizenship


def work_permit_mismatch(
    *,
    offer_passport_number: str | None,
    offer_citizenship: str | None,
    passport_number: str | None,
    citizenship: str | None,
) -> tuple[str, ...]:
    """The fields that differ from the offer ("passport_number", "citizenship"), in form order;
    empty when the application matches."""
    differ = []
    if offer_passport_number != passport_number:
        differ.append("passport_number")
    if offer_citizenship != citizenship:
        differ.append("citizenship")
    return tuple(differ)


def matches_verification(
    *,
    offer_passport_number: str | None,
    offer_date_of_birth: date | None,
    passport_number: str | None,
    date_of_birth: date | None,
) -> bool:
    """True when a date of birth was given and it and the passport number are exactly those of
    the offer."""
    return (
        date_of_birth is not None
        and offer_passport_number == passport_number
        and offer_date_of_birth == date_of_birth
    )

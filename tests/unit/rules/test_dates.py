"""The one date rule (issue 13 item 14): a date of birth in the past and of working age, a
passport issued after the birth and expiring after its issue and the birth, a job ending after
it starts."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules import dates

TODAY = dt.date(2026, 12, 3)


def _codes(**dates_given):
    return {(f.field, f.code) for f in dates.person_findings(today=TODAY, **dates_given)}


@pytest.mark.parametrize(("born", "expected"), [
    (dt.date(1990, 4, 25), set()),
    (dt.date(2026, 12, 3), {("date_of_birth", "WORKER-BIRTH-DATE-FUTURE")}),
    (dt.date(2030, 1, 1), {("date_of_birth", "WORKER-BIRTH-DATE-FUTURE")}),
    (dt.date(2012, 12, 4), {("date_of_birth", "WORKER-AGE-IMPLAUSIBLE")}),  # 13 tomorrow
    (dt.date(2012, 12, 3), set()),  # 14 today
    (dt.date(1926, 12, 3), set()),  # 100 today: still of working age (14 to 100 inclusive)
    (dt.date(1925, 12, 3), {("date_of_birth", "WORKER-AGE-IMPLAUSIBLE")}),  # 101
])
def test_the_date_of_birth_is_in_the_past_and_of_working_age(born, expected):
    assert _codes(date_of_birth=born, passport_expiry=None) == expected


def test_a_passport_expires_after_the_birth_and_after_its_issue():
    born = dt.date(1990, 4, 25)
    assert _codes(date_of_birth=born, passport_expiry=dt.date(1990, 4, 25)) == {
        ("passport_expiry", "PASSPORT-EXPIRY-BEFORE-BIRTH")}
    assert _codes(date_of_birth=born, passport_expiry=dt.date(2031, 1, 1)) == set()
    assert _codes(date_of_birth=born, passport_expiry=dt.date(2021, 1, 1),
                  passport_issue_date=dt.date(2021, 1, 1)) == {
        ("passport_expiry", "PASSPORT-EXPIRY-BEFORE-ISSUE")}
    assert _codes(date_of_birth=born, passport_expiry=dt.date(2031, 1, 1),
                  passport_issue_date=dt.date(1989, 1, 1)) == {
        ("passport_issue_date", "PASSPORT-ISSUED-BEFORE-BIRTH")}
    assert _codes(date_of_birth=None, passport_expiry=dt.date(1980, 1, 1)) == set()


@pytest.mark.parametrize(("start", "end", "refused"), [
    (dt.date(2027, 3, 1), dt.date(2029, 2, 28), False),
    (dt.date(2027, 3, 1), dt.date(2027, 3, 1), True),
    (dt.date(2027, 3, 1), dt.date(2026, 3, 1), True),
    (None, dt.date(2026, 3, 1), False),
])
def test_a_job_ends_after_it_starts(start, end, refused):
    found = dates.job_findings(start_date=start, end_date=end)
    assert bool(found) is refused
    if refused:
        assert found[0].field == "end_date" and found[0].is_blocking

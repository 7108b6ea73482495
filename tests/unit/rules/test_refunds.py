"""Refunds move on Canadian business days: weekends and federal holidays do not count, so the
dates an employer is shown skip them (portal.rules.refunds)."""

from __future__ import annotations

from datetime import date

import pytest

from portal.rules import refunds


def test_a_weekend_does_not_count():
    # Thursday 26 November 2026: Friday is day 1, Monday day 2 ... Thursday 3 December day 5.
    plan = refunds.schedule(date(2026, 11, 26))
    assert plan.approved_on == date(2026, 12, 3)
    assert plan.issued_on == date(2026, 12, 10)
    # Requested on a Saturday: the first business day is the Monday.
    assert refunds.schedule(date(2026, 11, 28)).approved_on == date(2026, 12, 4)


def test_canada_day_does_not_count():
    # Friday 26 June 2026: 29, 30 June, (1 July is Canada Day), 2, 3, 6 July.
    plan = refunds.schedule(date(2026, 6, 26))
    assert plan.approved_on == date(2026, 7, 6)
    assert plan.issued_on == date(2026, 7, 13)


def test_christmas_boxing_day_observed_and_new_years_day_do_not_count():
    # Monday 21 December 2026: 22, 23, 24, (25 Christmas, 28 Boxing Day observed), 29, 30.
    plan = refunds.schedule(date(2026, 12, 21))
    assert plan.approved_on == date(2026, 12, 30)
    # 31 December, (1 January), 4, 5, 6, 7 January 2027.
    assert plan.issued_on == date(2027, 1, 7)
    for holiday in (date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1), date(2026, 7, 1)):
        assert not refunds.is_business_day(holiday)
    assert refunds.is_business_day(date(2026, 12, 24))


def test_the_documented_numbers_of_business_days():
    assert (refunds.APPROVED_AFTER_BUSINESS_DAYS, refunds.ISSUED_AFTER_BUSINESS_DAYS) == (5, 10)
    assert refunds.business_days_after(date(2026, 12, 2), 0) == date(2026, 12, 2)
    with pytest.raises(ValueError, match="negative"):
        refunds.business_days_after(date(2026, 12, 2), -1)

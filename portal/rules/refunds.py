"""When a refund of the employer compliance fee moves on: requested -> approved -> issued.

IRCC refunds the fee (R303.1(6), domain.md 4.3) when a pending offer is withdrawn or the work
permit application that matched it is refused. How long the real refund takes is NOT verified:
IRCC's guidance speaks of about eight weeks (domain.md 4.3). The simulator shortens it so that an
integrator or a learner sees every step in days of the sandbox clock:

- approved APPROVED_AFTER_BUSINESS_DAYS (5) Canadian business days after the request day;
- issued ISSUED_AFTER_BUSINESS_DAYS (10) Canadian business days after the request day.

A business day is a Monday to Friday that is not a Canadian federal holiday: the federal
statutory holidays and their observed days, as the `holidays` package gives them for Canada
(categories "public" and "government"): New Year's Day, Good Friday, Victoria Day, Canada Day,
Labour Day, the National Day for Truth and Reconciliation, Thanksgiving, Remembrance Day,
Christmas Day and Boxing Day (e.g. Boxing Day 2026, a Saturday, is observed on Monday 28
December). Provincial holidays do not count: the refund is a federal office's work.

Pure: a request day in, the days of its steps out. The refund's state (portal.models.enums
RefundState) is moved on by the periodic task (portal.services.offers.refunds) on clock.today()
when the step is due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import holidays

APPROVED_AFTER_BUSINESS_DAYS = 5
ISSUED_AFTER_BUSINESS_DAYS = 10
# What IRCC's guidance says a real refund takes (unverified; the simulator shortens it).
REAL_TIMING_WEEKS = 8

_FEDERAL = holidays.country_holidays("CA", categories=("public", "government"))


def is_federal_holiday(day: dt.date) -> bool:
    return day in _FEDERAL


def is_business_day(day: dt.date) -> bool:
    """A weekday that is not a Canadian federal holiday."""
    return day.weekday() < 5 and not is_federal_holiday(day)


def business_days_after(day: dt.date, n: int) -> dt.date:
    """The n-th business day after `day` (`day` itself never counts; n = 0 gives `day`)."""
    if n < 0:
        raise ValueError("n must not be negative")
    current = day
    while n:
        current += dt.timedelta(days=1)
        if is_business_day(current):
            n -= 1
    return current


@dataclass(frozen=True, slots=True)
class RefundSchedule:
    """The days a refund requested on `requested_on` is approved and issued."""

    requested_on: dt.date
    approved_on: dt.date
    issued_on: dt.date


def schedule(requested_on: dt.date) -> RefundSchedule:
    return RefundSchedule(
        requested_on=requested_on,
        approved_on=business_days_after(requested_on, APPROVED_AFTER_BUSINESS_DAYS),
        issued_on=business_days_after(requested_on, ISSUED_AFTER_BUSINESS_DAYS),
    )

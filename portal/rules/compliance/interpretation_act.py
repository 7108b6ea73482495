"""Computing time as the federal Interpretation Act (R.S.C. 1985, c. I-21) does.

- s. 26: a time limit that ends on a holiday moves to the next day that is not a holiday.
  Saturday is not a "holiday" under s. 35, so a deadline can fall on a Saturday.
- s. 27(5): "within N days after" a day excludes that day, so the last day is day + N.
- s. 27(3): a period "beginning on" a day includes that day, so N years beginning on D end on
  the day before the N-th anniversary.
- s. 35(1) "holiday": Sunday, New Year's Day, Good Friday, Easter Monday, Christmas Day, the
  Sovereign's birthday as fixed by proclamation and Victoria Day (both the Monday before May 25),
  Canada Day (July 2 when July 1 is a Sunday: Holidays Act s. 2(2)), Labour Day, the National Day
  for Truth and Reconciliation (September 30, since 2021), Remembrance Day, and Thanksgiving
  (fixed each year by proclamation; the second Monday of October, as always proclaimed).
  SIMPLIFICATION: provincial and civic holidays (s. 35(1)(a)-(b)) are not counted; the
  simulator does not know which province's calendar would apply.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools

_DAY = dt.timedelta(days=1)
TRUTH_AND_RECONCILIATION_FROM = 2021


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the Meeus/Jones/Butcher algorithm)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_monday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


@functools.cache
def federal_holidays(year: int) -> frozenset[dt.date]:
    """The s. 35 holidays of `year` other than Sundays."""
    easter = easter_sunday(year)
    may_24 = dt.date(year, 5, 24)
    days = {
        dt.date(year, 1, 1),
        easter - 2 * _DAY,
        easter + _DAY,
        may_24 - dt.timedelta(days=may_24.weekday()),
        dt.date(year, 7, 1),
        _nth_monday(year, 9, 1),
        _nth_monday(year, 10, 2),
        dt.date(year, 11, 11),
        dt.date(year, 12, 25),
    }
    if dt.date(year, 7, 1).weekday() == calendar.SUNDAY:
        days.add(dt.date(year, 7, 2))
    if year >= TRUTH_AND_RECONCILIATION_FROM:
        days.add(dt.date(year, 9, 30))
    return frozenset(days)


def is_holiday(day: dt.date) -> bool:
    return day.weekday() == calendar.SUNDAY or day in federal_holidays(day.year)


def next_non_holiday(day: dt.date) -> dt.date:
    """`day` itself, or the first later day that is not a holiday (s. 26)."""
    while is_holiday(day):
        day += _DAY
    return day


def days_after(day: dt.date, days: int) -> dt.date:
    """The last day of a time limit of `days` days after `day` (s. 27(5), then s. 26)."""
    return next_non_holiday(day + dt.timedelta(days=days))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later; February 29 becomes February 28 (as s. 28(c) does
    for months: the last day of the month when it has no day with that number)."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def add_months(day: dt.date, months: int) -> dt.date:
    """`months` calendar months after (negative: before) `day`, clamped as s. 28(c) says."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

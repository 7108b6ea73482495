"""Defensive readers for partial, possibly malformed offer facts (drafts hold anything)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from portal.rules.findings import Finding, Severity
from portal.rules.messages import Message, Param


def text(value: object) -> str | None:
    """A stripped non-empty string, or None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def upper(value: object) -> str | None:
    s = text(value)
    return s.upper() if s else None


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = text(value)
    if s:
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            return None
    return None


def as_number(value: object) -> Decimal | None:
    """A finite number from an int, float, Decimal or numeric string; None otherwise."""
    if isinstance(value, bool):
        return None
    raw: int | float | Decimal | str
    if isinstance(value, (int, float, Decimal)):
        raw = value
    elif isinstance(value, str):
        raw = value.strip().replace(",", ".")
    else:
        return None
    try:
        number = Decimal(raw)
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def answers_of(value: object) -> Mapping[str, str]:
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items() if isinstance(v, str)}
    return {}


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day `months` later (clamped to the month's last day)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    if year > dt.MAXYEAR:
        return dt.date.max
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end, rounded up (a partial month counts)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) < end:
        months += 1
    return max(months, 0)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def block(
    code: str,
    field: str | None,
    section: str | None,
    /,
    *,
    kind: str | None = None,
    **params: Param,
) -> Finding:
    """A blocking finding; its message is the catalogue entry `kind` (default: the code)."""
    return Finding(code, Severity.blocking, Message.of(kind or code, **params), field, section)


def warn(
    code: str,
    field: str | None,
    section: str | None,
    /,
    *,
    kind: str | None = None,
    **params: Param,
) -> Finding:
    """A warning; its message is the catalogue entry `kind` (default: the code)."""
    return Finding(code, Severity.warning, Message.of(kind or code, **params), field, section)

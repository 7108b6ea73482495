"""The one clock every service asks for "now", so tests and the sandbox can move time.

All times are timezone-aware UTC. `freeze(at)` pins the clock (tests, sandbox); `advance(delta)`
moves a frozen clock; `unfreeze()` returns to the system time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

_frozen: datetime | None = None


def now() -> datetime:
    """The current time, in UTC."""
    return _frozen if _frozen is not None else datetime.now(UTC)


def today() -> date:
    """Today's date in UTC."""
    return now().date()


def freeze(at: datetime) -> None:
    if at.tzinfo is None:
        raise ValueError("freeze() needs a timezone-aware datetime")
    global _frozen
    _frozen = at.astimezone(UTC)


def advance(delta: timedelta) -> None:
    global _frozen
    _frozen = (_frozen or datetime.now(UTC)) + delta


def unfreeze() -> None:
    global _frozen
    _frozen = None

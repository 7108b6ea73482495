"""The one clock every service asks for "now", so tests and the sandbox can move time.

All times are timezone-aware UTC. Two readings:

- `now()` / `today()`: the portal's business time, which everything the rules date follows
  (expiries, links, refunds, decisions, deadlines, the periodic tasks). With the sandbox clock
  on (SANDBOX_CLOCK_ENABLED, portal.services.sandbox.clock) it is the real time plus the
  simulated offset the administrator or `flask sandbox clock` set, read from the database at
  most once a second per process (OFFSET_TTL_SECONDS), so every web worker and the queue
  consumer follow a move within a second.
- `real_now()`: the wall clock, for what must never jump with simulated time: session
  timeouts, rate limits and lockouts, TOTP steps.

`freeze(at)` pins both (tests); `advance(delta)` moves a frozen clock; `unfreeze()` returns to
the system time. The simulated offset applies on top of a frozen clock too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

OFFSET_TTL_SECONDS = 1.0

_frozen: datetime | None = None
_offset_source: Callable[[], timedelta] | None = None
_offset: tuple[float, timedelta] | None = None  # (monotonic time read, offset)


def real_now() -> datetime:
    """The wall-clock time in UTC (frozen in tests), never moved by the sandbox clock."""
    return _frozen if _frozen is not None else datetime.now(UTC)


def now() -> datetime:
    """The current business time, in UTC: the real time plus the sandbox's offset."""
    return real_now() + offset()


def today() -> date:
    """Today's business date in UTC."""
    return now().date()


def offset() -> timedelta:
    """How far the sandbox clock is ahead of the real time (zero when it is off)."""
    global _offset
    if _offset_source is None:
        return timedelta(0)
    tick = time.monotonic()
    if _offset is None or tick - _offset[0] >= OFFSET_TTL_SECONDS:
        _offset = (tick, _offset_source())
    return _offset[1]


def use_offset_source(source: Callable[[], timedelta] | None) -> None:
    """Read the simulated offset from `source` (None: no simulated time)."""
    global _offset_source, _offset
    _offset_source, _offset = source, None


def forget_offset() -> None:
    """Read the offset afresh on the next call (after this process moved the clock)."""
    global _offset
    _offset = None


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

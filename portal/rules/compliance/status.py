"""Whether an employer may employ a foreign national who needs a work permit, on a given day.

R200(3)(h): no work permit for an employer that is (ii) serving a ban under R209.95(1)(b) or
(iii) in default on an AMP, including a broken payment agreement. This is also the "eligibility
status" of the public list (R209.997(2)(e)).

- A ban begins on the day of the final determination (R209.99(2)); a ban of N years "beginning
  on" that day includes it, so the last day of ineligibility is the day before the N-th
  anniversary (Interpretation Act s. 27(3)). A permanent ban never ends.
- Default (PDI, "collecting AMPs"): the AMP is not paid in full by its due date and no payment
  agreement was reached by then, or an instalment of an agreement is missed (a partial or
  bounced payment counts as missed). Default lasts until the AMP is paid in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from portal.rules.compliance.interpretation_act import add_years
from portal.rules.compliance.points import Ban
from portal.rules.messages import Day, Message

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class BanRecord:
    determined_on: dt.date
    ban: Ban

    @property
    def last_day(self) -> dt.date | None:
        """The last day of ineligibility (None for a permanent ban)."""
        if self.ban.years is None:
            return None
        return add_years(self.determined_on, self.ban.years) - _DAY

    def active_on(self, today: dt.date) -> bool:
        last = self.last_day
        return self.determined_on <= today and (last is None or today <= last)


@dataclass(frozen=True)
class PenaltyRecord:
    """An AMP and how it stands. `agreement_made_on` counts only if reached by `due_on`."""

    due_on: dt.date
    paid_in_full_on: dt.date | None = None
    agreement_made_on: dt.date | None = None
    agreement_broken_on: dt.date | None = None

    def in_default_on(self, today: dt.date) -> bool:
        if self.paid_in_full_on is not None and self.paid_in_full_on <= today:
            return False
        if self.agreement_broken_on is not None and self.agreement_broken_on <= today:
            return True
        agreed = self.agreement_made_on is not None and self.agreement_made_on <= self.due_on
        return today > self.due_on and not agreed


@dataclass(frozen=True)
class Eligibility:
    """`banned_until` is the last day of the longest active ban (None when there is none, or
    when it is permanent: see `permanent_ban`); `message` says it for the public list."""

    eligible: bool
    banned: bool
    in_default: bool
    banned_until: dt.date | None
    permanent_ban: bool

    @property
    def message(self) -> Message:
        if self.permanent_ban:
            code = "compliance.eligibility.banned_permanently"
            if self.in_default:
                code = "compliance.eligibility.banned_permanently_and_in_default"
            return Message.of(code)
        if self.banned:
            code = "compliance.eligibility.banned"
            if self.in_default:
                code = "compliance.eligibility.banned_and_in_default"
            assert self.banned_until is not None, "a ban that is not permanent has a last day"
            return Message.of(code, until=Day(self.banned_until))
        if self.in_default:
            return Message.of("compliance.eligibility.in_default")
        return Message.of("compliance.eligibility.eligible")

    @property
    def code(self) -> str:
        return self.message.code


def eligibility(
    today: dt.date, *, bans: Iterable[BanRecord] = (), penalties: Iterable[PenaltyRecord] = ()
) -> Eligibility:
    """The employer's status on `today` (R200(3)(h)(ii)-(iii))."""
    active = [b for b in bans if b.active_on(today)]
    in_default = any(p.in_default_on(today) for p in penalties)
    permanent = any(b.ban.is_permanent for b in active)
    last_days = [b.last_day for b in active if b.last_day is not None]
    until = None if permanent or not last_days else max(last_days)
    return Eligibility(not active and not in_default, bool(active), in_default, until, permanent)

"""Deemed receipt of notices, the periods to answer and to pay, and the six-year window.

Deemed receipt, as the Regulations state it:
- A notice of preliminary finding (NOPF, or a corrected or cancelled one) and a notice of final
  determination (NOFD) are deemed received 10 days after the day they are sent, whatever the
  channel: R209.994(2) and R209.996(6) apply "despite section 9.3(2)" (the electronic rule).
  Five days when the notice is solely about items 18 to 23 of Table 1 (R209.994(2.1),
  R209.996(7)).
- Anything else the Minister sends by electronic means (here, the inspection's opening letter
  through the portal or by email) is deemed received on the day it is sent (R9.3(2)).
  OPEN: the Regulations deem nothing for a letter sent by mail; the simulator reads it like the
  notices, 10 days after sending.

Periods: the employer may answer an NOPF within 30 days after receipt (5 for items 18-23 only,
R209.994(1), (1.1)), extendable by the officer (R209.994(3)); no final determination before that
period ends (R209.996(3)); the AMP is due within 30 days after the NOFD is received
(R209.996(4)(e)). The opening letter's deadline is not fixed by the Regulations (PDI: "a
deadline"); 30 days is the figure reported in practice and the default here. Days are counted as
the Interpretation Act says (see interpretation_act).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from portal.rules.compliance.interpretation_act import add_years, days_after
from portal.rules.messages import Day, Message

REGIME_START = dt.date(2013, 12, 31)
INSPECTION_YEARS = 6
DEFAULT_INSPECTION_RESPONSE_DAYS = 30
NOTICE_RECEIPT_DAYS = 10
SHORT_TRACK_RECEIPT_DAYS = 5
NOPF_RESPONSE_DAYS = 30
SHORT_TRACK_RESPONSE_DAYS = 5
PAYMENT_DAYS = 30
SHORT_TRACK_ITEMS = frozenset(range(18, 24))
_DAY = dt.timedelta(days=1)


class Channel(StrEnum):
    electronic = "electronic"
    mail = "mail"


class NoticeKind(StrEnum):
    inspection_request = "inspection_request"  # R209.6 / R209.7(1)(a): report, answer, documents
    preliminary_finding = "preliminary_finding"  # R209.993
    final_determination = "final_determination"  # R209.996


def is_short_track(items: Iterable[int]) -> bool:
    """Whether a notice is solely about items 18 to 23 of Schedule 2 Table 1."""
    items = set(items)
    return bool(items) and items <= SHORT_TRACK_ITEMS


def deemed_received_on(
    kind: NoticeKind,
    sent_on: dt.date,
    *,
    channel: Channel = Channel.electronic,
    items: Iterable[int] = (),
) -> dt.date:
    """The day a notice sent on `sent_on` is deemed received (see the module docstring)."""
    if kind is NoticeKind.inspection_request:
        return sent_on if channel is Channel.electronic else sent_on + NOTICE_RECEIPT_DAYS * _DAY
    days = SHORT_TRACK_RECEIPT_DAYS if is_short_track(items) else NOTICE_RECEIPT_DAYS
    return sent_on + days * _DAY


@dataclass(frozen=True)
class Deadline:
    """A notice's dates: sent, deemed received, and the last day to act (`due_on`)."""

    kind: NoticeKind
    sent_on: dt.date
    received_on: dt.date
    due_on: dt.date
    provision: str
    extended: bool = False

    def days_left(self, today: dt.date) -> int:
        """Days from `today` to the last day (0 on the last day, negative once past)."""
        return (self.due_on - today).days

    def is_past(self, today: dt.date) -> bool:
        return today > self.due_on


def inspection_request_deadline(
    sent_on: dt.date,
    *,
    channel: Channel = Channel.electronic,
    days: int = DEFAULT_INSPECTION_RESPONSE_DAYS,
) -> Deadline:
    """When the employer must answer the opening letter (R209.6, R209.7; period set by the
    officer, `days` after deemed receipt)."""
    received = deemed_received_on(NoticeKind.inspection_request, sent_on, channel=channel)
    provision = "R9.3(2)" if channel is Channel.electronic else "R209.994(2)"
    return Deadline(
        NoticeKind.inspection_request, sent_on, received, days_after(received, days), provision
    )


def preliminary_finding_deadline(
    sent_on: dt.date,
    *,
    items: Iterable[int] = (),
    extended_to: dt.date | None = None,
) -> Deadline:
    """The last day to make written submissions on an NOPF (R209.994(1), (1.1)), or the later
    day an officer extended it to (R209.994(3))."""
    items = tuple(items)
    received = deemed_received_on(NoticeKind.preliminary_finding, sent_on, items=items)
    short = is_short_track(items)
    due = days_after(received, SHORT_TRACK_RESPONSE_DAYS if short else NOPF_RESPONSE_DAYS)
    extended = extended_to is not None and extended_to > due
    return Deadline(
        NoticeKind.preliminary_finding,
        sent_on,
        received,
        extended_to if extended and extended_to is not None else due,
        "R209.994(3)" if extended else ("R209.994(1.1)" if short else "R209.994(1)"),
        extended=extended,
    )


def earliest_final_determination(nopf: Deadline) -> dt.date:
    """The first day a final determination may be made (R209.996(3))."""
    return nopf.due_on + _DAY


def payment_deadline(nofd_sent_on: dt.date, *, items: Iterable[int] = ()) -> Deadline:
    """The day the AMP of an NOFD is due, unless a payment agreement is reached by then
    (R209.996(4)(e)); the employer is in default from the next day."""
    received = deemed_received_on(NoticeKind.final_determination, nofd_sent_on, items=items)
    return Deadline(
        NoticeKind.final_determination,
        nofd_sent_on,
        received,
        days_after(received, PAYMENT_DAYS),
        "R209.996(4)(e)",
    )


@dataclass(frozen=True)
class InspectionWindow:
    """The six years beginning on the first day of the employment period (R209.2(1)(b)); the
    last day is the day before the sixth anniversary (Interpretation Act s. 27(3))."""

    opens_on: dt.date
    closes_on: dt.date

    def contains(self, today: dt.date) -> bool:
        return self.opens_on <= today <= self.closes_on


def inspection_window(employment_starts_on: dt.date) -> InspectionWindow:
    """OPEN: the PDI says "up to 6 years" and IRCC's infographic counts from the permit's
    issue; the Regulations count from the first day of the employment period, as here."""
    return InspectionWindow(
        employment_starts_on, add_years(employment_starts_on, INSPECTION_YEARS) - _DAY
    )


@dataclass(frozen=True)
class ScopeCheck:
    """Whether an offer's work permit can be inspected `today`, and why (a catalogue message)."""

    in_scope: bool
    message: Message
    window: InspectionWindow

    @property
    def code(self) -> str:
        return self.message.code


def offer_in_scope(
    *, employment_starts_on: dt.date, permit_issued_on: dt.date, today: dt.date
) -> ScopeCheck:
    """Permits issued on or after 2013-12-31 (PDI), inspected from the first day of employment
    to the end of the six-year window."""
    window = inspection_window(employment_starts_on)
    opens, closes = Day(window.opens_on), Day(window.closes_on)
    if permit_issued_on < REGIME_START:
        said = Message.of("compliance.scope.permit_before_regime", start=Day(REGIME_START))
        return ScopeCheck(False, said, window)
    if today < window.opens_on:
        return ScopeCheck(False, Message.of("compliance.scope.not_started", opens_on=opens), window)
    if today > window.closes_on:
        said = Message.of("compliance.scope.window_closed", closes_on=closes)
        return ScopeCheck(False, said, window)
    said = Message.of("compliance.scope.in_window", opens_on=opens, closes_on=closes)
    return ScopeCheck(True, said, window)

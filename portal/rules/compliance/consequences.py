"""The consequence of an inspection's findings for one notice.

Each violation is scored by `scoring`; then, on the notice: AMPs add up to at most $1,000,000
(R209.992(1)); this notice plus the AMPs of the employer's final notices of the previous 12
months may not exceed $1,000,000, the excess being cut from this notice (R209.996(5)); only the
longest ban applies (R209.992(2)); when no violation carries an AMP or a ban, the outcome is a
warning, which is not published but counts in later history (R209.95(1)(a), R209.997(1));
anything else is published (R209.997).

Readings where the sources leave a choice:
- The 12-month window is counted back from the day of this determination, as R209.996(5) says
  (the PDI's example speaks of a year from the first determination). It starts 12 months before
  (Interpretation Act s. 28); final notices issued earlier on the same day count as previous.
- When the 12-month cap cuts the AMP to $0, the notice is still not a warning (its violations
  carry AMPs under Table 2), so it is published with an AMP of $0.
- Before a final determination (an NOPF), the same computation previews the cap with whatever
  final notices the caller passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from portal.rules._data import load
from portal.rules.compliance.explain import Problem, Step, problem, step
from portal.rules.compliance.interpretation_act import add_months
from portal.rules.compliance.points import Ban, BusinessSize
from portal.rules.compliance.scoring import (
    PriorViolation,
    ViolationResult,
    assess_violation,
    history_ordinals,
)
from portal.rules.compliance.violations import ConditionFinding, count_violations
from portal.rules.messages import Day, Money

_CAPS = load("compliance_regime")["caps_dollars"]
NOTICE_CAP_CENTS: int = _CAPS["per_notice"] * 100
TWELVE_MONTH_CAP_CENTS: int = _CAPS["twelve_months"] * 100


@dataclass(frozen=True)
class PriorNotice:
    """A notice of final determination already issued to the employer."""

    determined_on: dt.date
    amp_cents: int


@dataclass(frozen=True)
class Outcome:
    """What the notice imposes. `amp_cents` is after both caps; `breached_items` are the Table 1
    items listed on the public list (R209.997(2)(c))."""

    violations: int
    warning: bool
    amp_before_caps_cents: int
    amp_cents: int
    ban: Ban | None
    published: bool
    breached_items: tuple[int, ...]

    @property
    def ban_years(self) -> int | None:
        return self.ban.years if self.ban else None

    @property
    def permanent_ban(self) -> bool:
        return self.ban is not None and self.ban.is_permanent


@dataclass(frozen=True)
class NoticeAssessment:
    """The computation: `outcome` is None when there are problems to fix first."""

    problems: tuple[Problem, ...]
    steps: tuple[Step, ...]
    violations: tuple[ViolationResult, ...]
    outcome: Outcome | None


def _cap_per_notice(total: int, steps: list[Step]) -> int:
    """R209.992(1)."""
    steps.append(step("compliance.notice.amp_sum", None, amount=Money(total)))
    amount = min(total, NOTICE_CAP_CENTS)
    if amount < total:
        steps.append(
            step("compliance.notice.cap_per_notice", None, before=Money(total), after=Money(amount))
        )
    return amount


def _cap_twelve_months(
    amount: int, prior_notices: Iterable[PriorNotice], determined_on: dt.date, steps: list[Step]
) -> int:
    """R209.996(5): cut the excess over $1M of this notice plus the previous 12 months'."""
    since = add_months(determined_on, -12)
    previous = 0
    for notice in prior_notices:
        if since <= notice.determined_on <= determined_on:
            previous += notice.amp_cents
            steps.append(
                step(
                    "compliance.notice.prior_notice_counted",
                    None,
                    determined_on=Day(notice.determined_on),
                    amount=Money(notice.amp_cents),
                )
            )
    excess = max(0, amount + previous - TWELVE_MONTH_CAP_CENTS)
    if not (excess and amount):
        return amount
    after = max(0, amount - excess)
    steps.append(
        step(
            "compliance.notice.cap_twelve_months",
            None,
            before=Money(amount),
            after=Money(after),
            previous=Money(previous),
            since=Day(since),
        )
    )
    return after


def _longest_ban(results: Sequence[ViolationResult], steps: list[Step]) -> Ban | None:
    """R209.992(2): bans are not added; the longest applies."""
    bans = [r.ban for r in results if r.ban is not None]
    if not bans:
        return None
    ban = max(bans, key=lambda b: b.length)
    if len(bans) > 1 and ban.years is None:
        steps.append(step("compliance.notice.longest_ban_permanent", None, bans=len(bans)))
    elif len(bans) > 1 and ban.years is not None:
        steps.append(step("compliance.notice.longest_ban", None, bans=len(bans), years=ban.years))
    return ban


def _ban_step(ban: Ban, determined_on: dt.date) -> Step:
    if ban.years is None:
        return step("compliance.outcome.permanent_ban", None, starts_on=Day(determined_on))
    return step("compliance.outcome.ban", None, years=ban.years, starts_on=Day(determined_on))


def _outcome(
    results: Sequence[ViolationResult],
    prior_notices: Iterable[PriorNotice],
    determined_on: dt.date,
    steps: list[Step],
) -> Outcome:
    items = tuple(sorted({r.item for r in results}))
    if not results:
        steps.append(step("compliance.outcome.no_violation"))
        return Outcome(0, False, 0, 0, None, False, ())
    if all(r.is_warning for r in results):
        steps.append(step("compliance.outcome.warning", None, violations=len(results)))
        steps.append(step("compliance.outcome.not_published"))
        return Outcome(len(results), True, 0, 0, None, False, items)
    total = sum(r.amp_cents or 0 for r in results)
    amount = 0
    if total:
        amount = _cap_per_notice(total, steps)
        amount = _cap_twelve_months(amount, prior_notices, determined_on, steps)
        steps.append(step("compliance.outcome.penalty", None, amount=Money(amount)))
    ban = _longest_ban(results, steps)
    if ban is not None:
        steps.append(_ban_step(ban, determined_on))
    steps.append(
        step("compliance.outcome.published", None, items=", ".join(str(item) for item in items))
    )
    return Outcome(
        violations=len(results),
        warning=False,
        amp_before_caps_cents=total,
        amp_cents=amount,
        ban=ban,
        published=True,
        breached_items=items,
    )


def assess_notice(
    findings: Sequence[ConditionFinding],
    *,
    size: BusinessSize,
    determined_on: dt.date,
    history: Iterable[PriorViolation] = (),
    prior_notices: Iterable[PriorNotice] = (),
    inspection: str | None = None,
    inspection_opened_on: dt.date | None = None,
    preliminary_finding_on: dt.date | None = None,
) -> NoticeAssessment:
    """Compute the consequence of `findings` for one notice, step by step.

    `size` is the Table 2 column (points.business_size, from the offer as submitted);
    `determined_on` is the day of the (preliminary or final) determination, which starts any ban
    (R209.99(2)) and ends the 12-month window; `history` lists earlier violations, `inspection`
    names this one so its own violations never count as history; `inspection_opened_on` tells
    whether a disclosure came before the inspection (R209.991(2)(b)); `preliminary_finding_on`
    dates the NOPF for the justification timing rule. Never raises on well-typed input: bad input
    comes back as `problems` with no outcome.
    """
    count = count_violations(findings, preliminary_finding_on=preliminary_finding_on)
    problems = list(count.problems)
    if count.violations and not isinstance(size, BusinessSize):
        problems.append(problem("compliance.problem.size_unknown", None, "size"))
    if problems:
        return NoticeAssessment(tuple(problems), count.steps, (), None)
    steps = list(count.steps)
    ordinals = history_ordinals(history, inspection, steps)
    results = []
    for n, violation in enumerate(count.violations):
        result, violation_steps = assess_violation(
            n,
            violation,
            ordinal=ordinals[violation.condition.type],
            size=size,
            opened_on=inspection_opened_on,
        )
        results.append(result)
        steps += violation_steps
    outcome = _outcome(results, prior_notices, determined_on, steps)
    return NoticeAssessment((), tuple(steps), tuple(results), outcome)

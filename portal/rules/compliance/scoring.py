"""The consequence of one violation (R209.97, R209.991, R209.98, R209.99).

Type from Table 1 -> history points (Table 4) + severity points (Table 5) -> minus 4 for an
acceptable voluntary disclosure, or 0 below 4 (R209.991(1)(d)) -> AMP from Table 2 by points,
type and size, ban from Table 3 by points and type.

Compliance history (PDI): earlier violations of the same type count, from an earlier
inspection, IRCC's or ESDC's, for non-compliance on or after 2015-12-01, warnings included,
justified breaches excluded, never expiring; all the same-type violations of one past inspection
count as one, and all same-type violations of this inspection get the same history points.
Non-compliance before 2015-12-01 (SOR/2015-144) keeps the old consequence: a flat 2-year ban and
listing, no points and no AMP.

A voluntary disclosure is acceptable if complete and made while no inspection power was being
exercised and no IRPA enforcement action was under way (R209.991(2)), unless the officer rejects
it on the R209.991(3) considerations. The deduction is per violation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from portal.rules._data import load
from portal.rules.compliance.conditions import ViolationType
from portal.rules.compliance.explain import Step, step
from portal.rules.compliance.points import (
    CRITERION_LABELS,
    SIZE_LABELS,
    Ban,
    BusinessSize,
    Severity,
    amp_cents,
    apply_disclosure,
    ban_for,
    history_points,
    history_table_item,
    severity_maximums,
)
from portal.rules.compliance.violations import Disclosure, Violation
from portal.rules.messages import Day, Message, Money

AMP_REGIME_START = dt.date(2015, 12, 1)
LEGACY_YEARS: int = load("compliance_regime")["legacy_ban_years"]
LEGACY_BAN = Ban(LEGACY_YEARS)


@dataclass(frozen=True)
class PriorViolation:
    """A violation from an earlier inspection (IRCC or ESDC), for compliance history."""

    inspection: str
    type: ViolationType
    occurred_on: dt.date
    justified: bool = False


@dataclass(frozen=True)
class ViolationResult:
    index: int
    condition: str
    item: int
    type: ViolationType
    worker: str | None
    element: str | None
    legacy: bool
    history_points: int
    severity_points: int
    raw_points: int
    disclosure_accepted: bool
    points: int
    amp_cents: int | None
    ban: Ban | None

    @property
    def is_warning(self) -> bool:
        return not self.legacy and self.amp_cents is None and self.ban is None


def _ignored_because(prior: PriorViolation, inspection: str | None) -> str | None:
    """The catalogue code saying why an earlier violation does not count, or None."""
    if inspection is not None and prior.inspection == inspection:
        return "compliance.history.ignored_same_inspection"
    if prior.justified:
        return "compliance.history.ignored_justified"
    if prior.occurred_on < AMP_REGIME_START:
        return "compliance.history.ignored_before_amp_regime"
    return None


def history_ordinals(
    history: Iterable[PriorViolation], inspection: str | None, steps: list[Step]
) -> dict[ViolationType, int]:
    """For each type, the ordinal the violations of this inspection have (1 = first): one more
    than the number of earlier inspections that found a counted violation of that type."""
    inspections: dict[ViolationType, set[str]] = {t: set() for t in ViolationType}
    for prior in history:
        reason = _ignored_because(prior, inspection)
        if reason:
            steps.append(step(reason, None, inspection=prior.inspection))
        else:
            inspections[prior.type].add(prior.inspection)
    for vtype, refs in inspections.items():
        if refs:
            steps.append(
                step(
                    "compliance.history.prior_counted",
                    None,
                    type=vtype.value,
                    inspections=len(refs),
                )
            )
    return {vtype: len(refs) + 1 for vtype, refs in inspections.items()}


def _disclosure_refusal(disclosure: Disclosure, inspection_opened_on: dt.date | None) -> str | None:
    """Why a disclosure is not acceptable (R209.991(2)-(3)), as a catalogue code, or None."""
    if not disclosure.complete:
        return "compliance.disclosure.incomplete"
    if inspection_opened_on is not None and disclosure.made_on >= inspection_opened_on:
        return "compliance.disclosure.during_inspection"
    if disclosure.enforcement_action_under_way:
        return "compliance.disclosure.during_enforcement"
    if disclosure.rejected_on_considerations:
        return "compliance.disclosure.rejected"
    return None


def _disclosure_steps(
    n: int, raw: int, disclosure: Disclosure | None, opened_on: dt.date | None
) -> tuple[int, bool, list[Step]]:
    if disclosure is None:
        return raw, False, []
    made_on = Day(disclosure.made_on)
    refusal = _disclosure_refusal(disclosure, opened_on)
    if refusal:
        return raw, False, [step(refusal, n, made_on=made_on)]
    points = apply_disclosure(raw)
    return (
        points,
        True,
        [
            step("compliance.disclosure.accepted", n, made_on=made_on),
            step("compliance.disclosure.deducted", n, before=raw, after=points),
        ],
    )


def _legacy(
    n: int, violation: Violation, occurred_on: dt.date
) -> tuple[ViolationResult, list[Step]]:
    condition = violation.condition
    result = ViolationResult(
        index=n,
        condition=condition.code,
        item=condition.item,
        type=condition.type,
        worker=violation.worker,
        element=violation.element,
        legacy=True,
        history_points=0,
        severity_points=0,
        raw_points=0,
        disclosure_accepted=False,
        points=0,
        amp_cents=None,
        ban=LEGACY_BAN,
    )
    said = step(
        "compliance.legacy.flat_ban",
        n,
        violation=n + 1,
        occurred_on=Day(occurred_on),
        years=LEGACY_YEARS,
    )
    return result, [said]


_HISTORY_CODES = (
    "compliance.history.first",
    "compliance.history.second",
    "compliance.history.third_or_later",
)


def _history_step(n: int, vtype: ViolationType, ordinal: int, points: int) -> Step:
    code = _HISTORY_CODES[min(ordinal, 3) - 1]
    return step(
        code, n, type=vtype.value, points=points, table_item=history_table_item(vtype, ordinal)
    )


def _severity_steps(n: int, severity: Severity) -> list[Step]:
    maximums = severity_maximums()
    steps = [
        step(
            "compliance.severity.criterion",
            n,
            criterion=Message(CRITERION_LABELS[name]),
            points=points,
            maximum=maximums[name],
        )
        for name, points in severity.scores().items()
        if points
    ]
    return steps or [step("compliance.severity.none", n)]


def _table_steps(
    n: int, points: int, vtype: ViolationType, size: BusinessSize, amp: int | None, ban: Ban | None
) -> list[Step]:
    where = {"points": points, "type": vtype.value}
    if amp is None:
        amp_step = step("compliance.amp.none", n, **where)
    else:
        amp_step = step(
            "compliance.amp.table_2", n, **where, size=Message(SIZE_LABELS[size]), amount=Money(amp)
        )
    if ban is None:
        ban_step = step("compliance.ban.none", n, **where)
    elif ban.years is None:
        ban_step = step("compliance.ban.table_3_permanent", n, **where)
    else:
        ban_step = step("compliance.ban.table_3", n, **where, years=ban.years)
    return [amp_step, ban_step]


def assess_violation(
    n: int,
    violation: Violation,
    *,
    ordinal: int,
    size: BusinessSize,
    opened_on: dt.date | None,
) -> tuple[ViolationResult, list[Step]]:
    """Score violation number `n`, the `ordinal`-th of its type for this employer."""
    if violation.occurred_on is not None and violation.occurred_on < AMP_REGIME_START:
        return _legacy(n, violation, violation.occurred_on)
    condition, vtype = violation.condition, violation.condition.type
    history = history_points(vtype, ordinal)
    severity = violation.severity.total()
    raw = history + severity
    points, accepted, disclosure_steps = _disclosure_steps(n, raw, violation.disclosure, opened_on)
    amp, ban = amp_cents(points, vtype, size), ban_for(points, vtype)
    steps = [
        step(
            "compliance.violation.type", n, violation=n + 1, item=condition.item, type=vtype.value
        ),
        _history_step(n, vtype, ordinal, history),
        *_severity_steps(n, violation.severity),
        step("compliance.points.total", n, history=history, severity=severity, total=raw),
        *disclosure_steps,
        *_table_steps(n, points, vtype, size, amp, ban),
    ]
    result = ViolationResult(
        index=n,
        condition=condition.code,
        item=condition.item,
        type=vtype,
        worker=violation.worker,
        element=violation.element,
        legacy=False,
        history_points=history,
        severity_points=severity,
        raw_points=raw,
        disclosure_accepted=accepted,
        points=points,
        amp_cents=amp,
        ban=ban,
    )
    return result, steps

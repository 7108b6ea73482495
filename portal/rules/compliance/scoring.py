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
from portal.rules.compliance.explain import Step
from portal.rules.compliance.points import (
    Ban,
    BusinessSize,
    amp_cents,
    apply_disclosure,
    ban_for,
    history_points,
    history_table_item,
)
from portal.rules.compliance.violations import Disclosure, Violation

AMP_REGIME_START = dt.date(2015, 12, 1)
LEGACY_BAN = Ban(load("compliance_regime")["legacy_ban_years"])


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
    if inspection is not None and prior.inspection == inspection:
        return "same_inspection"
    if prior.justified:
        return "justified"
    if prior.occurred_on < AMP_REGIME_START:
        return "before_amp_regime"
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
            params = {"inspection": prior.inspection, "reason": reason}
            steps.append(Step("history.prior_ignored", params))
        else:
            inspections[prior.type].add(prior.inspection)
    for vtype, refs in inspections.items():
        if refs:
            params = {"type": vtype.value, "inspections": len(refs)}
            steps.append(Step("history.prior_counted", params))
    return {vtype: len(refs) + 1 for vtype, refs in inspections.items()}


def _disclosure_problem(disclosure: Disclosure, inspection_opened_on: dt.date | None) -> str | None:
    if not disclosure.complete:
        return "R209.991(2)(a)"
    if inspection_opened_on is not None and disclosure.made_on >= inspection_opened_on:
        return "R209.991(2)(b)"
    if disclosure.enforcement_action_under_way:
        return "R209.991(2)(b)"
    if disclosure.rejected_on_considerations:
        return "R209.991(3)"
    return None


def _disclosure_steps(
    n: int, raw: int, disclosure: Disclosure | None, opened_on: dt.date | None
) -> tuple[int, bool, list[Step]]:
    if disclosure is None:
        return raw, False, []
    reason = _disclosure_problem(disclosure, opened_on)
    if reason:
        return raw, False, [Step("disclosure.not_acceptable", {"provision": reason}, n)]
    points = apply_disclosure(raw)
    return (
        points,
        True,
        [
            Step("disclosure.accepted", {"made_on": disclosure.made_on}, n),
            Step("disclosure.deducted", {"before": raw, "after": points}, n),
        ],
    )


def _legacy(n: int, violation: Violation) -> tuple[ViolationResult, list[Step]]:
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
    params = {
        "occurred_on": violation.occurred_on,
        "years": LEGACY_BAN.years,
        "before": AMP_REGIME_START,
    }
    return result, [Step("legacy.flat_ban", params, n)]


def _table_steps(
    n: int, points: int, vtype: ViolationType, size: BusinessSize, amp: int | None, ban: Ban | None
) -> list[Step]:
    where = {"points": points, "type": vtype.value}
    return [
        Step("amp.table_2", {**where, "size": size.value, "amount_cents": amp}, n)
        if amp is not None
        else Step("amp.none", where, n),
        Step("ban.table_3", {**where, "years": ban.years, "permanent": ban.is_permanent}, n)
        if ban is not None
        else Step("ban.none", where, n),
    ]


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
        return _legacy(n, violation)
    condition, vtype = violation.condition, violation.condition.type
    history = history_points(vtype, ordinal)
    severity = violation.severity.total()
    raw = history + severity
    points, accepted, disclosure_steps = _disclosure_steps(n, raw, violation.disclosure, opened_on)
    amp, ban = amp_cents(points, vtype, size), ban_for(points, vtype)
    scores = {k: v for k, v in violation.severity.scores().items() if v}
    history_params = {
        "type": vtype.value,
        "ordinal": ordinal,
        "points": history,
        "table_item": history_table_item(vtype, ordinal),
    }
    steps = [
        Step("violation.type", {"item": condition.item, "type": vtype.value}, n),
        Step("history.points", history_params, n),
        Step("severity.points", {"scores": scores, "points": severity}, n),
        Step("points.total", {"history": history, "severity": severity, "total": raw}, n),
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

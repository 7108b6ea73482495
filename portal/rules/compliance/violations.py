"""From findings (one per condition, worker and element) to the violations they make (R209.96).

- R209.96(1): a breach affecting several foreign nationals is a separate violation for each.
  The R209.4 co-operation conditions concern the employer's conduct towards the inspector, not a
  foreign national, so several findings on them are one violation (compliance_regime.md Ex. 7).
- R209.96(2): each element of item 9 (occupation, wages, working conditions) is its own violation.
- R209.96(4): each form of abuse of R196.2(1)(a)-(e) is its own violation of item 17.
- PDI: repeats of the same breach (same condition, element and worker) are not counted again.
  SIMPLIFICATION: the PDI lets an officer split "working conditions" into distinct breaches
  (unpaid overtime, unpaid vacation); here one finding per element and worker is one violation.

A finding recorded as justified must carry a claim the Regulations accept; otherwise it is a
problem to fix (the officer either corrects the claim or records the breach as non-compliant).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from portal.rules.compliance.conditions import Condition, get_condition
from portal.rules.compliance.explain import Problem, Step
from portal.rules.compliance.justifications import JustificationClaim, assess_justification
from portal.rules.compliance.points import Severity, severity_out_of_range


class FindingStatus(StrEnum):
    """The PDI's inspection outcomes for one condition."""

    compliant = "compliant"
    justified = "justified"  # "compliant with justification"
    non_compliant = "non_compliant"


@dataclass(frozen=True)
class Disclosure:
    """A voluntary disclosure (IMM 5964) that covers this breach (R209.991(2)-(3)).
    `enforcement_action_under_way`: an IRPA offence enforcement action against the employer was
    under way when it was made; `rejected_on_considerations`: the officer found it unacceptable
    after weighing the R209.991(3) considerations (impact, timeliness, repeat use, nature)."""

    made_on: dt.date
    complete: bool
    enforcement_action_under_way: bool = False
    rejected_on_considerations: bool = False


@dataclass(frozen=True)
class ConditionFinding:
    """The officer's finding on one condition for one worker (and element, for items 9 and 17).
    `occurred_on` is when the non-compliance happened (None: on or after 2015-12-01)."""

    condition: str
    status: FindingStatus
    worker: str | None = None
    element: str | None = None
    justification: JustificationClaim | None = None
    severity: Severity = field(default_factory=Severity)
    disclosure: Disclosure | None = None
    occurred_on: dt.date | None = None


@dataclass(frozen=True)
class Violation:
    """One violation, with the index of the finding it came from."""

    finding: int
    condition: Condition
    worker: str | None
    element: str | None
    severity: Severity
    disclosure: Disclosure | None
    occurred_on: dt.date | None


@dataclass(frozen=True)
class ViolationCount:
    violations: tuple[Violation, ...]
    steps: tuple[Step, ...]
    problems: tuple[Problem, ...]


def _shape_problems(index: int, finding: ConditionFinding, condition: Condition) -> list[Problem]:
    element, allowed = finding.element, list(condition.elements)
    if allowed and element is None:
        return [Problem("element.required", {"allowed": allowed}, index, "element")]
    if allowed and element not in allowed:
        params = {"element": element, "allowed": allowed}
        return [Problem("element.unknown", params, index, "element")]
    if not allowed and element is not None:
        return [Problem("element.not_allowed", {"element": element}, index, "element")]
    day = finding.occurred_on
    if day is not None and not condition.in_force_on(day):
        since = condition.in_force_from
        return [Problem("condition.not_in_force", {"since": since}, index, "occurred_on")]
    if day is not None and not condition.in_force_on(day, element):
        since = condition.element_in_force_from[element]  # type: ignore[index]
        return [Problem("element.not_in_force", {"since": since}, index, "occurred_on")]
    return []


def _severity_problems(index: int, severity: Severity) -> list[Problem]:
    return [
        Problem(
            "severity.out_of_range",
            {"criterion": name, "value": value, "max": maximum},
            index,
            f"severity.{name}",
        )
        for name, value, maximum in severity_out_of_range(severity)
    ]


def _justified(
    index: int, finding: ConditionFinding, preliminary_finding_on: dt.date | None
) -> Step | list[Problem]:
    if finding.justification is None:
        return [Problem("justification.missing", {}, index, "justification.ground")]
    check = assess_justification(
        finding.condition, finding.justification, preliminary_finding_on=preliminary_finding_on
    )
    if check.accepted:
        return Step(
            "finding.justified",
            {
                "finding": index,
                "provision": check.provision,
                "ground": finding.justification.ground,
            },
        )
    return [Problem(p.code, p.params, index, p.field) for p in check.problems]


def _key(finding: ConditionFinding, condition: Condition) -> tuple:
    return (condition.code, finding.element, finding.worker if condition.per_worker else None)


def _counted_step(index: int, finding: ConditionFinding, condition: Condition, n: int) -> Step:
    rule = condition.elements_provision or ("R209.96(1)" if condition.per_worker else None)
    return Step(
        "violation.counted",
        {
            "finding": index,
            "condition": condition.code,
            "provision": condition.provision,
            "item": condition.item,
            "worker": finding.worker,
            "element": finding.element,
            "rule": rule,
        },
        violation=n,
    )


def count_violations(
    findings: Sequence[ConditionFinding], *, preliminary_finding_on: dt.date | None = None
) -> ViolationCount:
    """Turn findings into violations, explaining each step; problems point at the finding."""
    violations: list[Violation] = []
    steps: list[Step] = []
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    for index, finding in enumerate(findings):
        condition = get_condition(finding.condition)
        if condition is None:
            problems.append(
                Problem("condition.unknown", {"condition": finding.condition}, index, "condition")
            )
            continue
        if finding.status == FindingStatus.compliant:
            steps.append(Step("finding.compliant", {"finding": index, "condition": condition.code}))
            continue
        found = _shape_problems(index, finding, condition)
        if finding.status == FindingStatus.justified:
            outcome = found or _justified(index, finding, preliminary_finding_on)
            (problems.extend if isinstance(outcome, list) else steps.append)(outcome)
            continue
        if finding.status != FindingStatus.non_compliant:
            found.append(
                Problem("finding.status_unknown", {"status": finding.status}, index, "status")
            )
        found += _severity_problems(index, finding.severity)
        if found:
            problems.extend(found)
            continue
        key = _key(finding, condition)
        if key in seen:
            steps.append(Step("finding.duplicate", {"finding": index}, violation=seen[key]))
            continue
        seen[key] = len(violations)
        steps.append(_counted_step(index, finding, condition, len(violations)))
        violations.append(
            Violation(
                index,
                condition,
                finding.worker,
                finding.element,
                finding.severity,
                finding.disclosure,
                finding.occurred_on,
            )
        )
    return ViolationCount(tuple(violations), tuple(steps), tuple(problems))

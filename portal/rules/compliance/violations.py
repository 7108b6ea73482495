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
from portal.rules.compliance.explain import Problem, Step, problem, step
from portal.rules.compliance.justifications import JustificationClaim, assess_justification
from portal.rules.compliance.points import CRITERION_LABELS, Severity, severity_out_of_range
from portal.rules.messages import Day, Message


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


# The catalogue's name of each element that is a separate violation (R209.96(2), (4)).
ELEMENT_LABELS = {
    "occupation": "compliance.element.occupation",
    "wages": "compliance.element.wages",
    "working_conditions": "compliance.element.working_conditions",
    "physical": "compliance.element.physical",
    "sexual": "compliance.element.sexual",
    "psychological": "compliance.element.psychological",
    "financial": "compliance.element.financial",
    "reprisal": "compliance.element.reprisal",
}


def _shape_problems(index: int, finding: ConditionFinding, condition: Condition) -> list[Problem]:
    element, allowed = finding.element, condition.elements
    if allowed and element is None:
        return [problem("compliance.problem.element_required", index, "element")]
    if allowed and element not in allowed:
        return [
            problem("compliance.problem.element_unknown", index, "element", element=str(element))
        ]
    if not allowed and element is not None:
        return [
            problem(
                "compliance.problem.element_not_allowed", index, "element", element=str(element)
            )
        ]
    day = finding.occurred_on
    if day is not None and not condition.in_force_on(day):
        assert condition.in_force_from is not None, "only a start date puts a day before it"
        since = Day(condition.in_force_from)
        return [
            problem("compliance.problem.condition_not_in_force", index, "occurred_on", since=since)
        ]
    if day is not None and not condition.in_force_on(day, element):
        assert element is not None, "only an element can have its own start date"
        since = Day(condition.element_in_force_from[element])
        return [
            problem("compliance.problem.element_not_in_force", index, "occurred_on", since=since)
        ]
    return []


def _severity_problems(index: int, severity: Severity) -> list[Problem]:
    return [
        problem(
            "compliance.problem.severity_out_of_range",
            index,
            f"severity_{name}",
            criterion=Message(CRITERION_LABELS[name]),
            maximum=maximum,
        )
        for name, _value, maximum in severity_out_of_range(severity)
    ]


def _justified(
    index: int,
    finding: ConditionFinding,
    condition: Condition,
    preliminary_finding_on: dt.date | None,
) -> Step | list[Problem]:
    if finding.justification is None:
        return [problem("compliance.problem.justification_missing", index, "justification_ground")]
    check = assess_justification(
        finding.condition, finding.justification, preliminary_finding_on=preliminary_finding_on
    )
    if check.accepted:
        return step(
            "compliance.finding.justified",
            None,
            finding=index + 1,
            provision=condition.provision,
            ground=str(check.provision),
        )
    return [Problem(p.message, index, p.field) for p in check.problems]


_Key = tuple[str, str | None, str | None]  # condition, element, worker (for per-worker ones)


def _key(finding: ConditionFinding, condition: Condition) -> _Key:
    return (condition.code, finding.element, finding.worker if condition.per_worker else None)


def _counted_steps(
    index: int, finding: ConditionFinding, condition: Condition, n: int
) -> list[Step]:
    steps = [
        step(
            "compliance.violation.counted",
            n,
            violation=n + 1,
            finding=index + 1,
            provision=condition.provision,
            item=condition.item,
        )
    ]
    if condition.per_worker and finding.worker:
        steps.append(step("compliance.violation.worker", n, worker=finding.worker))
    if finding.element:
        steps.append(
            step(
                "compliance.violation.element",
                n,
                element=Message(ELEMENT_LABELS[finding.element]),
                provision=str(condition.elements_provision),
            )
        )
    return steps


def _check_finding(
    index: int, finding: ConditionFinding, preliminary_finding_on: dt.date | None
) -> tuple[Condition | None, list[Step], list[Problem]]:
    """The condition of a finding that makes a violation (else None), with what was said."""
    condition = get_condition(finding.condition)
    if condition is None:
        found = problem(
            "compliance.problem.condition_unknown",
            index,
            "condition",
            condition=str(finding.condition),
        )
        return None, [], [found]
    if finding.status == FindingStatus.compliant:
        said = step(
            "compliance.finding.compliant",
            None,
            finding=index + 1,
            provision=condition.provision,
            item=condition.item,
        )
        return None, [said], []
    problems = _shape_problems(index, finding, condition)
    if finding.status == FindingStatus.justified:
        outcome = problems or _justified(index, finding, condition, preliminary_finding_on)
        return (None, [], outcome) if isinstance(outcome, list) else (None, [outcome], [])
    if finding.status != FindingStatus.non_compliant:
        problems.append(
            problem(
                "compliance.problem.status_unknown", index, "status", status=str(finding.status)
            )
        )
    problems += _severity_problems(index, finding.severity)
    return (None if problems else condition), [], problems


def count_violations(
    findings: Sequence[ConditionFinding], *, preliminary_finding_on: dt.date | None = None
) -> ViolationCount:
    """Turn findings into violations, explaining each step; problems point at the finding."""
    violations: list[Violation] = []
    steps: list[Step] = []
    problems: list[Problem] = []
    seen: dict[_Key, int] = {}
    for index, finding in enumerate(findings):
        condition, said, found = _check_finding(index, finding, preliminary_finding_on)
        steps += said
        problems += found
        if condition is None:
            continue
        key = _key(finding, condition)
        if key in seen:
            steps.append(
                step(
                    "compliance.finding.duplicate",
                    seen[key],
                    finding=index + 1,
                    violation=seen[key] + 1,
                )
            )
            continue
        seen[key] = len(violations)
        steps += _counted_steps(index, finding, condition, len(violations))
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

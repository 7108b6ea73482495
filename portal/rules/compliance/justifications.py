"""Whether a breach is justified, so that it is not a violation (R209.95(1)).

A justified breach has no consequence and does not count in later compliance history (PDI,
Example 2 of compliance_regime.md). The PDI adds one timing rule that the Regulations leave
implicit in "subsequently": compensation, or proof of efforts to compensate, must be shown BEFORE
the preliminary finding for the justification to count; shown later, it only lowers severity
criteria 4 and 5. `assess_justification` applies it when the date of the preliminary finding is
known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portal.rules.compliance.conditions import (
    accepted_justifications,
    get_condition,
    get_justification,
)
from portal.rules.compliance.explain import Problem, problem
from portal.rules.messages import Day


@dataclass(frozen=True)
class JustificationClaim:
    """What the employer shows. `compensated` means every disadvantaged worker was compensated
    (or sufficient efforts were made where that was impossible), or, for the fee conditions, the
    fees were fully repaid; `compensated_on` is when that was shown."""

    ground: str
    compensated: bool = False
    compensated_on: dt.date | None = None
    disproportionate_on_foreign_nationals: bool = False
    reasonable_efforts: bool = False
    good_faith: bool = False


@dataclass(frozen=True)
class JustificationCheck:
    accepted: bool
    provision: str | None
    problems: tuple[Problem, ...]


# What each requirement is called in the catalogue, and the claim field that proves it.
_REQUIREMENTS = {
    "compensated": ("compliance.problem.requirement_compensated", "justification_compensated"),
    "not_disproportionate": (
        "compliance.problem.requirement_not_disproportionate",
        "justification_disproportionate",
    ),
    "reasonable_efforts": (
        "compliance.problem.requirement_reasonable_efforts",
        "justification_reasonable_efforts",
    ),
    "good_faith": ("compliance.problem.requirement_good_faith", "justification_good_faith"),
}


def _fact_met(requirement: str, claim: JustificationClaim) -> bool:
    if requirement == "not_disproportionate":
        return not claim.disproportionate_on_foreign_nationals
    return bool(getattr(claim, requirement))


def _too_late(claim: JustificationClaim, preliminary_finding_on: dt.date | None) -> bool:
    return (
        claim.compensated
        and preliminary_finding_on is not None
        and (claim.compensated_on is None or claim.compensated_on >= preliminary_finding_on)
    )


def assess_justification(
    condition: str,
    claim: JustificationClaim,
    *,
    preliminary_finding_on: dt.date | None = None,
) -> JustificationCheck:
    """Check `claim` against the grounds the Regulations accept for `condition`.

    Accepted only if the ground applies to that condition and every fact it requires is shown
    (R209.2(3)(c)-(e), (3.1), (4), R209.4(2)). With `preliminary_finding_on`, compensation shown on
    or after that day does not count (PDI timing rule, see the module docstring).
    """
    ground = get_justification(claim.ground)
    entry = get_condition(condition)
    if ground is None:
        found = problem(
            "compliance.problem.justification_unknown",
            None,
            "justification_ground",
            ground=str(claim.ground),
        )
        return JustificationCheck(False, None, (found,))
    if entry is None or ground not in accepted_justifications(condition):
        found = problem(
            "compliance.problem.justification_not_for_condition",
            None,
            "justification_ground",
            provision=entry.provision if entry else str(condition),
            subsection=entry.justified_under if entry else "",
        )
        return JustificationCheck(False, ground.provision, (found,))
    problems = []
    for requirement in ground.requires:
        if not _fact_met(requirement, claim):
            code, field = _REQUIREMENTS[requirement]
            problems.append(problem(code, None, field, provision=ground.provision))
    if (
        "compensated" in ground.requires
        and preliminary_finding_on is not None
        and _too_late(claim, preliminary_finding_on)
    ):
        problems.append(
            problem(
                "compliance.problem.compensation_too_late",
                None,
                "justification_compensated_on",
                preliminary_finding_on=Day(preliminary_finding_on),
            )
        )
    return JustificationCheck(not problems, ground.provision, tuple(problems))

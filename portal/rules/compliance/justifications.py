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

from portal.rules.compliance.conditions import accepted_justifications, get_justification
from portal.rules.compliance.explain import Problem


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


_FACT_FIELDS = {
    "compensated": "justification.compensated",
    "reasonable_efforts": "justification.reasonable_efforts",
    "good_faith": "justification.good_faith",
    "not_disproportionate": "justification.disproportionate_on_foreign_nationals",
}


def _fact_met(requirement: str, claim: JustificationClaim) -> bool:
    if requirement == "not_disproportionate":
        return not claim.disproportionate_on_foreign_nationals
    return bool(getattr(claim, requirement))


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
    if ground is None:
        return _rejected(None, Problem("justification.unknown", {"ground": claim.ground}))
    if ground not in accepted_justifications(condition):
        allowed = [j.code for j in accepted_justifications(condition)]
        return _rejected(
            ground.provision,
            Problem(
                "justification.not_for_condition",
                {"ground": ground.code, "condition": condition, "allowed": allowed},
                field="justification.ground",
            ),
        )
    problems = [
        Problem(
            "justification.requirement_unmet",
            {"ground": ground.code, "requirement": req, "provision": ground.provision},
            field=_FACT_FIELDS[req],
        )
        for req in ground.requires
        if not _fact_met(req, claim)
    ]
    if (
        "compensated" in ground.requires
        and claim.compensated
        and preliminary_finding_on is not None
        and (claim.compensated_on is None or claim.compensated_on >= preliminary_finding_on)
    ):
        problems.append(
            Problem(
                "justification.compensation_too_late",
                {
                    "compensated_on": claim.compensated_on,
                    "preliminary_finding_on": preliminary_finding_on,
                },
                field="justification.compensated_on",
            )
        )
    return JustificationCheck(not problems, ground.provision, tuple(problems))


def _rejected(provision: str | None, problem: Problem) -> JustificationCheck:
    return JustificationCheck(False, provision, (problem,))

"""What the compliance rules say: a step of a computation, or a problem with the input.

Both are a stable code plus parameters, never a sentence: a page renders them in the reader's
language from one catalogue. `STEP_CODES` and `PROBLEM_CODES` list every code the rules emit, so
the catalogue can be checked for completeness.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    """One line of the step-by-step explanation.

    `violation` is the index (0-based, in the order the violations were counted) of the violation
    the step concerns, or None for a step about the whole notice.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    violation: int | None = None


@dataclass(frozen=True)
class Problem:
    """Input the rules cannot use. `finding` is the index of the offending input finding (or None
    for notice-level input) and `field` names the input field to fix."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    finding: int | None = None
    field: str | None = None


STEP_CODES = frozenset(
    {
        # counting (R209.96)
        "finding.compliant",
        "finding.justified",
        "finding.duplicate",
        "violation.counted",
        # per violation (R209.97, R209.991, R209.98, R209.99)
        "violation.type",
        "history.prior_counted",
        "history.prior_ignored",
        "history.points",
        "severity.points",
        "points.total",
        "disclosure.accepted",
        "disclosure.not_acceptable",
        "disclosure.deducted",
        "amp.table_2",
        "amp.none",
        "ban.table_3",
        "ban.none",
        "legacy.flat_ban",
        # scope of an inspection (deadlines.offer_in_scope)
        "scope.in_window",
        "scope.permit_before_regime",
        "scope.not_started",
        "scope.window_closed",
        # eligibility (status.eligibility)
        "eligibility.eligible",
        "eligibility.banned",
        "eligibility.in_default",
        "eligibility.banned_and_in_default",
        # per notice (R209.992, R209.996(5), R209.95(1)(a), R209.997)
        "notice.amp_sum",
        "notice.cap_per_notice",
        "notice.cap_twelve_months",
        "notice.prior_notice_counted",
        "notice.longest_ban",
        "outcome.no_violation",
        "outcome.warning",
        "outcome.penalty",
        "outcome.ban",
        "outcome.published",
        "outcome.not_published",
    }
)

PROBLEM_CODES = frozenset(
    {
        "condition.unknown",
        "condition.not_in_force",
        "element.required",
        "element.unknown",
        "element.not_allowed",
        "element.not_in_force",
        "justification.missing",
        "justification.unknown",
        "justification.not_for_condition",
        "justification.requirement_unmet",
        "justification.compensation_too_late",
        "severity.out_of_range",
        "finding.status_unknown",
        "size.unknown",
    }
)

"""Small builders for compliance findings, so each test reads like the example it checks."""

from __future__ import annotations

import datetime as dt

from portal.rules.compliance.consequences import assess_notice
from portal.rules.compliance.points import BusinessSize, Severity
from portal.rules.compliance.violations import ConditionFinding, FindingStatus

DETERMINED_ON = dt.date(2026, 11, 24)
SMALL, LARGE = BusinessSize.small, BusinessSize.large


def breach(condition, worker="w1", element=None, **severity):
    """A non-compliant finding with the given Table 5 scores."""
    return ConditionFinding(
        condition,
        FindingStatus.non_compliant,
        worker=worker,
        element=element,
        severity=Severity(**severity),
    )


def assess(findings, size=SMALL, **kwargs):
    kwargs.setdefault("determined_on", DETERMINED_ON)
    return assess_notice(findings, size=size, **kwargs)


def codes(assessment):
    return [step.code for step in assessment.steps]


def dollars(amount):
    return amount * 100

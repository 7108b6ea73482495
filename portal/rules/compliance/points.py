"""Schedule 2 Tables 2 to 5, business size, and the voluntary-disclosure deduction.

- Table 4 (history, R209.991(1)(a)(i)): points by the ordinal of the violation among the
  employer's violations of the same type; Type A caps at 2, B at 3, C at 4.
- Table 5 (severity, R209.991(1)(a)(ii)): seven criteria, each 0 up to its maximum.
- R209.991(1)(d): an acceptable voluntary disclosure takes 4 points off, or the total to 0 when
  it was below 4.
- Table 2 (AMP, R209.98) by points, type and size; Table 3 (ban, R209.99) by points and type.
- R209.93: a small business (with its affiliates) has fewer than 100 employees OR less than
  $5 million in annual gross revenue; a large business is any other. The PDI writes "equal to or
  fewer than 100" and "equal or less than $5M"; the Regulations prevail.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from portal.rules._data import load
from portal.rules.compliance.conditions import ViolationType

SMALL_BUSINESS_EMPLOYEES = 100
SMALL_BUSINESS_REVENUE_CENTS = 5_000_000_00


class BusinessSize(StrEnum):
    small = "small"  # "individual or small business" column of Table 2
    large = "large"


def business_size(
    *, employees: int, annual_gross_revenue_cents: int, individual: bool = False
) -> BusinessSize:
    """The Table 2 column for an employer, from its size when the offer was submitted
    (R209.93, R209.11(1)(d)); an individual (a household employer) uses the small column."""
    if (
        individual
        or employees < SMALL_BUSINESS_EMPLOYEES
        or annual_gross_revenue_cents < SMALL_BUSINESS_REVENUE_CENTS
    ):
        return BusinessSize.small
    return BusinessSize.large


@dataclass(frozen=True)
class Severity:
    """Table 5 points, fixed by the officer case by case (0 when a criterion does not apply)."""

    benefit: int = 0
    abuse: int = 0
    economy: int = 0
    remediation: int = 0
    prevention: int = 0
    worker_disease_risk: int = 0
    public_disease_risk: int = 0

    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))

    def scores(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# The catalogue's name of each Table 5 criterion.
CRITERION_LABELS = {
    "benefit": "compliance.criterion.benefit",
    "abuse": "compliance.criterion.abuse",
    "economy": "compliance.criterion.economy",
    "remediation": "compliance.criterion.remediation",
    "prevention": "compliance.criterion.prevention",
    "worker_disease_risk": "compliance.criterion.worker_disease_risk",
    "public_disease_risk": "compliance.criterion.public_disease_risk",
}
SIZE_LABELS = {
    BusinessSize.small: "compliance.size.small",
    BusinessSize.large: "compliance.size.large",
}


@functools.cache
def severity_maximums() -> dict[str, int]:
    """The maximum of each Table 5 criterion, by field name of `Severity`."""
    criteria = load("compliance_regime")["table_5_severity_max_points"]["criteria"]
    return {c["code"]: c["max"] for c in criteria}


def severity_out_of_range(severity: Severity) -> list[tuple[str, int, int]]:
    """(criterion, value, maximum) for every score outside 0..maximum (or not an integer)."""
    bad = []
    for name, maximum in severity_maximums().items():
        value = getattr(severity, name)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            bad.append((name, value, maximum))
    return bad


def history_points(violation_type: ViolationType, ordinal: int) -> int:
    """Table 4 points for the `ordinal`-th violation of that type (1 = first)."""
    row: list[int] = load("compliance_regime")["table_4_history_points"][violation_type.value]
    return row[min(max(ordinal, 1), len(row)) - 1]


def history_table_item(violation_type: ViolationType, ordinal: int) -> int:
    """The Table 4 item number that gives those points (for the explanation)."""
    first, later = ordinal <= 1, ordinal >= 3
    if violation_type is ViolationType.A:
        return 1 if first else 2
    if violation_type is ViolationType.B:
        return 1 if first else (5 if later else 3)
    return 4 if first else (7 if later else 6)


def apply_disclosure(points: int) -> int:
    """R209.991(1)(d): minus 4 points, or 0 when the total was below 4."""
    deduction = load("compliance_regime")["disclosure_deduction_points"]
    return points - deduction if points >= deduction else 0


def _row(table: dict[str, Any], points: int) -> dict[str, Any]:
    rows: list[dict[str, Any]] = table["rows"]
    return [r for r in rows if points >= r["min_points"]][-1]


def amp_cents(points: int, violation_type: ViolationType, size: BusinessSize) -> int | None:
    """Table 2: the AMP for one violation in cents, or None ("none": 0 or 1 point)."""
    table = load("compliance_regime")["table_2_amp_dollars"]
    column = table["columns"].index(f"{violation_type.value}_{size.value}")
    dollars = _row(table, max(points, 0))["amounts"][column]
    return None if dollars is None else dollars * 100


@dataclass(frozen=True)
class Ban:
    """A period of ineligibility (R209.95(1)(b)); `years` is None for a permanent ban."""

    years: int | None

    @property
    def is_permanent(self) -> bool:
        return self.years is None

    @property
    def length(self) -> float:
        """For comparing bans: a permanent ban is the longest (R209.992(2))."""
        return float("inf") if self.years is None else float(self.years)


PERMANENT_BAN = Ban(None)


def ban_for(points: int, violation_type: ViolationType) -> Ban | None:
    """Table 3: the ban for one violation, or None below the table's thresholds."""
    table = load("compliance_regime")["table_3_ban_years"]
    column = table["columns"].index(violation_type.value)
    years = _row(table, max(points, 0))["years"][column]
    if years is None:
        return None
    return PERMANENT_BAN if years == table["permanent"] else Ban(years)


def amp_range_cents() -> tuple[int, int]:
    """The smallest and largest AMP for one violation in Table 2 ($500 and $100,000)."""
    rows = load("compliance_regime")["table_2_amp_dollars"]["rows"]
    amounts = [a for r in rows for a in r["amounts"] if a is not None]
    return min(amounts) * 100, max(amounts) * 100

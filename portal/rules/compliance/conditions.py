"""The conditions an IMP employer must meet, with their Schedule 2 item and type, and the
justifications the Regulations accept for each (data/compliance_regime.json).

Conditions are those of R209.2 (employers of LMIA-exempt workers under R200(1)(c)(ii.1)) and
R209.4 (co-operation with an inspection, on every employer). R209.3 is the TFWP version, enforced
by ESDC: it is not inspected here, but its violations count in compliance history.

Justifications (which subsection covers which condition, read from the Regulations):
- R209.2(3) covers R209.2(1)(a)(i)-(viii) and (a.1); its paragraph (h) only (a)(v) and (vi).
- R209.2(3.1) covers (a)(ix) and (x): reasonable efforts AND full repayment of the fees.
- R209.2(4) covers (b)(i) and (ii): all reasonable efforts.
- R209.4(2) covers R209.4(1): all reasonable efforts, OR done or omitted in good faith.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from portal.rules._data import load


class ViolationType(StrEnum):
    """Schedule 2 Table 1, column 3 (R209.97)."""

    A = "A"
    B = "B"
    C = "C"


class Period(StrEnum):
    """When the condition applies (R209.2(1)(a), (a.1), (b); R209.4)."""

    employment = "employment"
    first_day = "first_day"
    six_years = "six_years"
    inspection = "inspection"


@dataclass(frozen=True)
class Condition:
    """One condition. `elements` are the parts that are each a separate violation (R209.96(2)
    for item 9, R209.96(4) for item 17); empty when the condition has none. `per_worker` is False
    for the R209.4 co-operation conditions, which concern the employer's conduct towards the
    inspector rather than a foreign national, so R209.96(1) does not multiply them."""

    code: str
    provision: str
    item: int
    type: ViolationType
    period: Period
    in_force_from: dt.date | None
    justified_under: str
    elements: tuple[str, ...] = ()
    elements_provision: str | None = None
    element_in_force_from: Mapping[str, dt.date] = field(default_factory=dict, hash=False)
    per_worker: bool = True
    short_track: bool = False

    def in_force_on(self, day: dt.date, element: str | None = None) -> bool:
        """Whether the condition (and that element of it) applied on `day`."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        since = self.element_in_force_from.get(element) if element else None
        return since is None or day >= since


@dataclass(frozen=True)
class Justification:
    """A ground the Regulations accept. `requires` lists the facts the employer must prove:
    "compensated" (R209.2(3)(d)-(e): compensated every disadvantaged worker, or made sufficient
    efforts to; R209.2(3.1)(b): fully repaid the fees), "not_disproportionate" (R209.2(3)(c)),
    "reasonable_efforts" and "good_faith". `only_for` narrows the ground to some conditions."""

    code: str
    provision: str
    subsection: str
    requires: tuple[str, ...]
    only_for: frozenset[str] | None = None


def _date(raw: str | None) -> dt.date | None:
    return dt.date.fromisoformat(raw) if raw else None


def _condition(row: dict[str, Any]) -> Condition:
    elements = row.get("elements") or {}
    return Condition(
        code=row["code"],
        provision=row["provision"],
        item=row["item"],
        type=ViolationType(row["type"]),
        period=Period(row["period"]),
        in_force_from=_date(row["in_force_from"]),
        justified_under=row["justified_under"],
        elements=tuple(elements.get("codes", ())),
        elements_provision=elements.get("provision"),
        element_in_force_from=MappingProxyType(
            {k: dt.date.fromisoformat(v) for k, v in elements.get("in_force_from", {}).items()}
        ),
        per_worker=row.get("per_worker", True),
        short_track=row.get("short_track", False),
    )


def _justification(row: dict[str, Any]) -> Justification:
    only_for = row.get("only_for")
    return Justification(
        code=row["code"],
        provision=row["provision"],
        subsection=row["subsection"],
        requires=tuple(row["requires"]),
        only_for=frozenset(only_for) if only_for else None,
    )


@functools.cache
def _conditions() -> MappingProxyType[str, Condition]:
    rows = load("compliance_regime")["conditions"]
    return MappingProxyType({row["code"]: _condition(row) for row in rows})


@functools.cache
def _justifications() -> MappingProxyType[str, Justification]:
    rows = load("compliance_regime")["justifications"]
    return MappingProxyType({row["code"]: _justification(row) for row in rows})


def all_conditions() -> tuple[Condition, ...]:
    """Every condition, in Schedule 2 item order."""
    return tuple(sorted(_conditions().values(), key=lambda c: c.item))


def get_condition(code: object) -> Condition | None:
    return _conditions().get(code) if isinstance(code, str) else None


def condition_for_item(item: int) -> Condition | None:
    """The IMP condition listed as `item` in Schedule 2 Table 1 (None for TFWP-only items)."""
    return next((c for c in _conditions().values() if c.item == item), None)


def all_justifications() -> tuple[Justification, ...]:
    return tuple(_justifications().values())


def get_justification(code: object) -> Justification | None:
    return _justifications().get(code) if isinstance(code, str) else None


def accepted_justifications(condition: str) -> tuple[Justification, ...]:
    """The grounds the Regulations accept for a breach of `condition` (empty if unknown)."""
    entry = get_condition(condition)
    if entry is None:
        return ()
    return tuple(
        j
        for j in _justifications().values()
        if j.subsection == entry.justified_under and (j.only_for is None or condition in j.only_for)
    )

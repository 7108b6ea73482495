"""Family open work permits under the rules in force for applications from 2025-01-21
(domain.md 3.8a): which family codes are still offered, and what a spouse's application needs.

- A worker's spouse or common-law partner (C41) qualifies only if the principal worker is in a
  TEER 0 or 1 job, or in a TEER 2 or 3 job on IRCC's list of eligible occupations, AND the
  principal's work permit has at least 16 months left on the day the spouse applies. A spouse of
  a TEER 4 or 5 worker (C47) can never meet the first condition, so C47 is refused the same way.
- Dependent children of workers (C46, C48) no longer qualify: the codes are not offered and an
  application under them is refused with the reason.
- A student's spouse (C42) qualifies only if the student is in a master's program of 16 months or
  more, a doctoral program or a listed professional program.
- Spouses of free trade agreement workers (T25, T45, F36, F64, T53, F73) and the family of
  workers moving to permanent residence (C17, C49, C91, A74) are not narrowed: no finding.

Pure: plain values in, findings (code, message, field) out. Applications made before
2025-01-21 (a sandbox clock set back) follow the earlier rules: no finding here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.rules._facts import add_months
from portal.rules.findings import Finding, Severity
from portal.rules.messages import Day, Message
from portal.rules.noc import get_unit_group

RULES_FROM = date(2025, 1, 21)
MIN_MONTHS_LEFT = 16

WORKER_SPOUSE = "C41"
LOW_SKILLED_SPOUSE = "C47"
WORKER_CHILDREN = frozenset({"C46", "C48"})
STUDENT_SPOUSE = "C42"

# The student's program (C42): the three that qualify, and "other".
STUDENT_PROGRAMS = ("masters_16_months", "doctoral", "professional", "other")
QUALIFYING_PROGRAMS = frozenset(STUDENT_PROGRAMS[:3])

# IRCC's list of TEER 2 and 3 occupations whose workers' spouses still qualify, by the sectors
# domain.md 3.8a names, as NOC 2021 groups: a NOC code qualifies when it starts with one of
# these prefixes (broad categories, major groups or unit groups).
ELIGIBLE_TEER_2_3 = {
    "natural_and_applied_sciences": ("2",),
    "health": ("3",),
    "natural_resources": ("82", "83"),
    "construction": ("7201", "721", "722", "723", "725", "731", "73200", "73400", "73402"),
    "education": ("42202", "42203", "43100"),
    "sports": ("53200", "53201", "53202"),
    "military": ("42102", "43204"),
}


@dataclass(frozen=True)
class FamilyFacts:
    """What a family open work permit application says about the principal."""

    code: str | None  # the open permit code chosen
    applied_on: date
    principal_noc: str | None = None  # the principal worker's job (C41, C47)
    principal_permit_expiry: date | None = None  # the principal worker's permit (C41, C47)
    student_program: str | None = None  # one of STUDENT_PROGRAMS (C42)


def narrowed(on: date) -> bool:
    return on >= RULES_FROM


def still_offered(code: str, on: date) -> bool:
    """Whether the worker step offers this open permit code on this day."""
    return not (narrowed(on) and code.upper() in WORKER_CHILDREN)


def listed_occupation(noc: str) -> bool:
    """A TEER 2 or 3 occupation on the list (see ELIGIBLE_TEER_2_3)."""
    return any(noc.startswith(p) for prefixes in ELIGIBLE_TEER_2_3.values() for p in prefixes)


def family_findings(facts: FamilyFacts) -> tuple[Finding, ...]:
    """Why this family application does not qualify (empty when it does, or is not a family
    code the 2025 rules narrowed)."""
    code = (facts.code or "").upper()
    if not narrowed(facts.applied_on):
        return ()
    if code in WORKER_CHILDREN:
        return (_refuse("FAMILY-CHILDREN", "open_code", code=code),)
    if code == LOW_SKILLED_SPOUSE:
        return (_refuse("FAMILY-C47", "open_code"),)
    if code == WORKER_SPOUSE:
        return _worker_spouse(facts)
    if code == STUDENT_SPOUSE:
        return _student_spouse(facts)
    return ()


def _worker_spouse(facts: FamilyFacts) -> tuple[Finding, ...]:
    found: list[Finding] = []
    group = get_unit_group(facts.principal_noc) if facts.principal_noc else None
    if not facts.principal_noc:
        found.append(_refuse("FAMILY-PRINCIPAL-NOC-MISSING", "principal_noc_code"))
    elif group is None:
        found.append(_refuse("FAMILY-PRINCIPAL-NOC-UNKNOWN", "principal_noc_code"))
    elif group.teer >= 4:
        found.append(_refuse("FAMILY-C41-TEER", "principal_noc_code", teer=group.teer))
    elif group.teer >= 2 and not listed_occupation(group.code):
        found.append(
            _refuse("FAMILY-C41-NOT-LISTED", "principal_noc_code", teer=group.teer)
        )
    expiry = facts.principal_permit_expiry
    needed = add_months(facts.applied_on, MIN_MONTHS_LEFT)
    if expiry is None:
        found.append(_refuse("FAMILY-PRINCIPAL-EXPIRY-MISSING", "principal_permit_expiry"))
    elif expiry < needed:
        found.append(_refuse(
            "FAMILY-C41-MONTHS-LEFT", "principal_permit_expiry",
            months=MIN_MONTHS_LEFT, expiry=Day(expiry), needed=Day(needed),
        ))
    return tuple(found)


def _student_spouse(facts: FamilyFacts) -> tuple[Finding, ...]:
    if facts.student_program not in STUDENT_PROGRAMS:
        return (_refuse("FAMILY-STUDENT-PROGRAM-MISSING", "student_program"),)
    if facts.student_program not in QUALIFYING_PROGRAMS:
        return (_refuse("FAMILY-C42-PROGRAM", "student_program"),)
    return ()


def _refuse(finding: str, field: str, **params: int | str | Day) -> Finding:
    return Finding(finding, Severity.blocking, Message.of(finding, **params), field=field)

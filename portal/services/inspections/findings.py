"""The officer's findings and the consequence they compute to.

Guarantees: only admins record findings, before the final decision; one finding per condition,
worker and element (recording it again replaces it, audited); the consequence is always computed
by rules.compliance.consequences.assess_notice, never stored half-way: `assess` rebuilds it from
the findings, the business size, the employer's earlier decided inspections (compliance history
and the 12-month cap) and, for a voluntary disclosure, the disclosure's date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import FindingOutcome, Inspection, InspectionFinding, InspectionState
from portal.rules.compliance.consequences import NoticeAssessment, PriorNotice, assess_notice
from portal.rules.compliance.justifications import JustificationClaim
from portal.rules.compliance.points import BusinessSize, Severity
from portal.rules.compliance.scoring import PriorViolation
from portal.rules.compliance.violations import (
    ConditionFinding,
    Disclosure,
    FindingStatus,
    count_violations,
)
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError
from portal.services.inspections.access import list_findings, load_inspection, scope_offers

FACTS = ("compensated", "reasonable_efforts", "good_faith", "disproportionate")


@dataclass(frozen=True)
class FindingInput:
    condition: str
    offer_id: int | None
    outcome: FindingOutcome
    element: str | None = None
    ground: str | None = None
    facts: tuple[str, ...] = ()
    severity: dict[str, int] = field(default_factory=dict)


def _justification(given: FindingInput) -> dict[str, Any] | None:
    if given.outcome is not FindingOutcome.JUSTIFIED:
        return None
    return {"ground": given.ground or "", **{f: f in given.facts for f in FACTS}}


def record_finding(*, actor: Actor, inspection_id: int, given: FindingInput) -> InspectionFinding:
    """Record (or replace) a finding. Raises Forbidden, NotFound, Conflict (decided),
    DomainError (fields condition, offer)."""
    require_admin(actor)
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if inspection.state is InspectionState.DECIDED:
            raise Conflict(Message.of("inspection.already_decided"))
        if given.condition not in inspection.conditions:
            raise DomainError(Message.of("inspection.condition_not_examined"), field="condition")
        if given.offer_id is not None and given.offer_id not in {
                o.id for o in scope_offers(inspection.id)}:
            raise DomainError(Message.of("inspection.worker_not_in_scope"), field="offer")
        existing = db.session.scalar(select(InspectionFinding).where(
            InspectionFinding.inspection_id == inspection.id,
            InspectionFinding.condition == given.condition,
            InspectionFinding.offer_id.is_(None) if given.offer_id is None
            else InspectionFinding.offer_id == given.offer_id,
            InspectionFinding.element.is_(None) if given.element is None
            else InspectionFinding.element == given.element))
        finding = existing or InspectionFinding(inspection_id=inspection.id)
        finding.condition, finding.offer_id = given.condition, given.offer_id
        finding.element, finding.outcome = given.element, given.outcome
        finding.justification = _justification(given)
        finding.severity = dict(given.severity) if given.outcome is FindingOutcome.NON_COMPLIANT \
            else {}
        finding.recorded_by, finding.recorded_at = actor.user_id, clock.now()
        db.session.add(finding)
        db.session.flush()
        audit.record("inspection.finding_recorded", actor=actor,
                     employer_id=inspection.employer_id, object_type="inspection",
                     object_id=inspection.id,
                     details={"finding_id": finding.id, "condition": given.condition,
                              "offer_id": given.offer_id, "outcome": str(given.outcome)})
    return finding


def set_business_size(*, actor: Actor, inspection_id: int, size: BusinessSize) -> None:
    """The Table 2 column (R209.93): small (under 100 employees or under $5M revenue) or large."""
    require_admin(actor)
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if inspection.state is InspectionState.DECIDED:
            raise Conflict(Message.of("inspection.already_decided"))
        inspection.business_size = size.value
        audit.record("inspection.size_set", actor=actor, employer_id=inspection.employer_id,
                     object_type="inspection", object_id=inspection.id,
                     details={"size": size.value})


def _claim(row: InspectionFinding) -> JustificationClaim | None:
    data = row.justification
    if not data:
        return None
    return JustificationClaim(
        ground=str(data.get("ground", "")), compensated=bool(data.get("compensated")),
        compensated_on=row.recorded_at.date() if data.get("compensated") else None,
        disproportionate_on_foreign_nationals=bool(data.get("disproportionate")),
        reasonable_efforts=bool(data.get("reasonable_efforts")),
        good_faith=bool(data.get("good_faith")))


def _severity(row: InspectionFinding) -> Severity:
    known = Severity().scores()
    return Severity(**{k: int(v) for k, v in (row.severity or {}).items() if k in known})


def condition_findings(inspection: Inspection) -> list[ConditionFinding]:
    """The inspection's findings as the rules read them; the worker is the offer's number."""
    numbers = {o.id: o.number for o in scope_offers(inspection.id)}
    disclosed = inspection.disclosure is not None
    return [
        ConditionFinding(
            condition=row.condition, status=FindingStatus(row.outcome.value),
            worker=numbers.get(row.offer_id) if row.offer_id else None, element=row.element,
            justification=_claim(row), severity=_severity(row),
            disclosure=Disclosure(made_on=inspection.opened_on, complete=True)
            if disclosed else None)
        for row in list_findings(inspection.id)
    ]


def _earlier(inspection: Inspection) -> list[Inspection]:
    return list(db.session.scalars(select(Inspection).where(
        Inspection.employer_id == inspection.employer_id, Inspection.id != inspection.id,
        Inspection.state == InspectionState.DECIDED).order_by(Inspection.decided_on)))


def _history(earlier: list[Inspection]) -> list[PriorViolation]:
    history = []
    for prior in earlier:
        assert prior.decided_on is not None, "a decided inspection has its day"
        count = count_violations(condition_findings(prior))
        history += [PriorViolation(str(prior.id), v.condition.type, prior.decided_on)
                    for v in count.violations]
    return history


def assess(inspection: Inspection, *, determined_on: date) -> NoticeAssessment:
    """The consequence of the inspection's findings if determined on `determined_on`."""
    earlier = _earlier(inspection)
    notices = [PriorNotice(p.decided_on, p.penalty_cents or 0) for p in earlier
               if p.decided_on is not None]
    disclosed = inspection.disclosure is not None
    return assess_notice(
        condition_findings(inspection), size=BusinessSize(inspection.business_size),
        determined_on=determined_on, history=_history(earlier), prior_notices=notices,
        inspection=str(inspection.id),
        inspection_opened_on=None if disclosed else inspection.opened_on,
        preliminary_finding_on=inspection.preliminary_sent_on)


def preview(*, actor: Actor, inspection_id: int) -> NoticeAssessment:
    """The computation as it stands today (admins only)."""
    require_admin(actor)
    inspection = load_inspection(inspection_id=inspection_id, actor=actor)
    return assess(inspection, determined_on=inspection.decided_on or clock.today())

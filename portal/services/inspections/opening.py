"""Opening an inspection: the offers in scope, the conditions and documents, the deadline, and
the employer's voluntary disclosure.

Scope: offers of the employer with an approved work permit application, inspectable today
under rules.compliance.deadlines.offer_in_scope (permit issued on or after 2013-12-31, from the
first day of employment to the end of the six-year window). SIMPLIFICATION: the permit is
"issued" on the day the simulator's officer approved the application.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import (
    ApplicationStatus,
    Employer,
    Inspection,
    InspectionGround,
    InspectionOffer,
    InspectionState,
    Offer,
    WorkPermitApplication,
)
from portal.rules.compliance.conditions import all_conditions, get_condition
from portal.rules.compliance.deadlines import (
    ScopeCheck,
    inspection_request_deadline,
    offer_in_scope,
)
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import DomainError, NotFound
from portal.services.inspections import notices

DOCUMENTS_MAX = 2000


@dataclass(frozen=True)
class ScopedOffer:
    offer_id: int
    number: str
    permit_approved_on: date
    check: ScopeCheck


def list_scope(*, actor: Actor, employer_id: int, today: date) -> list[ScopedOffer]:
    """The employer's offers with an approved work permit, each with whether it is in scope
    today and why. Admins only."""
    require_admin(actor)
    rows = db.session.execute(
        select(Offer, WorkPermitApplication.decided_at)
        .join(WorkPermitApplication, WorkPermitApplication.offer_id == Offer.id)
        .where(Offer.employer_id == employer_id,
               WorkPermitApplication.status == ApplicationStatus.APPROVED)
        .order_by(Offer.number))
    scoped = []
    for offer, decided_at in rows:
        if offer.number is None or decided_at is None:
            continue
        issued = decided_at.date()
        starts = offer.start_date or issued
        check = offer_in_scope(employment_starts_on=starts, permit_issued_on=issued, today=today)
        scoped.append(ScopedOffer(offer.id, offer.number, issued, check))
    return scoped


def _check_terms(conditions: list[str], documents: str) -> list[str]:
    known = [c.code for c in all_conditions() if c.code in set(conditions)]
    if not known or len(known) != len(set(conditions)):
        raise DomainError(Message.of("inspection.conditions_missing"), field="conditions")
    if len(documents) > DOCUMENTS_MAX:
        raise DomainError(Message.of("inspection.documents_too_long"), field="documents_requested")
    return known


def open_inspection(
    *,
    actor: Actor,
    employer_id: int,
    ground: InspectionGround,
    offer_ids: list[int],
    conditions: list[str],
    documents_requested: str,
) -> Inspection:
    """Open an inspection and send its notice: conditions examined, documents requested and the
    deadline (30 days after deemed receipt; sent through the portal, received the same day).
    Only offers in scope today may be chosen, at least one. Raises Forbidden, NotFound,
    DomainError (fields offers, conditions, documents_requested, ground)."""
    require_admin(actor)
    if ground is InspectionGround.VOLUNTARY_DISCLOSURE:
        raise DomainError(Message.of("inspection.ground_disclosure_is_employers"), field="ground")
    codes = _check_terms(conditions, documents_requested.strip())
    today = clock.today()
    with write_transaction():
        if db.session.get(Employer, employer_id) is None:
            raise NotFound(Message.of("employer.not_found"))
        allowed = {s.offer_id for s in list_scope(actor=actor, employer_id=employer_id,
                                                   today=today) if s.check.in_scope}
        chosen = sorted(set(offer_ids))
        if not chosen or not set(chosen) <= allowed:
            raise DomainError(Message.of("inspection.offers_not_in_scope"), field="offers")
        inspection = _create(employer_id, ground, actor, codes, documents_requested.strip(), today)
        for offer_id in chosen:
            db.session.add(InspectionOffer(inspection_id=inspection.id, offer_id=offer_id))
        audit.record("inspection.opened", actor=actor, employer_id=employer_id,
                     object_type="inspection", object_id=inspection.id,
                     details={"ground": str(ground), "offers": len(chosen),
                              "conditions": codes, "due_on": inspection.due_on.isoformat()})
        notices.tell_employer(inspection, kind="inspection_opened",
                              due_on=inspection.due_on)
        notices.emit_opened(inspection)
    return inspection


def _create(employer_id: int, ground: InspectionGround, actor: Actor, codes: list[str],
            documents: str, today: date, disclosure: str | None = None) -> Inspection:
    deadline = inspection_request_deadline(today)
    inspection = Inspection(
        employer_id=employer_id, ground=ground, state=InspectionState.OPEN,
        opened_by=actor.user_id, opened_at=clock.now(), opened_on=today, conditions=codes,
        documents_requested=documents, due_on=deadline.due_on, disclosure=disclosure)
    db.session.add(inspection)
    db.session.flush()
    return inspection


def disclose(*, actor: Actor, condition: str, statement: str) -> Inspection:
    """The employer's voluntary disclosure (IMM 5964) of non-compliance with `condition`: an
    inspection on the ground voluntary_disclosure, opened on today, which the officer then
    completes. Raises DomainError (fields condition, statement)."""
    if actor.employer_id is None or actor.is_admin:
        raise NotFound(Message.of("inspection.not_found"))
    if get_condition(condition) is None:
        raise DomainError(Message.of("inspection.conditions_missing"), field="condition")
    statement = statement.strip()
    if not statement or len(statement) > DOCUMENTS_MAX:
        raise DomainError(Message.of("inspection.disclosure_missing"), field="statement")
    today = clock.today()
    with write_transaction():
        inspection = _create(actor.employer_id, InspectionGround.VOLUNTARY_DISCLOSURE, actor,
                             [condition], "", today, disclosure=statement)
        audit.record("inspection.disclosed", actor=actor, object_type="inspection",
                     object_id=inspection.id, details={"condition": condition})
        notices.emit_opened(inspection)
    return inspection

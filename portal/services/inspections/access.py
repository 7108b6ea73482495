"""Reading inspections: who may see which (admins: all; an employer: its own)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from portal.extensions import db
from portal.models import (
    Inspection,
    InspectionAnswer,
    InspectionDocument,
    InspectionFinding,
    InspectionOffer,
    Offer,
)
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.errors import NotFound


def _not_found() -> NotFound:
    return NotFound(Message.of("inspection.not_found"))


def load_inspection(*, inspection_id: int, actor: Actor, for_update: bool = False) -> Inspection:
    """The inspection if the actor may see it (an admin, or a user of its employer), else
    NotFound. `for_update` locks the row (inside a write transaction)."""
    stmt = select(Inspection).where(Inspection.id == inspection_id)
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    inspection = db.session.scalar(stmt)
    if inspection is None:
        raise _not_found()
    if not actor.is_admin and inspection.employer_id != actor.employer_id:
        raise _not_found()
    return inspection


def list_inspections(*, actor: Actor, employer_id: int | None = None) -> list[Inspection]:
    """Newest first: every inspection for an admin (or one employer's), the actor's own
    employer's otherwise."""
    stmt = select(Inspection).order_by(Inspection.opened_at.desc(), Inspection.id.desc())
    if not actor.is_admin:
        stmt = stmt.where(Inspection.employer_id == actor.employer_id)
    elif employer_id is not None:
        stmt = stmt.where(Inspection.employer_id == employer_id)
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class AnswerView:
    answer: InspectionAnswer
    documents: list[InspectionDocument]


@dataclass(frozen=True)
class InspectionFile:
    """An inspection with what its pages show: the offers in scope (numbers only), the
    employer's answers with their documents, and the officer's findings."""

    inspection: Inspection
    offers: list[Offer]
    answers: list[AnswerView]
    findings: list[InspectionFinding]

    def offer_number(self, offer_id: int | None) -> str | None:
        return next((o.number for o in self.offers if o.id == offer_id), None)


def scope_offers(inspection_id: int) -> list[Offer]:
    return list(db.session.scalars(
        select(Offer).join(InspectionOffer, InspectionOffer.offer_id == Offer.id)
        .where(InspectionOffer.inspection_id == inspection_id).order_by(Offer.number)))


def list_findings(inspection_id: int) -> list[InspectionFinding]:
    return list(db.session.scalars(
        select(InspectionFinding).where(InspectionFinding.inspection_id == inspection_id)
        .order_by(InspectionFinding.id)))


def get_inspection_file(*, inspection_id: int, actor: Actor) -> InspectionFile:
    """Everything about one inspection the actor may see. Raises NotFound."""
    inspection = load_inspection(inspection_id=inspection_id, actor=actor)
    answers = list(db.session.scalars(
        select(InspectionAnswer).where(InspectionAnswer.inspection_id == inspection.id)
        .order_by(InspectionAnswer.id)))
    documents = list(db.session.scalars(
        select(InspectionDocument).where(
            InspectionDocument.answer_id.in_([a.id for a in answers]))
        .order_by(InspectionDocument.id))) if answers else []
    return InspectionFile(
        inspection=inspection,
        offers=scope_offers(inspection.id),
        answers=[AnswerView(a, [d for d in documents if d.answer_id == a.id]) for a in answers],
        findings=list_findings(inspection.id),
    )


def get_document(*, inspection_id: int, document_id: int, actor: Actor) -> InspectionDocument:
    """A document of the inspection's answers, with its bytes. Raises NotFound."""
    inspection = load_inspection(inspection_id=inspection_id, actor=actor)
    document = db.session.scalar(
        select(InspectionDocument).join(InspectionAnswer)
        .where(InspectionDocument.id == document_id,
               InspectionAnswer.inspection_id == inspection.id))
    if document is None:
        raise _not_found()
    return document

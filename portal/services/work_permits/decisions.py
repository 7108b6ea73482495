"""Deciding simulated work permit applications (administrators), and the queue of them.

Guarantees of `decide_application`:
- only an administrator decides, and only a submitted application (Conflict otherwise: a
  decision is final); an application not matched to an offer can only be refused;
- approval issues a port-of-entry letter of introduction for an application made from outside
  Canada, and a work permit for one made inside Canada or at a port of entry (domain.md 9.4);
- refusal needs a reason and refunds the employer's compliance fee for the matched offer
  (R303.1(6), domain.md 4.3) as a refund requested (approved and issued later on business
  days by portal.services.offers.refunds, which tells the employer and emits refund.issued);
  the offer stays matched (it can never be used again);
- the decision, the refund and the messages to the employer commit together, audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import ApplicationStatus, Offer, Refund, WorkPermitApplication
from portal.models.enums import AppliesFrom, DecisionDocument, RefundCause
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.offers.lifecycle import refund_fee
from portal.services.webhooks import events as webhooks
from portal.services.work_permits.messages import notify_employer

REASON_MAX = 2000


@dataclass(frozen=True)
class PendingApplication:
    application: WorkPermitApplication
    offer: Offer | None
    # Not matched: the offer with the number the worker typed, if there is one (the
    # administrator sees what differs; the worker never does).
    typed_offer: Offer | None = None


def _pending(application: WorkPermitApplication) -> PendingApplication:
    typed = None
    if application.offer is None and application.offer_number and application.mismatch:
        typed = db.session.scalar(select(Offer).where(Offer.number == application.offer_number))
    return PendingApplication(application, application.offer, typed)


ADMIN_ONLY = Message.of("decision.admin_only")


def list_pending_applications(*, actor: Actor, limit: int = 100) -> list[PendingApplication]:
    """Submitted applications, oldest first, each with its matched offer (None for "Other" and
    open permits). Raises Forbidden for non-administrators."""
    require_admin(actor, ADMIN_ONLY)
    rows = db.session.scalars(
        select(WorkPermitApplication)
        .where(WorkPermitApplication.status == ApplicationStatus.SUBMITTED)
        .order_by(WorkPermitApplication.submitted_at, WorkPermitApplication.id)
        .limit(limit)
    )
    return [_pending(row) for row in rows]


def get_application(*, application_id: int, actor: Actor) -> PendingApplication:
    """One application with its offer, for an administrator. Raises Forbidden, NotFound."""
    require_admin(actor, ADMIN_ONLY)
    application = db.session.get(WorkPermitApplication, application_id)
    if application is None:
        raise NotFound(Message.of("application.not_found"))
    return _pending(application)


def decide_application(
    *, application_id: int, approve: bool, reason: str, actor: Actor, automatic: bool = False
) -> WorkPermitApplication:
    """Approve or refuse a submitted application. Commits once. Returns the application.

    Raises Forbidden (not an administrator), NotFound, Conflict (already decided),
    DomainError on field "reason" (a refusal without a reason). `automatic`: the sandbox's
    automatic decision (portal.services.work_permits.auto_decisions), so audited.
    """
    require_admin(actor, ADMIN_ONLY)
    reason = (reason or "").strip()[:REASON_MAX]
    if not approve and not reason:
        raise DomainError(Message.of("decision.reason_missing"), field="reason")
    with write_transaction():
        application = db.session.scalar(
            select(WorkPermitApplication)
            .where(WorkPermitApplication.id == application_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if application is None:
            raise NotFound(Message.of("application.not_found"))
        if application.status != ApplicationStatus.SUBMITTED:
            raise Conflict(Message.of("decision.already_decided"))
        application.decided_at = clock.now()
        application.decided_by_user_id = actor.user_id
        application.decision_reason = reason or None
        refund = None
        if approve and application.mismatched_fields:
            raise Conflict(Message.of("decision.not_matched"))
        if approve:
            application.status = ApplicationStatus.APPROVED
            application.decision_document = (
                DecisionDocument.POE_LETTER
                if application.applies_from == AppliesFrom.OUTSIDE
                else DecisionDocument.WORK_PERMIT
            )
        else:
            application.status = ApplicationStatus.REFUSED
            if application.offer is not None:
                refund = refund_fee(
                    offer=application.offer, cause=RefundCause.WORK_PERMIT_REFUSED, actor=actor
                )
        offer = application.offer
        _audit(application, refund, actor, automatic=automatic)
        if offer is not None:
            _notify(application, offer)
            webhooks.emit_decision(application, offer)
    return application


def _audit(application: WorkPermitApplication, refund: Refund | None, actor: Actor, *,
           automatic: bool) -> None:
    offer = application.offer
    audit.record(
        "work_permit.approved" if application.status == ApplicationStatus.APPROVED
        else "work_permit.refused",
        actor=actor,
        employer_id=offer.employer_id if offer is not None else None,
        object_type="work_permit_application",
        object_id=application.id,
        details={
            "number": application.number,
            "document": application.decision_document,
            "refund_id": refund.id if refund is not None else None,
            **({"automatic": True} if automatic else {}),
        },
    )


def _notify(application: WorkPermitApplication, offer: Offer) -> None:
    notify_employer(
        offer=offer,
        kind="decision",
        context={
            "offer_number": offer.number,
            "application_number": application.number,
            "approved": application.status == ApplicationStatus.APPROVED,
        },
    )

"""A refund of the compliance fee moves on: requested -> approved -> issued.

Guarantees:
- `progress(refund)`: where a refund is and the expected day of its next step, from the
  business days of portal.rules.refunds (the simulator's shortened timing; the real one is
  unverified, about eight weeks).
- `advance_refunds(today=...)` (the hourly task, on clock.today()): every refund whose next step
  is due on `today` takes it, each in its own transaction with the row locked and read again, so
  two consumers running it at once take each step once; a step already taken is never taken
  again. Approved: the employer's primary users are told, in their language, with the expected
  issue day. Issued: they are told, and refund.issued is emitted (ids, amounts and dates only).
  When both steps are due in one run (the clock jumped), the refund is approved and issued and
  only the issue is told. Each step is audited (offer.refund_approved, offer.refund_issued).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from portal.database import write_transaction
from portal.extensions import db
from portal.models import Offer, Payment, Refund, RefundState, Role, User
from portal.rules import refunds as rules
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.outbox import messages as outbox
from portal.services.webhooks import events as webhooks


@dataclass(frozen=True, slots=True)
class RefundProgress:
    state: RefundState
    requested_on: date
    approved_on: date | None
    issued_on: date | None
    expected_approved_on: date
    expected_issued_on: date

    approved_after: int = rules.APPROVED_AFTER_BUSINESS_DAYS
    issued_after: int = rules.ISSUED_AFTER_BUSINESS_DAYS
    real_timing_weeks: int = rules.REAL_TIMING_WEEKS

    @property
    def next_state(self) -> RefundState | None:
        return {RefundState.REQUESTED: RefundState.APPROVED,
                RefundState.APPROVED: RefundState.ISSUED}.get(self.state)

    @property
    def next_step_on(self) -> date | None:
        """The expected day of the next step (None once issued)."""
        return {RefundState.REQUESTED: self.expected_approved_on,
                RefundState.APPROVED: self.expected_issued_on}.get(self.state)


def progress(refund: Refund) -> RefundProgress:
    plan = rules.schedule(refund.requested_on)
    return RefundProgress(state=RefundState(refund.state), requested_on=refund.requested_on,
                          approved_on=refund.approved_on, issued_on=refund.issued_on,
                          expected_approved_on=plan.approved_on,
                          expected_issued_on=plan.issued_on)


@dataclass(frozen=True, slots=True)
class Advanced:
    approved: int = 0
    issued: int = 0


def _candidates(today: date) -> list[int]:
    return list(db.session.scalars(select(Refund.id).where(
        Refund.state != RefundState.ISSUED, Refund.requested_on < today).order_by(Refund.id)))


def _tell_employer(offer: Offer, *, kind: str, **context: Any) -> None:
    users = db.session.scalars(select(User).where(
        User.employer_id == offer.employer_id, User.role == Role.EMPLOYER_PRIMARY,
        User.is_active_account.is_(True)))
    for user in users:
        outbox.send(to_email=user.email, to_user_id=user.id, kind=kind,
                    language=user.preferred_language,
                    context={"offer_number": offer.number, **context})


def _audit(event: str, offer: Offer, refund: Refund) -> None:
    audit.record(event, actor=Actor.system(), employer_id=offer.employer_id,
                 object_type="offer", object_id=offer.id,
                 details={"refund_id": refund.id, "state": str(refund.state),
                          "amount_cents": refund.amount_cents})


def _advance(refund_id: int, today: date) -> tuple[bool, bool]:
    """Take the steps due on `today` of one refund: (approved now, issued now)."""
    with write_transaction():
        refund = db.session.scalar(select(Refund).where(Refund.id == refund_id)
                                   .with_for_update().execution_options(populate_existing=True))
        if refund is None or refund.state == RefundState.ISSUED:
            return False, False
        plan = rules.schedule(refund.requested_on)
        approve = refund.state == RefundState.REQUESTED and today >= plan.approved_on
        issue = today >= plan.issued_on
        if not (approve or issue):
            return False, False
        payment = db.session.get(Payment, refund.payment_id)
        offer = db.session.get(Offer, payment.offer_id) if payment is not None else None
        if offer is None:
            return False, False
        context = {"amount_cents": refund.amount_cents, "cause": refund.reason}
        if approve:
            refund.state, refund.approved_on = RefundState.APPROVED, today
            _audit("offer.refund_approved", offer, refund)
            if not issue:
                _tell_employer(offer, kind="refund_approved",
                               expected_on=plan.issued_on.isoformat(), **context)
        if issue:
            refund.state, refund.issued_on = RefundState.ISSUED, today
            db.session.flush()
            _audit("offer.refund_issued", offer, refund)
            _tell_employer(offer, kind="refund_issued", **context)
            webhooks.emit_refund(offer, refund)
        return approve, issue


def advance_refunds(*, today: date) -> Advanced:
    """Move every refund due on `today` one or two steps on. Commits per refund."""
    approved = issued = 0
    for refund_id in _candidates(today):
        did_approve, did_issue = _advance(refund_id, today)
        approved += did_approve
        issued += did_issue
    return Advanced(approved=approved, issued=issued)

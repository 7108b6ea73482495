"""The officer's decision: the document an approval issues, a refusal's reason and refund, who
decides, and the queue."""

from __future__ import annotations

from typing import cast

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ApplicationStatus, FeeStatus, Message, OfferStatus, Refund, User
from portal.services.actor import Actor
from portal.services.errors import Conflict, DomainError, Forbidden
from portal.services.work_permits.applications import submit_application
from portal.services.work_permits.decisions import decide_application, list_pending_applications
from tests.factories import AdminFactory, OfferFactory, UserFactory
from tests.refunds_helpers import issue_refunds
from tests.work_permits_helpers import WORKER, details_for


def admin_actor() -> Actor:
    admin = cast(User, AdminFactory())  # factory_boy's call is untyped: it makes a User
    return Actor(user_id=admin.id, is_admin=True)


def test_approval_from_outside_gives_a_port_of_entry_letter(app):
    offer = OfferFactory()
    application = submit_application(details=details_for(offer), actor=WORKER)
    decided = decide_application(application_id=application.id, approve=True, reason="",
                                 actor=admin_actor())
    assert decided.status == ApplicationStatus.APPROVED
    assert decided.decision_document == "poe_letter"
    assert decided.decided_at is not None


def test_approval_inside_canada_gives_a_work_permit(app):
    application = submit_application(
        details=details_for(None, permit_type="open", offer_number=None, open_code="C43",
                            applies_from="inside"),
        actor=WORKER,
    )
    decided = decide_application(application_id=application.id, approve=True, reason="",
                                 actor=admin_actor())
    assert decided.decision_document == "work_permit"


def test_refusal_refunds_the_employer_fee_and_keeps_the_offer_matched(app):
    user = UserFactory()
    offer = OfferFactory(employer=user.employer)
    application = submit_application(details=details_for(offer), actor=WORKER)
    decided = decide_application(application_id=application.id, approve=False,
                                 reason="Not a CUSMA profession.", actor=admin_actor())
    db.session.refresh(offer)
    assert decided.status == ApplicationStatus.REFUSED
    assert decided.decision_reason == "Not a CUSMA profession."
    assert offer.fee_status == FeeStatus.REFUNDED and offer.status == OfferStatus.MATCHED
    refund = db.session.scalar(select(Refund))
    assert refund is not None and refund.amount_cents == 23_000
    assert refund.state == "requested" and refund.requested_on == clock.today()

    def kinds() -> set[str]:
        return set(db.session.scalars(
            select(Message.kind).where(Message.recipient_user_id == user.id)))

    assert {"offer_matched", "decision"} <= kinds() and "refund_issued" not in kinds()
    issue_refunds()  # the hourly task, on the refund's business days
    assert {"refund_approved", "refund_issued"} <= kinds()
    [issued] = db.session.scalars(select(Message).where(Message.kind == "refund_issued"))
    assert "matched it was refused" in issued.body


def test_refusal_needs_a_reason_and_a_decision_is_final(app):
    offer = OfferFactory()
    application = submit_application(details=details_for(offer), actor=WORKER)
    actor = admin_actor()
    with pytest.raises(DomainError) as raised:
        decide_application(application_id=application.id, approve=False, reason=" ", actor=actor)
    assert raised.value.field == "reason"
    decide_application(application_id=application.id, approve=True, reason="", actor=actor)
    with pytest.raises(Conflict):
        decide_application(application_id=application.id, approve=False, reason="x", actor=actor)


def test_only_administrators_decide(app):
    offer = OfferFactory()
    application = submit_application(details=details_for(offer), actor=WORKER)
    with pytest.raises(Forbidden):
        decide_application(application_id=application.id, approve=True, reason="",
                           actor=Actor(user_id=None))


def test_pending_applications_are_listed_oldest_first_with_their_offer(app):
    first_offer, second_offer = OfferFactory(), OfferFactory()
    first = submit_application(details=details_for(first_offer), actor=WORKER)
    second = submit_application(details=details_for(second_offer), actor=WORKER)
    actor = admin_actor()
    pending = list_pending_applications(actor=actor)
    assert [p.application.id for p in pending] == [first.id, second.id]
    assert pending[0].offer is not None and pending[0].offer.number == first_offer.number
    decide_application(application_id=first.id, approve=True, reason="", actor=actor)
    assert [p.application.id for p in list_pending_applications(actor=actor)] == [second.id]

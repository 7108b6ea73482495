"""After a sandbox clock move the time-based work follows at once (issue 17 item 1), not at the
periodic tasks' next hourly run: the move queues, once it has committed, every task that reads
the clock (refund steps, exemption and ban endings, automatic decisions), so a refund whose day
came is issued, and its refund.issued webhook sent, as the move's command returns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db, queue
from portal.models import (
    ApplicationStatus,
    ComplianceExemption,
    ExemptionCategory,
    Message,
    Refund,
    RefundState,
)
from portal.rules import refunds as rules
from portal.services.offers.lifecycle import withdraw_offer
from portal.services.sandbox.clock import FOLLOW_UP_TASKS
from portal.services.webhooks import endpoints
from portal.services.webhooks.addresses import UrlPolicy
from portal.services.work_permits.applications import submit_application
from tests.admin_helpers import NOW, admin_client
from tests.factories import OfferFactory, UserFactory
from tests.jobs_helpers import tasks_at_once
from tests.offers_helpers import actor_for
from tests.work_permits_helpers import WORKER, details_for

TODAY = NOW.date()  # Tuesday 24 November 2026


@pytest.fixture
def sandbox(make_app):
    app = make_app(SANDBOX_CLOCK_ENABLED=True, SANDBOX_AUTO_DECIDE_AFTER_DAYS=3)
    with app.app_context():
        clock.freeze(NOW)
        yield app
        db.session.rollback()


def withdrawn_with_endpoint(receiver):
    user = UserFactory(preferred_language="fr")
    created = endpoints.create_endpoint(
        actor=actor_for(user), url=receiver.url, events=["refund.issued"],
        policy=UrlPolicy(https_only=False, allow_private=True))
    receiver.secret = created.secret
    offer = OfferFactory(employer=user.employer)
    withdraw_offer(offer_id=offer.id, actor=actor_for(user), reason="Position cancelled.")
    return user, offer


def refund_of(offer) -> Refund:
    db.session.commit()  # a fresh snapshot
    return db.session.scalars(select(Refund).join(Refund.payment)
                              .where(Refund.payment.has(offer_id=offer.id))).one()


def test_advancing_the_clock_issues_a_due_refund_and_sends_refund_issued_at_once(
        sandbox, receiver):
    user, offer = withdrawn_with_endpoint(receiver)
    issue_day = rules.schedule(TODAY).issued_on  # ten business days later
    runner = sandbox.test_cli_runner()
    with tasks_at_once():
        early = runner.invoke(args=["sandbox", "clock", "set",
                                    (issue_day - timedelta(days=1)).isoformat()])
        assert early.exit_code == 0, early.output
        assert refund_of(offer).state == RefundState.APPROVED  # its approval day passed
        assert receiver.received == []
        moved = runner.invoke(args=["sandbox", "clock", "advance", "--days", "1"])
    assert moved.exit_code == 0, moved.output
    refund = refund_of(offer)
    assert refund.state == RefundState.ISSUED and refund.issued_on == issue_day
    [arrived] = receiver.received  # no hourly run, no task run by hand
    assert arrived.verified and arrived.payload["type"] == "refund.issued"
    assert arrived.payload["data"]["refund"]["issued_on"] == issue_day.isoformat()
    told = list(db.session.scalars(select(Message.kind).where(
        Message.recipient_user_id == user.id).order_by(Message.id)))
    assert told[-1] == "refund_issued" and "refund_approved" in told


def test_the_admin_pages_move_decides_applications_and_announces_an_expired_exemption(sandbox):
    user = UserFactory(preferred_language="en")
    db.session.add(ComplianceExemption(
        employer_id=user.employer_id, category=ExemptionCategory.INTERNATIONAL_ORGANIZATION,
        legal_basis="R209.9", effective_date=TODAY, expiry_date=TODAY + timedelta(days=3)))
    offer = OfferFactory(employer=user.employer, worker_passport_number="XK120001")
    application = submit_application(details=details_for(offer), actor=WORKER)
    db.session.commit()
    client = admin_client(sandbox)
    with tasks_at_once():
        assert client.post("/admin/sandbox/clock/advance",
                           data={"days": "3"}).status_code == 302
    db.session.commit()
    db.session.refresh(application)
    assert application.status is ApplicationStatus.REFUSED  # 0001: offer not genuine
    kinds = set(db.session.scalars(select(Message.kind).where(
        Message.recipient_user_id == user.id)))
    assert "compliance_exemption_expired" in kinds


def test_a_move_queues_each_clock_task_once_and_a_refused_move_queues_nothing(sandbox):
    runner = sandbox.test_cli_runner()
    refused = runner.invoke(args=["sandbox", "clock", "set",
                                  (TODAY - timedelta(days=1)).isoformat()])
    assert refused.exit_code != 0 and queue.pending_count() == 0
    assert runner.invoke(args=["sandbox", "clock", "advance", "--days", "2"]).exit_code == 0
    assert queue.pending_count() == len(FOLLOW_UP_TASKS) == 3
    ran = [queue.huey.dequeue().name for _ in FOLLOW_UP_TASKS]
    assert sorted(ran) == sorted(FOLLOW_UP_TASKS)
    assert queue.huey.dequeue() is None

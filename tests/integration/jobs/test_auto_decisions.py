"""The sandbox's automatic decisions (issue 17 item 3): with SANDBOX_AUTO_DECIDE_AFTER_DAYS, the
every-minute task decides each submitted application that many (simulated) days after it was
submitted, by its passport number's test value (0001: refused, offer not genuine; 0002:
refused, health grounds; else approved), through the officer's decision service (refund,
messages, the work_permit.decided webhook), in the applicant's language, never twice and never
over an officer's decision; off, it never decides."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db, queue
from portal.models import ApplicationStatus, AuditEvent, Refund, WebhookEvent
from portal.services.work_permits.applications import submit_application
from portal.services.work_permits.decisions import decide_application
from tests.admin_helpers import NOW
from tests.factories import OfferFactory
from tests.inspections_helpers import admin_actor
from tests.jobs_helpers import tasks_at_once
from tests.unit.services.webhooks.test_events import subscribed_user
from tests.work_permits_helpers import WORKER, details_for


@pytest.fixture
def sandbox(make_app):
    app = make_app(SANDBOX_AUTO_DECIDE_AFTER_DAYS=2)
    with app.app_context():
        clock.freeze(NOW)
        yield app
        db.session.rollback()


def run_task() -> None:
    with tasks_at_once():
        queue.enqueue("decisions.auto_decide")
    db.session.commit()


def applied(user, passport: str, **changes):
    offer = OfferFactory(employer=user.employer, worker_passport_number=passport)
    return submit_application(details=details_for(offer, **changes), actor=WORKER)


def test_each_test_value_is_decided_after_the_days_and_not_before(sandbox):
    user = subscribed_user()
    genuine, medical, fine = (applied(user, p) for p in ("XK-120001", "XK120002", "XK120003"))
    clock.advance(timedelta(days=1, hours=23))
    run_task()
    assert {a.status for a in (genuine, medical, fine)} == {ApplicationStatus.SUBMITTED}
    clock.advance(timedelta(hours=1))
    run_task()
    run_task()  # again: nothing more
    for application in (genuine, medical, fine):
        db.session.refresh(application)
    assert genuine.status is ApplicationStatus.REFUSED
    assert "not satisfied that the offer of employment is genuine" in genuine.decision_reason
    assert medical.status is ApplicationStatus.REFUSED
    assert "inadmissible on health grounds" in medical.decision_reason
    assert fine.status is ApplicationStatus.APPROVED and fine.decision_reason is None
    assert len(db.session.scalars(select(Refund)).all()) == 2  # the refused offers' fees
    audited = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action.in_(["work_permit.approved", "work_permit.refused"]))).all()
    assert len(audited) == 3
    assert all(json.loads(e.details)["automatic"] is True for e in audited)
    decided = [json.loads(e.payload) for e in db.session.scalars(select(WebhookEvent))
               if json.loads(e.payload)["type"] == "work_permit.decided"]
    assert sorted(d["data"]["work_permit_application"]["status"] for d in decided) == [
        "approved", "refused", "refused"]


def test_the_reason_is_in_the_applicants_language(sandbox):
    user = subscribed_user()
    application = applied(user, "FR 99 0002", language="fr")
    clock.advance(timedelta(days=3))
    run_task()
    db.session.refresh(application)
    assert application.decision_reason.startswith(
        "Refusée : le demandeur est interdit de territoire pour motifs sanitaires")
    page = sandbox.test_client().post("/work-permit/status?lang=fr", data={
        "number": application.number, "date_of_birth": "1990-04-25"})
    assert "motifs sanitaires" in page.get_data(as_text=True)


def test_an_officers_decision_first_stands(sandbox):
    user = subscribed_user()
    application = applied(user, "XK120001")
    decide_application(application_id=application.id, approve=True, reason="",
                       actor=admin_actor())
    clock.advance(timedelta(days=5))
    run_task()
    db.session.refresh(application)
    assert application.status is ApplicationStatus.APPROVED
    assert db.session.scalars(select(Refund)).all() == []


def test_an_application_that_does_not_match_its_offer_is_refused_as_not_matched(sandbox):
    user = subscribed_user()
    offer = OfferFactory(employer=user.employer, worker_passport_number="XK120003")
    application = submit_application(details=details_for(offer, passport_number="ZZ999999"),
                                     actor=WORKER)
    assert application.mismatch
    clock.advance(timedelta(days=2))
    run_task()
    db.session.refresh(application)
    assert application.status is ApplicationStatus.REFUSED
    assert "does not match the offer of employment" in application.decision_reason


def test_off_it_never_decides(make_app):
    app = make_app(SANDBOX_AUTO_DECIDE_AFTER_DAYS=0)
    with app.app_context():
        clock.freeze(NOW)
        application = applied(subscribed_user(), "XK120003")
        clock.advance(timedelta(days=400))
        run_task()
        db.session.refresh(application)
        assert application.status is ApplicationStatus.SUBMITTED


def test_the_worker_is_told_of_the_test_values_while_it_is_on(sandbox):
    application = applied(subscribed_user(), "XK120003")
    page = sandbox.test_client().post("/work-permit/status?lang=en", data={
        "number": application.number, "date_of_birth": "1990-04-25"})
    html = page.get_data(as_text=True)
    assert "decided automatically 2 days after it was submitted" in html

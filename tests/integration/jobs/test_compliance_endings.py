"""Exemptions and bans end on their date: the periodic task tells the employer (outbox, in
their language; employer.exemption_changed to its webhooks), once, however often it runs."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db, queue
from portal.models import ComplianceExemption, EmployerBan, ExemptionCategory, Message, WebhookEvent
from portal.services.webhooks import endpoints
from portal.services.webhooks.addresses import UrlPolicy
from tests.factories import UserFactory
from tests.jobs_helpers import tasks_at_once
from tests.offers_helpers import actor_for

DAY = date(2026, 6, 1)


def at(day: date) -> None:
    clock.freeze(datetime(day.year, day.month, day.day, 9, tzinfo=clock.now().tzinfo))


def run_task() -> dict:
    with tasks_at_once():
        queue.enqueue("compliance.announce_endings")
    db.session.commit()
    return {}


def kinds(user) -> list[str]:
    return list(db.session.scalars(select(Message.kind).where(
        Message.recipient_user_id == user.id).order_by(Message.id)))


def test_an_expired_exemption_is_announced_once_with_its_webhook(app):
    user = UserFactory(preferred_language="fr")
    endpoints.create_endpoint(actor=actor_for(user), url="https://hooks.example.com/",
                              events=["employer.exemption_changed"],
                              policy=UrlPolicy(https_only=False, allow_private=False))
    db.session.add(ComplianceExemption(
        employer_id=user.employer_id, category=ExemptionCategory.INTERNATIONAL_ORGANIZATION,
        legal_basis="R209.9", effective_date=DAY, expiry_date=DAY + timedelta(days=30)))
    db.session.commit()
    at(DAY + timedelta(days=29))  # the last day it applies
    run_task()
    assert kinds(user) == []
    at(DAY + timedelta(days=30))  # the expiry date: no longer in force
    run_task()
    run_task()  # again: nothing new
    assert kinds(user) == ["compliance_exemption_expired"]
    message = db.session.scalars(select(Message)).one()
    assert message.language == "fr" and "a pris fin le 1er juillet 2026" in message.body
    [event] = db.session.scalars(select(WebhookEvent)).all()
    payload = json.loads(event.payload)
    assert payload["type"] == "employer.exemption_changed"
    assert payload["data"]["change"] == "expired"
    assert payload["data"]["exemption"]["expiry_date"] == "2026-07-01"


def test_a_ban_is_announced_the_day_after_its_last_day_and_a_lifted_one_never(app):
    user = UserFactory()
    db.session.add_all([
        EmployerBan(employer_id=user.employer_id, reason="Wages lower than offered",
                    start_date=DAY, end_date=DAY + timedelta(days=10)),
        EmployerBan(employer_id=user.employer_id, reason="Overturned", start_date=DAY,
                    end_date=DAY + timedelta(days=5), lifted_at=clock.now(),
                    lift_reason="Overturned on review"),
        EmployerBan(employer_id=user.employer_id, reason="Permanent", start_date=DAY),
    ])
    db.session.commit()
    at(DAY + timedelta(days=10))  # its last day: still in force
    run_task()
    assert kinds(user) == []
    at(DAY + timedelta(days=11))
    run_task()
    run_task()
    assert kinds(user) == ["compliance_ban_ended"]
    message = db.session.scalars(select(Message)).one()
    assert "ended on June 11, 2026" in message.body
    assert "Wages" not in message.body  # the finding's text is not repeated


def test_a_revoked_exemption_is_not_announced_as_expired(app):
    user = UserFactory()
    db.session.add(ComplianceExemption(
        employer_id=user.employer_id, category=ExemptionCategory.FOREIGN_GOVERNMENT,
        legal_basis="R209.9", effective_date=DAY, expiry_date=DAY + timedelta(days=3),
        revoked_at=clock.now(), revoke_reason="Granted in error"))
    db.session.commit()
    at(DAY + timedelta(days=5))
    run_task()
    assert kinds(user) == []

"""A refund moves requested -> approved -> issued on Canadian business days (issue 17 item 1):
the hourly task takes each step on its day and not before, once however often it runs; the
employer is told once at each step in their language, and refund.issued is sent once, at issue,
without the worker's personal data."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import cast

from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, Message, Offer, Refund, User, WebhookEvent
from portal.services.offers.lifecycle import withdraw_offer
from portal.services.webhooks import endpoints
from portal.services.webhooks.addresses import UrlPolicy
from tests.factories import OfferFactory, UserFactory
from tests.offers_helpers import actor_for
from tests.refunds_helpers import move_to, run_refunds_task

# Thursday 26 November 2026: approved Thursday 3 December, issued Thursday 10 December
# (five and ten business days; the weekends do not count).
REQUESTED, APPROVED, ISSUED = date(2026, 11, 26), date(2026, 12, 3), date(2026, 12, 10)


def withdrawn(user: User) -> Offer:
    clock.freeze(datetime(2026, 11, 26, 14, 0, tzinfo=UTC))
    offer = cast(Offer, OfferFactory(employer=user.employer))
    withdraw_offer(offer_id=offer.id, actor=actor_for(user), reason="Position cancelled.")
    return offer


def subscribed(language: str = "en") -> User:
    user = cast(User, UserFactory(preferred_language=language))
    endpoints.create_endpoint(actor=actor_for(user), url="https://hooks.example.com/portal",
                              events=["refund.issued"],
                              policy=UrlPolicy(https_only=False, allow_private=False))
    return user


def told(user: User, kind: str) -> list[Message]:
    return list(db.session.scalars(select(Message).where(
        Message.recipient_user_id == user.id, Message.kind == kind)))


def refund() -> Refund:
    db.session.expire_all()
    row = db.session.scalar(select(Refund))
    assert row is not None
    return row


def issued_events() -> list[dict]:
    return [json.loads(e.payload) for e in db.session.scalars(
        select(WebhookEvent).where(WebhookEvent.type == "refund.issued"))]


def audited(action: str) -> int:
    return db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == action)) or 0


def test_each_step_on_its_business_day_and_not_before_told_once(app):
    user = subscribed()
    offer = withdrawn(user)
    assert (refund().state, refund().requested_on) == ("requested", REQUESTED)
    run_refunds_task()
    move_to(date(2026, 12, 2))  # the fourth business day
    run_refunds_task()
    assert refund().state == "requested" and told(user, "refund_approved") == []

    move_to(APPROVED)
    run_refunds_task()
    run_refunds_task()  # again: nothing new
    assert (refund().state, refund().approved_on, refund().issued_on) == ("approved", APPROVED,
                                                                          None)
    [approved] = told(user, "refund_approved")
    assert approved.subject == f"Refund approved: employer compliance fee for offer {offer.number}"
    assert "$230" in approved.body and "2026-12-10" in approved.body
    assert "not verified" in approved.body
    assert issued_events() == [] and told(user, "refund_issued") == []

    move_to(date(2026, 12, 9))
    run_refunds_task()
    assert refund().state == "approved" and issued_events() == []

    move_to(ISSUED)
    run_refunds_task()
    run_refunds_task()
    assert (refund().state, refund().issued_on) == ("issued", ISSUED)
    [issued] = told(user, "refund_issued")
    assert "because the offer was withdrawn" in issued.body
    [event] = issued_events()
    assert event["data"]["refund"] | {"state": "issued", "requested_on": "2026-11-26",
                                      "approved_on": "2026-12-03", "issued_on": "2026-12-10",
                                      "amount_cents": 23_000} == event["data"]["refund"]
    raw = json.dumps(event)
    for personal in (offer.worker_passport_number, offer.worker_family_name,
                     "Position cancelled."):
        assert personal not in raw
    move_to(date(2026, 12, 31))
    run_refunds_task()
    assert len(told(user, "refund_approved")) == len(told(user, "refund_issued")) == 1
    assert len(issued_events()) == 1
    assert audited("offer.refund_approved") == audited("offer.refund_issued") == 1


def test_the_employer_is_told_in_french(app):
    user = subscribed("fr")
    offer = withdrawn(user)
    move_to(APPROVED)
    run_refunds_task()
    [approved] = told(user, "refund_approved")
    assert approved.language == "fr"
    assert approved.subject == ("Remboursement approuvé : frais de conformité de l'employeur "
                                f"pour l'offre {offer.number}")
    assert "230\xa0$" in approved.body and "2026-12-10" in approved.body
    move_to(ISSUED)
    run_refunds_task()
    [issued] = told(user, "refund_issued")
    assert "parce que l'offre a été retirée" in issued.body and "withdrawn" not in issued.body


def test_a_clock_jumped_past_both_steps_issues_once_and_tells_the_issue(app):
    user = subscribed()
    withdrawn(user)
    move_to(date(2027, 1, 15))
    run_refunds_task()
    row = refund()
    assert (row.state, row.approved_on, row.issued_on) == ("issued", date(2027, 1, 15),
                                                           date(2027, 1, 15))
    assert told(user, "refund_approved") == [] and len(told(user, "refund_issued")) == 1
    assert len(issued_events()) == 1

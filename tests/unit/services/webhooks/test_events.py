"""Webhook events join the transaction of the change they report (an outbox): each service
emits its event, with ids, numbers, statuses and timestamps and no personal data; a change
rolled back leaves no event; endpoints, their URLs and their events are checked."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import cast

import pytest
from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db, queue
from portal.models import (
    ExemptionCategory,
    User,
    WebhookDelivery,
    WebhookEvent,
    WebhookEventType,
)
from portal.services.actor import Actor
from portal.services.compliance.bans import record_ban
from portal.services.compliance.exemptions import (
    ExemptionTerms,
    grant_exemption,
    revoke_exemption,
)
from portal.services.errors import DomainError, Forbidden, NotFound
from portal.services.offers.lifecycle import withdraw_offer
from portal.services.webhooks import delivery, endpoints, events
from portal.services.webhooks.addresses import UrlPolicy, check_url, refused_address
from portal.services.work_permits.applications import submit_application
from portal.services.work_permits.decisions import decide_application
from tests.factories import AdminFactory, OfferFactory, UserFactory
from tests.offers_helpers import actor_for
from tests.refunds_helpers import issue_refunds
from tests.work_permits_helpers import WORKER, details_for

PUBLIC = UrlPolicy(https_only=False, allow_private=False)
ALL = [member.value for member in WebhookEventType]


def admin_actor() -> Actor:
    admin = cast(User, AdminFactory())
    return Actor(user_id=admin.id, is_admin=True)


def subscribed_user(events=ALL):
    user = UserFactory()
    endpoints.create_endpoint(actor=actor_for(user), url="https://hooks.example.com/portal",
                              events=events, policy=PUBLIC)
    return user


def stored_events() -> list[dict]:
    db.session.commit()
    return [json.loads(e.payload) for e in db.session.scalars(
        select(WebhookEvent).order_by(WebhookEvent.id))]


def test_withdrawal_emits_offer_withdrawn_then_refund_issued_when_the_refund_is_issued(app):
    user = subscribed_user()
    offer = OfferFactory(employer=user.employer)
    withdraw_offer(offer_id=offer.id, actor=actor_for(user), reason="Position cancelled.")
    [withdrawn] = stored_events()  # the refund is only requested: no refund.issued yet
    assert withdrawn["type"] == "offer.withdrawn"
    assert withdrawn["data"]["offer"]["status"] == "withdrawn"
    assert withdrawn["data"]["offer"]["number"] == offer.number
    # One delivery task for the event, and the new version's PDFs, asked for after the commit.
    assert queue.pending_count() == 2
    issue_refunds()
    _, refunded = stored_events()
    assert refunded["type"] == "refund.issued"
    assert refunded["data"]["refund"]["amount_cents"] == 23_000
    assert refunded["data"]["refund"]["state"] == "issued"
    assert refunded["data"]["refund"]["issued_on"] == clock.today().isoformat()
    assert refunded["data"]["offer"]["fee_status"] == "refunded"


def test_a_match_and_a_decision_emit_their_events_without_the_workers_data(app):
    user = subscribed_user()
    offer = OfferFactory(employer=user.employer)
    application = submit_application(details=details_for(offer), actor=WORKER)
    decide_application(application_id=application.id, approve=False, reason="Not eligible.",
                       actor=admin_actor())
    kinds = [e["type"] for e in stored_events()]
    assert kinds == ["offer.matched", "work_permit.decided"]
    decided = stored_events()[-1]["data"]
    assert decided["work_permit_application"]["status"] == "refused"
    assert decided["work_permit_application"]["number"] == application.number
    raw = "".join(e.payload for e in db.session.scalars(select(WebhookEvent)))
    for personal in (offer.worker_passport_number, "Rivera", "Ana", "1990-04-25",
                     "Not eligible."):
        assert personal not in raw
    issue_refunds()
    assert [e["type"] for e in stored_events()][-1] == "refund.issued"
    raw = "".join(e.payload for e in db.session.scalars(select(WebhookEvent)))
    for personal in (offer.worker_passport_number, "Rivera", "Ana", "1990-04-25",
                     "Not eligible."):
        assert personal not in raw


def test_exemption_changes_and_a_ban_emit_their_events(app):
    user = subscribed_user()
    admin = admin_actor()
    exemption = grant_exemption(actor=admin, employer_id=user.employer_id, terms=ExemptionTerms(
        category=ExemptionCategory.FOREIGN_GOVERNMENT, legal_basis="R209.9",
        effective_date=clock.today(), expiry_date=clock.today() + timedelta(days=30), note=""))
    revoke_exemption(actor=admin, exemption_id=exemption.id, reason="Granted in error.")
    record_ban(actor=admin, employer_id=user.employer_id, reason="Wages lower than offered",
               reason_fr="Salaires inférieurs à ceux offerts", start_date=date(2026, 1, 1),
               end_date=date(2027, 12, 31), penalty_cents=50_000)
    granted, revoked, banned = stored_events()
    assert granted["type"] == revoked["type"] == "employer.exemption_changed"
    assert (granted["data"]["change"], revoked["data"]["change"]) == ("granted", "revoked")
    assert granted["data"]["exemption"]["category"] == "foreign_government"
    assert banned["type"] == "employer.banned"
    assert banned["data"]["ban"] | {"end_date": "2027-12-31", "penalty_cents": 50_000} \
        == banned["data"]["ban"]
    assert "Wages" not in json.dumps(banned)  # the finding's free text stays out


def test_an_event_rolled_back_with_its_change_leaves_nothing(app):
    user = subscribed_user()
    offer = OfferFactory(employer=user.employer)
    def failing_change() -> None:
        with write_transaction():
            events.emit_offer(WebhookEventType.OFFER_SUBMITTED, offer)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        failing_change()
    assert stored_events() == [] and queue.pending_count() == 0


def test_only_subscribed_enabled_endpoints_get_deliveries(app):
    user = subscribed_user(events=["offer.withdrawn"])
    off = endpoints.create_endpoint(actor=actor_for(user), url="https://b.example.com/",
                                    events=ALL, policy=PUBLIC).endpoint
    endpoints.update_endpoint(actor=actor_for(user), endpoint_id=off.id, enabled=False)
    offer = OfferFactory(employer=user.employer)
    withdraw_offer(offer_id=offer.id, actor=actor_for(user), reason="Position cancelled.")
    issue_refunds()
    assert [e["type"] for e in stored_events()] == ["offer.withdrawn"]  # no refund.issued
    assert len(db.session.scalars(select(WebhookDelivery)).all()) == 1


def test_the_secret_is_shown_once_and_only_the_primary_user_manages_endpoints(app):
    user = UserFactory()
    created = endpoints.create_endpoint(actor=actor_for(user), url="https://x.example.com/h",
                                        events=["offer.paid"], policy=PUBLIC)
    assert created.secret.startswith("whsec_") and len(created.secret) > 30
    assert created.endpoint.event_types == ["offer.paid"]
    colleague = UserFactory(employer=user.employer, role="employer_secondary")
    with pytest.raises(Forbidden):
        endpoints.list_endpoints(actor=actor_for(colleague))
    other = UserFactory()
    with pytest.raises(NotFound):
        endpoints.get_endpoint(actor=actor_for(other), endpoint_id=created.endpoint.id)
    endpoints.delete_endpoint(actor=actor_for(user), endpoint_id=created.endpoint.id)
    assert endpoints.list_endpoints(actor=actor_for(user)) == []


@pytest.mark.parametrize("url", [
    "ftp://hooks.example.com/", "https://", "https://user:pw@hooks.example.com/",
    "https://hooks.example.com:99999/", "hooks.example.com/path",
])
def test_bad_urls_are_refused(app, url):
    with pytest.raises(DomainError) as refused:
        check_url(url, policy=PUBLIC)
    assert refused.value.field == "url"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/", "http://10.1.2.3/", "http://192.168.0.9/",
    "http://169.254.169.254/latest", "http://[::1]/", "http://[fe80::1]/", "http://224.0.0.1/",
    "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/",
])
def test_private_addresses_are_refused_unless_allowed(app, url):
    with pytest.raises(DomainError) as refused:
        check_url(url, policy=PUBLIC)
    assert refused.value.message.code == "webhook.url_private"
    if "224.0.0.1" not in url:
        assert check_url(url, policy=UrlPolicy(https_only=False, allow_private=True)) == url


def test_production_takes_https_only(app):
    with pytest.raises(DomainError) as refused:
        check_url("http://hooks.example.com/", policy=UrlPolicy(https_only=True,
                                                                 allow_private=False))
    assert refused.value.message.code == "webhook.url_https"
    assert refused_address("93.184.216.34", allow_private=False) is None
    assert refused_address("100.64.0.1", allow_private=False) == "private"  # shared (CGNAT)


def test_events_are_checked(app):
    user = UserFactory()
    for bad in ([], ["offer.exploded"]):
        with pytest.raises(DomainError) as refused:
            endpoints.create_endpoint(actor=actor_for(user), url="https://a.example.com/",
                                      events=bad, policy=PUBLIC)
        assert refused.value.field == "events"


def test_the_retry_schedule_starts_at_five_seconds_and_lasts_about_a_day(app):
    import random
    rng = random.Random(7)
    expected = [5, 300, 1800, 7200, 18000, 36000, 36000]
    for attempt, base in enumerate(expected, start=1):
        for _ in range(20):
            delay = delivery.retry_delay(attempt, rng=rng).total_seconds()
            assert 0.8 * base <= delay <= 1.2 * base
    assert delivery.retry_delay(8) is None  # the eighth attempt was the last
    assert timedelta(hours=26) < sum(delivery.RETRY_DELAYS, timedelta()) < timedelta(hours=29)

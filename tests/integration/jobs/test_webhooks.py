"""Webhooks on the queue: an offer's events reach a real receiver on loopback, signed by the
Standard Webhooks specification and verified there with the `standardwebhooks` library; failed
attempts (500s, a timeout, a redirect) are kept and retried with the same webhook-id, on the
schedule; a replay and a test event arrive; a private address is refused."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db, queue
from portal.models import Message, WebhookDelivery, WebhookDeliveryState, WebhookEndpoint
from portal.services.webhooks import delivery, endpoints
from portal.services.webhooks.addresses import UrlPolicy
from tests.jobs_helpers import tasks_at_once
from tests.offers_helpers import WORKER, actor_for, complete_draft
from tests.webhook_helpers import Receiver, Reply

LOOPBACK = UrlPolicy(https_only=False, allow_private=True)




def subscribe(user, receiver: Receiver, events=("offer.submitted", "offer.paid")):
    created = endpoints.create_endpoint(actor=actor_for(user), url=receiver.url, events=events,
                                        policy=LOOPBACK)
    receiver.secret = created.secret
    return created.endpoint


def pay(client, offer_id: int):
    r = client.post(f"/employer/offers/{offer_id}/pay", data={
        "card_number": "4242 4242 4242 4242", "expiry": "12/29", "cvc": "123",
        "idempotency_key": f"webhook-test-key-{offer_id}-0000", "pay": "1"})
    assert r.status_code == 302, r.text


def deliveries(endpoint_id: int) -> list[WebhookDelivery]:
    db.session.commit()  # a fresh snapshot
    return list(db.session.scalars(select(WebhookDelivery).where(
        WebhookDelivery.endpoint_id == endpoint_id).order_by(WebhookDelivery.id)))


def test_a_submitted_offer_reaches_the_receiver_signed_and_verifiable(
        client, signed_in, receiver, immediate):
    endpoint = subscribe(signed_in, receiver)
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    assert receiver.types() == ["offer.paid", "offer.submitted"]
    assert all(r.verified for r in receiver.received), "standardwebhooks rejected a signature"
    paid, submitted = (r.payload for r in receiver.received)
    number = submitted["data"]["offer"]["number"]
    assert re.fullmatch(r"A\d{7}", number)
    assert submitted["data"]["offer"] | {"status": "pending", "fee_status": "paid",
                                         "id": offer.id} == submitted["data"]["offer"]
    assert paid["data"]["payment"]["amount_cents"] == 23000
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", submitted["timestamp"])
    for r in receiver.received:
        assert re.fullmatch(r"msg_[\w-]{20,}", r.webhook_id)
        assert r.headers["webhook-signature"].startswith("v1,")
        assert r.headers["content-type"] == "application/json"
        for personal in (WORKER["worker_passport_number"], WORKER["worker_family_name"],
                         WORKER["worker_given_names"], "1990-04-25"):
            assert personal.encode() not in r.body
    assert len({r.webhook_id for r in receiver.received}) == 2
    rows = deliveries(endpoint.id)
    assert [row.state for row in rows] == [WebhookDeliveryState.DELIVERED] * 2
    assert rows[0].response_status == 200 and rows[0].response_excerpt == '{"ok": true}'
    assert rows[0].attempts == 1 and rows[0].duration_ms is not None


def test_an_endpoint_gets_only_the_events_it_subscribed_to(client, signed_in, receiver,
                                                           immediate):
    subscribe(signed_in, receiver, events=["offer.withdrawn"])
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    assert receiver.received == []
    r = client.post(f"/employer/offers/{offer.id}/withdraw",
                    data={"reason": "The worker declined the offer.", "confirm": "y"})
    assert r.status_code == 302, r.text
    assert receiver.types() == ["offer.withdrawn"]
    assert receiver.received[0].payload["data"]["offer"]["status"] == "withdrawn"


def test_500s_are_retried_on_the_schedule_with_the_same_webhook_id(app, signed_in, receiver,
                                                                   immediate):
    clock.freeze(clock.now())
    receiver.replies = [Reply(500), Reply(500)]
    endpoint = subscribe(signed_in, receiver)
    sent = delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    [row] = deliveries(endpoint.id)
    assert row.state == WebhookDeliveryState.RETRYING and row.error == "HTTP 500"
    assert row.response_status == 500
    wait = row.next_attempt_at - clock.now()
    assert timedelta(seconds=4) <= wait <= timedelta(seconds=6)  # 5 s, with jitter
    assert queue.scheduled_count() == 1  # the retry waits in the queue's schedule
    # Not yet due: asked for early, it does nothing.
    queue.enqueue("webhooks.deliver", delivery_id=sent.id)
    assert len(receiver.received) == 1
    clock.advance(timedelta(seconds=6))
    queue.enqueue("webhooks.deliver", delivery_id=sent.id)
    [row] = deliveries(endpoint.id)
    wait = row.next_attempt_at - clock.now()
    assert row.attempts == 2 and timedelta(minutes=4) <= wait <= timedelta(minutes=6)
    clock.advance(timedelta(minutes=6))
    queue.enqueue("webhooks.deliver", delivery_id=sent.id)
    [row] = deliveries(endpoint.id)
    assert row.state == WebhookDeliveryState.DELIVERED and row.attempts == 3
    assert len(receiver.received) == 3 and all(r.verified for r in receiver.received)
    assert len({r.webhook_id for r in receiver.received}) == 1
    assert len(receiver.effects) == 1  # deduped by webhook-id: one effect
    assert receiver.types() == ["webhook.test"] * 3
    # Delivered is final: asked for again, nothing is sent.
    queue.enqueue("webhooks.deliver", delivery_id=sent.id)
    assert len(receiver.received) == 3


def test_a_timeout_is_a_failed_attempt(make_app, app, signed_in, receiver):
    slow = make_app(WEBHOOKS_TIMEOUT_SECONDS=0.3, QUEUE_IMMEDIATE=True)
    try:
        with slow.app_context():
            receiver.replies = [Reply(200, delay=1.0)]
            endpoint = subscribe(signed_in, receiver)
            delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
            [row] = deliveries(endpoint.id)
            assert row.state == WebhookDeliveryState.RETRYING and row.error == "timeout"
            assert row.response_status is None
    finally:
        queue.huey.immediate = False


def test_a_redirect_is_not_followed(app, signed_in, receiver, immediate):
    elsewhere = Receiver()
    try:
        receiver.replies = [Reply(302, location=elsewhere.url)]
        endpoint = subscribe(signed_in, receiver)
        delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
        [row] = deliveries(endpoint.id)
        assert row.state == WebhookDeliveryState.RETRYING
        assert row.error == "HTTP 302: redirect not followed" and row.response_status == 302
        assert elsewhere.received == []
    finally:
        elsewhere.stop()


def test_a_private_address_is_refused_when_resolved(make_app, app, signed_in, receiver):
    strict = make_app(WEBHOOKS_ALLOW_PRIVATE=False, QUEUE_IMMEDIATE=True)
    try:
        with strict.app_context():
            endpoint = subscribe(signed_in, receiver)  # made while loopback was allowed
            endpoint_row = db.session.get(WebhookEndpoint, endpoint.id)
            endpoint_row.url = endpoint_row.url.replace("127.0.0.1", "localhost")
            db.session.commit()
            delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
            [row] = deliveries(endpoint.id)
            assert row.error == "address refused: loopback"
            assert receiver.received == []
    finally:
        queue.huey.immediate = False


def test_a_replay_arrives_again_with_the_same_webhook_id(app, signed_in, receiver, immediate):
    endpoint = subscribe(signed_in, receiver)
    first = delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    again = delivery.replay(actor=actor_for(signed_in), delivery_id=first.id)
    assert again.id != first.id
    assert [r.webhook_id for r in receiver.received] == [receiver.received[0].webhook_id] * 2
    assert all(r.verified for r in receiver.received) and len(receiver.effects) == 1
    views = delivery.list_deliveries(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    assert [v.delivery.state for v in views] == [WebhookDeliveryState.DELIVERED] * 2
    assert views[0].delivery.replay_of_id == first.id


def test_an_endpoint_failing_for_five_days_is_disabled_and_its_owner_told(
        app, signed_in, receiver, immediate):
    clock.freeze(clock.now())
    receiver.replies = [Reply(503)] * 3
    endpoint = subscribe(signed_in, receiver)
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    assert db.session.get(WebhookEndpoint, endpoint.id).failing_since == clock.now()
    clock.advance(timedelta(days=4, hours=23))
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    db.session.commit()
    assert db.session.get(WebhookEndpoint, endpoint.id).enabled
    clock.advance(timedelta(hours=1))
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    db.session.commit()
    row = db.session.get(WebhookEndpoint, endpoint.id)
    assert not row.enabled and row.disabled_at == clock.now()
    [notice] = db.session.scalars(select(Message).where(
        Message.kind == "webhook_endpoint_disabled")).all()
    assert notice.recipient_user_id == signed_in.id
    assert "127.0.0.1" in notice.body and "5" in notice.body
    # Disabled: what is still due fails without a request.
    assert all(r.state == WebhookDeliveryState.FAILED for r in deliveries(endpoint.id))
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    assert len(receiver.received) == 3
    assert deliveries(endpoint.id)[-1].error == "endpoint disabled"


def test_a_success_ends_the_streak_of_failures(app, signed_in, receiver, immediate):
    receiver.replies = [Reply(500)]
    endpoint = subscribe(signed_in, receiver)
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    assert db.session.get(WebhookEndpoint, endpoint.id).failing_since is not None
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    db.session.commit()
    assert db.session.get(WebhookEndpoint, endpoint.id).failing_since is None


# real_commits: the delivery task runs (immediate mode) inside the sweep task's app context; on
# one shared test connection the sweep's savepoint rollback would undo the inner task's update.
@pytest.mark.real_commits
def test_the_sweep_delivers_what_a_lost_task_left_due(app, signed_in, receiver):
    endpoint = subscribe(signed_in, receiver)
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    queue.flush()  # the task was lost (a consumer killed while holding it)
    assert receiver.received == []
    with tasks_at_once():
        queue.enqueue("jobs.sweep")
    assert len(receiver.received) == 1 and receiver.received[0].verified
    assert deliveries(endpoint.id)[0].state == WebhookDeliveryState.DELIVERED


def test_nothing_is_stored_or_sent_for_an_employer_without_endpoints(client, signed_in,
                                                                     immediate):
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    from portal.models import WebhookEvent
    assert db.session.scalars(select(WebhookEvent)).all() == []


def test_the_payload_is_the_stored_event_exactly(app, signed_in, receiver, immediate):
    endpoint = subscribe(signed_in, receiver)
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    body = json.loads(receiver.received[0].body)
    assert body["type"] == "webhook.test" and body["data"]["endpoint"]["id"] == endpoint.id


def test_the_secret_is_never_logged_nor_audited(app, signed_in, receiver, immediate, caplog):
    import logging

    from portal.models import AuditEvent
    caplog.set_level(logging.DEBUG)
    receiver.replies = [Reply(500)]
    endpoint = subscribe(signed_in, receiver)
    delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
    assert "webhook.attempt" in caplog.text  # the attempt was logged...
    secret = receiver.secret
    assert secret and secret not in caplog.text  # ...without the secret
    assert secret.removeprefix("whsec_") not in caplog.text
    details = " ".join(str(e.details) for e in db.session.scalars(select(AuditEvent)))
    assert "webhook.endpoint_created" in " ".join(
        e.action for e in db.session.scalars(select(AuditEvent)))
    assert secret not in details


def test_production_sends_to_https_only(make_app, app, signed_in, receiver):
    strict = make_app(WEBHOOKS_HTTPS_ONLY=True, QUEUE_IMMEDIATE=True)
    try:
        with strict.app_context():
            endpoint = subscribe(signed_in, receiver)  # made where http was allowed
            delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
            [row] = deliveries(endpoint.id)
            assert row.error == "URL refused: https only" and receiver.received == []
    finally:
        queue.huey.immediate = False


def test_an_https_endpoint_is_reached_over_tls_and_its_certificate_checked(
        app, signed_in, immediate, tmp_path, monkeypatch):
    import ssl

    from tests.integration.jobs.test_email_starttls import self_signed
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    secure = Receiver(tls=context)
    try:
        endpoint = subscribe(signed_in, secure)
        delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
        [row] = deliveries(endpoint.id)
        assert row.error.startswith("TLS error") and secure.received == []  # not trusted
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # now the portal trusts it
        delivery.send_test_event(actor=actor_for(signed_in), endpoint_id=endpoint.id)
        assert deliveries(endpoint.id)[-1].state == WebhookDeliveryState.DELIVERED
        assert len(secure.received) == 1 and secure.received[0].verified
    finally:
        secure.stop()

"""Email and webhooks through a real consumer process (`flask jobs worker`), on Huey's SQLite
storage or on TEST_QUEUE_URL (Redis): a failed attempt is retried by the consumer about 5 s
later, and a consumer killed in the middle of a webhook delivery leads to exactly one effect
per webhook-id at the receiver (the next consumer sends it again, with the same id)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from portal.database import write_transaction
from portal.extensions import db, queue
from portal.models import DeliveryState, Message, WebhookDelivery, WebhookDeliveryState
from portal.services.outbox import messages as outbox
from portal.services.webhooks import delivery, endpoints
from portal.services.webhooks.addresses import UrlPolicy
from tests.email_helpers import SmtpServer
from tests.factories import UserFactory
from tests.jobs_helpers import ConsumerProcess, new_queue_name, queue_url, wait_for
from tests.offers_helpers import actor_for
from tests.webhook_helpers import Receiver, Reply


@pytest.fixture
def queue_settings(tmp_path) -> tuple[str, str]:
    return queue_url(tmp_path), new_queue_name()


def consumer(database_url: str, settings: tuple[str, str], **env: str) -> ConsumerProcess:
    url, name = settings
    return ConsumerProcess(database_url=database_url, queue_url=url, queue_name=name, env=env)


def subscribe(user, receiver: Receiver) -> int:
    created = endpoints.create_endpoint(actor=actor_for(user), url=receiver.url,
                                        events=["offer.submitted"],
                                        policy=UrlPolicy(https_only=False, allow_private=True))
    receiver.secret = created.secret
    return created.endpoint.id


def arrival_times(receiver: Receiver) -> list[float]:
    return [r.at for r in receiver.received]


@pytest.mark.real_commits  # the consumer is another process, with its own connection
def test_a_consumer_retries_a_webhook_after_a_500_about_5_seconds_later(
        make_app, app, database_url, queue_settings, receiver):
    url, name = queue_settings
    real = make_app(QUEUE_URL=url, QUEUE_NAME=name)
    with real.app_context():
        user = UserFactory()
        endpoint_id = subscribe(user, receiver)
        receiver.replies = [Reply(500)]
        worker = consumer(database_url, queue_settings).start()
        try:
            delivery.send_test_event(actor=actor_for(user), endpoint_id=endpoint_id)
            wait_for(lambda: len(receiver.received) == 2, timeout=90)
        finally:
            output = worker.stop()
            queue.flush()
        first, second = receiver.received
        assert first.verified and second.verified, output
        assert first.webhook_id == second.webhook_id and len(receiver.effects) == 1
        assert 3.5 <= second.at - first.at <= 15, (first.at, second.at)
        db.session.commit()
        row = db.session.scalars(select(WebhookDelivery)).one()
        assert row.state == WebhookDeliveryState.DELIVERED and row.attempts == 2


@pytest.mark.real_commits
def test_a_consumer_retries_an_email_after_a_temporary_failure_about_5_seconds_later(
        make_app, app, database_url, queue_settings):
    smtp = SmtpServer()
    url, name = queue_settings
    try:
        real = make_app(QUEUE_URL=url, QUEUE_NAME=name, SMTP_URL=smtp.url)
        with real.app_context():
            smtp.recorder.replies = ["451 4.3.0 Try again later"]
            times: list[float] = []
            original = smtp.recorder.handle_DATA

            async def timed(server, session, envelope):
                times.append(time.monotonic())
                return await original(server, session, envelope)

            smtp.recorder.handle_DATA = timed  # a spy: the time of each DATA
            user = UserFactory()
            worker = consumer(database_url, queue_settings, TEST_SMTP_URL=smtp.url).start()
            try:
                with write_transaction():
                    outbox.send(to_email=user.email, to_user_id=user.id, kind="offer_matched",
                                language="en", context={"offer_number": "A1234567",
                                                        "application_number": "W123456789",
                                                        "language": "en"})
                wait_for(lambda: len(smtp.recorder.accepted) == 1, timeout=90)
            finally:
                output = worker.stop()
                queue.flush()
            assert len(smtp.recorder.received) == 2, output
            assert 3.5 <= times[1] - times[0] <= 15, times
            db.session.commit()
            message = db.session.scalars(select(Message)).one()
            assert message.delivery_state == DeliveryState.SENT and message.delivery_attempts == 2
    finally:
        smtp.stop()


@pytest.mark.real_commits
def test_a_consumer_killed_mid_delivery_leaves_exactly_one_effect_per_webhook_id(
        make_app, app, database_url, queue_settings, receiver):
    url, name = queue_settings
    real = make_app(QUEUE_URL=url, QUEUE_NAME=name)
    with real.app_context():
        user = UserFactory()
        endpoint_id = subscribe(user, receiver)
        arrived = threading.Event()
        receiver.on_arrival = arrived.set
        receiver.replies = [Reply(200, delay=4.0)]  # the consumer waits for the answer...
        lease = {"WEBHOOKS_LEASE_SECONDS": "2"}
        first = consumer(database_url, queue_settings, **lease).start()
        delivery.send_test_event(actor=actor_for(user), endpoint_id=endpoint_id)
        assert arrived.wait(30), "".join(first.lines)
        first.kill()  # ...and dies there: the receiver has the event, the portal does not know
        db.session.commit()
        row = db.session.scalars(select(WebhookDelivery)).one()
        assert row.state == WebhookDeliveryState.PENDING and row.attempts == 1
        time.sleep(2.5)  # the dead consumer's lease ends
        second = consumer(database_url, queue_settings, **lease).start()  # its sweep resends
        try:
            wait_for(lambda: len(receiver.received) == 2, timeout=90)
            wait_for(lambda: _state(row.id) == WebhookDeliveryState.DELIVERED, timeout=20)
        finally:
            output = second.stop()
            queue.flush()
        assert all(r.verified for r in receiver.received), output
        assert receiver.received[0].webhook_id == receiver.received[1].webhook_id
        assert len(receiver.effects) == 1  # one effect for the one webhook-id


def _state(delivery_id: int) -> str:
    db.session.commit()
    row = db.session.get(WebhookDelivery, delivery_id)
    assert row is not None
    return row.state

"""Delivering webhook events: the state machine of each delivery, replays and test events.

pending -> delivered | retrying -> ... -> delivered | failed

Guarantees:
- `claim` takes a due delivery for one attempt under a lease (next_attempt_at moves past the
  attempt), so two consumers never send it at once, and a consumer killed mid-attempt leaves it
  due again when the lease ends (the sweep queues it). Every attempt, and every replay, carries
  the event's one webhook-id, so the receiver dedupes.
- A failed attempt is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (each with
  jitter, within 20 % of it); after the eighth attempt the delivery fails. What is kept of an
  attempt: when, how long, the status, a short reason and the first 1 KB of the answer.
- An endpoint whose every attempt has failed for 5 days is disabled and its owner told (the
  outbox, and email with SMTP_URL). Any success ends the streak.
- A disabled or deleted endpoint's deliveries still due fail at once (and any taken later).
- `replay` sends an event again (a new delivery, same webhook-id); `send_test_event` sends a
  `webhook.test` event to one endpoint. Both: the employer's primary user only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import (
    Role,
    User,
    WebhookDelivery,
    WebhookDeliveryState,
    WebhookEndpoint,
    WebhookEvent,
)
from portal.models.enums import WEBHOOK_TEST_EVENT
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.errors import NotFound
from portal.services.outbox import messages as outbox
from portal.services.teams.membership import require_primary
from portal.services.webhooks import endpoints, events

RETRY_DELAYS = (
    timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
    timedelta(hours=5), timedelta(hours=10), timedelta(hours=10),
)
JITTER = 0.2
DISABLE_AFTER = timedelta(days=5)
EXCERPT_MAX = 1024
ERROR_MAX = 200
DUE_STATES = (WebhookDeliveryState.PENDING, WebhookDeliveryState.RETRYING)


@dataclass(frozen=True)
class Attempt:
    """One attempt at a delivery: what to send, where, signed with what."""

    delivery_id: int
    attempt: int
    url: str
    secret: str
    webhook_id: str
    payload: str


@dataclass(frozen=True)
class Result:
    """What the endpoint did: a status (None when it never answered), a short reason for a
    failure, the first bytes it answered, how long it took."""

    status: int | None
    error: str | None
    excerpt: str
    duration_ms: int

    @property
    def succeeded(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class Outcome:
    state: str
    retry_in: timedelta | None = None  # when the next attempt is due (retrying)


def retry_delay(attempt: int, *, rng: random.Random | None = None) -> timedelta | None:
    """How long after failed attempt number `attempt` (1-based) the next is due, with jitter;
    None after the last one."""
    if attempt > len(RETRY_DELAYS):
        return None
    factor = (rng or random).uniform(1 - JITTER, 1 + JITTER)
    return RETRY_DELAYS[attempt - 1] * factor


def claim(delivery_id: int, *, lease: timedelta) -> Attempt | None:
    """Take a due delivery for one attempt (commits the lease). None when it is not due:
    delivered, failed, leased to another consumer, or its endpoint is off (it then fails)."""
    with write_transaction():
        delivery = db.session.scalar(
            select(WebhookDelivery).where(WebhookDelivery.id == delivery_id).with_for_update())
        now = clock.now()
        if delivery is None or delivery.state not in DUE_STATES:
            return None
        if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
            return None
        endpoint = db.session.get(WebhookEndpoint, delivery.endpoint_id)
        event = db.session.get(WebhookEvent, delivery.event_id)
        if endpoint is None or event is None or not endpoint.enabled:
            delivery.state = WebhookDeliveryState.FAILED
            delivery.next_attempt_at = None
            delivery.error = "endpoint deleted" if endpoint is None or endpoint.deleted_at \
                else "endpoint disabled"
            return None
        delivery.attempts += 1
        delivery.next_attempt_at = now + lease
        return Attempt(delivery_id=delivery.id, attempt=delivery.attempts, url=endpoint.url,
                       secret=endpoint.secret, webhook_id=event.webhook_id,
                       payload=event.payload)


def record_result(delivery_id: int, result: Result, *,
                  rng: random.Random | None = None) -> Outcome:
    """Keep what the attempt did and schedule the next one (or disable the endpoint). Commits."""
    with write_transaction():
        delivery = db.session.scalar(
            select(WebhookDelivery).where(WebhookDelivery.id == delivery_id).with_for_update())
        if delivery is None or delivery.state not in DUE_STATES:
            return Outcome(state=delivery.state if delivery else WebhookDeliveryState.FAILED)
        now = clock.now()
        delivery.last_attempt_at = now
        delivery.duration_ms = result.duration_ms
        delivery.response_status = result.status
        delivery.response_excerpt = result.excerpt[:EXCERPT_MAX]
        endpoint = db.session.get(WebhookEndpoint, delivery.endpoint_id)
        assert endpoint is not None  # a foreign key
        if result.succeeded:
            delivery.state = WebhookDeliveryState.DELIVERED
            delivery.delivered_at = now
            delivery.next_attempt_at = None
            delivery.error = None
            endpoint.failing_since = None
            return Outcome(state=delivery.state)
        delivery.error = (result.error or f"HTTP {result.status}")[:ERROR_MAX]
        _count_failure(endpoint, now, delivery_id=delivery.id)
        delay = retry_delay(delivery.attempts, rng=rng)
        if delay is None or not endpoint.enabled:
            delivery.state = WebhookDeliveryState.FAILED
            delivery.next_attempt_at = None
            return Outcome(state=delivery.state)
        delivery.state = WebhookDeliveryState.RETRYING
        delivery.next_attempt_at = now + delay
        return Outcome(state=delivery.state, retry_in=delay)


def _count_failure(endpoint: WebhookEndpoint, now: datetime, *, delivery_id: int) -> None:
    if endpoint.failing_since is None:
        endpoint.failing_since = now
    elif endpoint.enabled and now - endpoint.failing_since >= DISABLE_AFTER:
        endpoint.enabled = False
        endpoint.disabled_at = endpoint.updated_at = now
        events.stop_due_deliveries(endpoint.id, reason="endpoint disabled", keep=delivery_id)
        _tell_owner(endpoint)


def _tell_owner(endpoint: WebhookEndpoint) -> None:
    """The employer's primary users learn the endpoint was turned off (outbox, email)."""
    owners = db.session.scalars(select(User).where(
        User.employer_id == endpoint.employer_id, User.role == Role.EMPLOYER_PRIMARY,
        User.is_active_account.is_(True)))
    for user in owners:
        outbox.send(to_email=user.email, to_user_id=user.id, kind="webhook_endpoint_disabled",
                    language=user.preferred_language,
                    context={"host": urlsplit(endpoint.url).hostname or "",
                             "endpoint_id": endpoint.id, "days": DISABLE_AFTER.days})


def due_delivery_ids(*, limit: int = 200) -> list[int]:
    """Deliveries due for an attempt now (the sweep queues them)."""
    return list(db.session.scalars(
        select(WebhookDelivery.id)
        .where(WebhookDelivery.state.in_(DUE_STATES),
               WebhookDelivery.next_attempt_at <= clock.now())
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
    ))


@dataclass(frozen=True)
class DeliveryView:
    delivery: WebhookDelivery
    event_type: str
    webhook_id: str

    @property
    def state(self) -> WebhookDeliveryState:
        return WebhookDeliveryState(self.delivery.state)


def list_deliveries(*, actor: Actor, endpoint_id: int, limit: int = 50) -> list[DeliveryView]:
    """The endpoint's latest deliveries, newest first. Raises NotFound, Forbidden."""
    endpoint = endpoints.get_endpoint(actor=actor, endpoint_id=endpoint_id)
    rows = db.session.execute(
        select(WebhookDelivery, WebhookEvent.type, WebhookEvent.webhook_id)
        .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
        .where(WebhookDelivery.endpoint_id == endpoint.id)
        .order_by(WebhookDelivery.id.desc())
        .limit(limit)
    )
    return [DeliveryView(delivery=row[0], event_type=row[1], webhook_id=row[2]) for row in rows]


def replay(*, actor: Actor, delivery_id: int, endpoint_id: int | None = None) -> WebhookDelivery:
    """Send a delivery's event to its endpoint again (same webhook-id). Commits. Raises
    NotFound (not the employer's, not `endpoint_id`'s when given, or the endpoint deleted),
    Forbidden."""
    employer_id = require_primary(actor)
    with write_transaction():
        row = db.session.execute(
            select(WebhookDelivery, WebhookEvent)
            .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(WebhookDelivery.id == delivery_id, WebhookEndpoint.employer_id == employer_id,
                   WebhookEndpoint.deleted_at.is_(None))
        ).first()
        if row is not None and endpoint_id is not None and row[0].endpoint_id != endpoint_id:
            row = None
        if row is None:
            raise NotFound(Message.of("webhook.delivery_not_found"))
        original, event = row
        return events.queue_delivery(event=event, endpoint_id=original.endpoint_id,
                                     replay_of_id=original.id)


def send_test_event(*, actor: Actor, endpoint_id: int) -> WebhookDelivery:
    """A `webhook.test` event to this endpoint only. Commits. Raises NotFound, Forbidden."""
    with write_transaction():
        endpoint = endpoints.get_endpoint(actor=actor, endpoint_id=endpoint_id)
        event = events.store_event(employer_id=endpoint.employer_id,
                                   event_type=WEBHOOK_TEST_EVENT,
                                   data={"endpoint": {"id": endpoint.id},
                                         "message": "A test event from the Employer Portal "
                                                    "simulator."})
        return events.queue_delivery(event=event, endpoint_id=endpoint.id)

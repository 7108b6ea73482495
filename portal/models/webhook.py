"""Webhooks: an employer's endpoints, the events that happened, and the outbox of deliveries.

An event is written in the same transaction as the change it reports (portal.services.webhooks
.events), with one delivery per enabled endpoint subscribed to its type; the queue then delivers
them (portal/jobs/webhooks.py). `WebhookEvent.webhook_id` is the Standard Webhooks `webhook-id`:
the same on every attempt and every replay, so a receiver dedupes by it.

The endpoint's secret (`whsec_` + base64) must be kept to sign each delivery, so it is stored as
it is (like a password for an outgoing connection); it is shown to its owner once and never
logged. A deleted endpoint is kept (deleted_at) so its deliveries keep their history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.enums import WebhookDeliveryState
from portal.models.types import UTCDateTime

_STATES = ",".join(f"'{s.value}'" for s in WebhookDeliveryState)


class WebhookEndpoint(Model):
    __tablename__ = "webhook_endpoint"
    __table_args__ = (
        CheckConstraint("events <> ''", name="has_an_event"),
        CheckConstraint("secret LIKE 'whsec_%'", name="secret_prefixed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(200), default="")
    # Comma-separated WebhookEventType values, in the enum's order.
    events: Mapped[str] = mapped_column(String(400))
    secret: Mapped[str] = mapped_column(String(100))
    enabled: Mapped[bool] = mapped_column(default=True)
    created_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    # Since when every attempt has failed (None after any success); 5 days of it disables it.
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def event_types(self) -> list[str]:
        return [value for value in self.events.split(",") if value]


class WebhookEvent(Model):
    """Something that happened to an employer's offers or standing, as its payload was sent."""

    __tablename__ = "webhook_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[str] = mapped_column(String(40), unique=True)  # "msg_" + random
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    # The JSON body sent, exactly (ids, numbers, statuses, timestamps; no personal data).
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)


class WebhookDelivery(Model):
    """One event to one endpoint: the outbox row the queue works from, and what happened."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        CheckConstraint(f"state IN ({_STATES})", name="state_known"),
        CheckConstraint("attempts >= 0", name="attempts_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoint.id"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("webhook_event.id"), index=True)
    state: Mapped[str] = mapped_column(String(10), default=WebhookDeliveryState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Due time of the next attempt; while an attempt runs, the end of its lease.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    replay_of_id: Mapped[int | None] = mapped_column(ForeignKey("webhook_delivery.id"))
    # The last attempt: when, how long, the HTTP status (None: no answer), why it failed
    # (a short reason: a status, an error class, a refused address), the first 1 KB answered.
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    response_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(200))
    response_excerpt: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

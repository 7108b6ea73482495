"""The simulator's outbox: every message the portal sends, stored; and, when SMTP_URL is set,
emailed by the queue (portal/jobs/email.py) with its delivery state kept here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.enums import DeliveryState
from portal.models.types import UTCDateTime


class Message(Model):
    __tablename__ = "outbox_message"
    __table_args__ = (
        CheckConstraint("language IN ('en','fr')", name="language_known"),
        CheckConstraint(
            "delivery_state IN ('stored','queued','retrying','sent','failed')",
            name="delivery_state_known",
        ),
        CheckConstraint("delivery_attempts >= 0", name="delivery_attempts_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), index=True
    )
    recipient_email: Mapped[str] = mapped_column(String(254), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now, index=True)
    # Email delivery (SMTP_URL set): the state, how many attempts, why the last one failed (an
    # SMTP code and class, never the message), when it was accepted, when to try again.
    delivery_state: Mapped[str] = mapped_column(
        String(10), default=DeliveryState.STORED, server_default=DeliveryState.STORED
    )
    delivery_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    delivery_error: Mapped[str | None] = mapped_column(String(300))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)

"""Emailing outbox messages (when SMTP_URL is set): the delivery state machine.

stored (no SMTP) | queued -> sent | retrying -> ... -> sent | failed

Guarantees:
- `queue_message` joins the transaction that stores the message: the email task is asked for
  only once that commits (portal.queue), and the sweep asks again for any message still due.
- `claim` takes a due message for one attempt under a lease (next_attempt_at moves past the
  attempt), so two consumers never send the same message at once; a consumer killed in the
  middle leaves it due again when the lease ends. The email's Message-ID is stable across
  attempts, so a message sent twice (killed after the server accepted it) is one message to
  the reader's mail client.
- A failure keeps a short reason (the SMTP code and error class, never the message itself) and
  is retried with backoff (5 s, 5 min, 30 min, 2 h, 6 h: the queue schedules each retry, and
  the sweep catches any it lost); a permanent refusal (5xx) or the
  last failed attempt leaves it failed. Administrators see every state (`list_deliveries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from portal import clock
from portal.database import enqueue_after_commit, write_transaction
from portal.extensions import db
from portal.models import DeliveryState, Message, User
from portal.services.actor import Actor, require_admin

RETRY_DELAYS = (
    timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
    timedelta(hours=6),
)
LEASE = timedelta(minutes=5)  # longer than any attempt (10 s SMTP timeout)
REASON_MAX = 300
DUE_STATES = (DeliveryState.QUEUED, DeliveryState.RETRYING)


@dataclass(frozen=True)
class Outgoing:
    """One attempt at emailing a message: what the email is made of."""

    message_id: int
    attempt: int
    kind: str
    language: str
    to_email: str
    to_name: str  # the recipient's own name when they have an account, else ""
    subject: str
    body: str
    created_at: datetime


def queue_message(message: Message) -> None:
    """Mark a message just stored for email, and ask for the email task after the commit."""
    message.delivery_state = DeliveryState.QUEUED
    message.next_attempt_at = clock.now()
    db.session.flush()
    enqueue_after_commit("email.deliver", message_id=message.id)


def claim(message_id: int) -> Outgoing | None:
    """Take a due message for one attempt (commits the lease). None when it is not due: sent,
    failed, stored only, or being sent by another consumer."""
    with write_transaction():
        message = db.session.scalar(
            select(Message).where(Message.id == message_id).with_for_update()
        )
        now = clock.now()
        if message is None or message.delivery_state not in DUE_STATES:
            return None
        if message.next_attempt_at is not None and message.next_attempt_at > now:
            return None
        message.delivery_attempts += 1
        message.next_attempt_at = now + LEASE
        user = db.session.get(User, message.recipient_user_id) if message.recipient_user_id \
            else None
        return Outgoing(
            message_id=message.id, attempt=message.delivery_attempts, kind=message.kind,
            language=message.language, to_email=message.recipient_email,
            to_name=user.full_name if user is not None else "", subject=message.subject,
            body=message.body, created_at=message.created_at,
        )


def record_sent(message_id: int) -> None:
    with write_transaction():
        message = db.session.get(Message, message_id)
        if message is None or message.delivery_state == DeliveryState.SENT:
            return
        message.delivery_state = DeliveryState.SENT
        message.delivered_at = clock.now()
        message.next_attempt_at = None
        message.delivery_error = None


def record_failure(message_id: int, *, reason: str, permanent: bool) -> str:
    """Keep why the attempt failed and schedule the next one; returns the new state."""
    with write_transaction():
        message = db.session.get(Message, message_id)
        if message is None or message.delivery_state == DeliveryState.SENT:
            return DeliveryState.SENT
        message.delivery_error = reason[:REASON_MAX]
        attempts = message.delivery_attempts
        if permanent or attempts > len(RETRY_DELAYS):
            message.delivery_state = DeliveryState.FAILED
            message.next_attempt_at = None
        else:
            message.delivery_state = DeliveryState.RETRYING
            message.next_attempt_at = clock.now() + RETRY_DELAYS[attempts - 1]
        return message.delivery_state


def retry_delay(attempt: int) -> timedelta:
    """How long after failed attempt number `attempt` (1-based) the next one is due."""
    return RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]


def due_message_ids(*, limit: int = 200) -> list[int]:
    """Messages due for an attempt now (the sweep queues them)."""
    return list(db.session.scalars(
        select(Message.id)
        .where(Message.delivery_state.in_(DUE_STATES), Message.next_attempt_at <= clock.now())
        .order_by(Message.next_attempt_at)
        .limit(limit)
    ))


def list_deliveries(*, actor: Actor, state: str | None = None, limit: int = 100) -> list[Message]:
    """The latest messages with their delivery state, for administrators."""
    require_admin(actor)
    stmt = select(Message).order_by(Message.id.desc()).limit(limit)
    if state:
        stmt = stmt.where(Message.delivery_state == state)
    return list(db.session.scalars(stmt))

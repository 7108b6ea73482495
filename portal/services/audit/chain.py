"""The audit log: append-only, hash-chained events.

Guarantees: `record` adds an event to the current transaction (it never commits, so the event
lands with the change it describes or not at all); each event's hash covers its content and the
previous event's hash, so a row changed or deleted behind the application's back breaks the
chain at that row, which `verify_chain` reports. Details must not hold personal data: callers
pass identifiers, codes and amounts, never passport numbers, names or card numbers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent
from portal.services.actor import Actor

GENESIS_HASH = "0" * 64
_CHAIN_LOCK_KEY = 727_001  # PostgreSQL advisory lock that serialises appends to the chain


def _digest(event: AuditEvent) -> str:
    parts = [
        event.prev_hash,
        event.occurred_at.isoformat(),
        str(event.actor_user_id or ""),
        str(event.employer_id or ""),
        event.action,
        event.object_type or "",
        event.object_id or "",
        event.ip_address or "",
        event.details,
    ]
    # Added with teams: appended only when set, so events written before these columns existed
    # keep their original hashes and the chain still verifies.
    if event.on_behalf_of_employer_id is not None or event.representative_user_id is not None:
        parts += [
            str(event.on_behalf_of_employer_id or ""),
            str(event.representative_user_id or ""),
        ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def record(
    action: str,
    *,
    actor: Actor,
    employer_id: int | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event to the session's transaction (the caller commits).

    `employer_id` is the employer the event concerns (default: the one the actor acts for); the
    actor's acting employer and representative are recorded as well.
    """
    session = db.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK_KEY})
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    now = clock.now()
    event = AuditEvent(
        occurred_at=now,
        actor_user_id=actor.user_id,
        employer_id=employer_id if employer_id is not None else actor.employer_id,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        ip_address=actor.ip_address,
        on_behalf_of_employer_id=None if actor.is_admin else actor.employer_id,
        representative_user_id=actor.representative_user_id,
        details=json.dumps(_with_key(details, actor), sort_keys=True, separators=(",", ":"),
                           default=str),
        prev_hash=prev or GENESIS_HASH,
    )
    event.hash = _digest(event)
    session.add(event)
    session.flush()
    return event


def _with_key(details: dict[str, Any] | None, actor: Actor) -> dict[str, Any]:
    """The details, with the API key's id when the actor acts through the API."""
    if actor.api_key_id is None:
        return details or {}
    return {**(details or {}), "api_key_id": actor.api_key_id}


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_broken_id: int | None

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def verify_chain() -> ChainReport:
    """Walk the log in order and report the first event whose link or content does not hold."""
    prev = GENESIS_HASH
    checked = 0
    for event in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(500):
        checked += 1
        if event.prev_hash != prev or _digest(event) != event.hash:
            return ChainReport(checked=checked, first_broken_id=event.id)
        prev = event.hash
    return ChainReport(checked=checked, first_broken_id=None)

"""The audit log: append-only events, hash-chained per stream.

Guarantees: `record` adds an event to the current transaction (it never commits, so the event
lands with the change it describes or not at all). Events are chained per stream: the events
about one employer form one stream (`employer:<id>`), events about no employer the `system`
stream. Each event takes the next position (`seq`) in its stream and carries the hash of the
event before it there; its own hash covers its content, its stream, its position and that
previous hash. The stream's head row (`AuditStream`: length, last id, last hash) is locked by the
append's UPDATE for the rest of the transaction, so two appends to the SAME stream serialise
(one chain, never a fork; the unique (stream, seq) makes a fork impossible anyway) while appends
to different streams, and so the writes of different employers, never wait on each other. No
global lock, on PostgreSQL or SQLite (where BEGIN IMMEDIATE already serialises every writer).

The one global chain written before streams existed is kept, closed, as the stream `legacy`
(migration 0011), verified with the hash it was written with (`legacy_digest`).

A transaction that appends to two streams locks both heads in the order it appends; two such
transactions appending in opposite orders would deadlock on PostgreSQL (one is aborted and
rolled back). The portal's use cases each record events about one employer, or about none.

`verify.verify_chain` walks the log and names the first broken event of each stream. Details
must not hold personal data: callers pass identifiers, codes and amounts, never passport
numbers, names or card numbers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, cast

from sqlalchemy import Insert, Table, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, AuditStream
from portal.services.actor import Actor

GENESIS_HASH = "0" * 64
SYSTEM_STREAM = "system"
LEGACY_STREAM = "legacy"
_heads = cast(Table, AuditStream.__table__)


def stream_of(employer_id: int | None) -> str:
    """The stream an event about `employer_id` (None: about no employer) belongs to."""
    return SYSTEM_STREAM if employer_id is None else f"employer:{employer_id}"


def legacy_digest(event: AuditEvent) -> str:
    """The hash of an event of the closed `legacy` chain, as it was computed when written."""
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
    # kept their original hashes.
    if event.on_behalf_of_employer_id is not None or event.representative_user_id is not None:
        parts += [
            str(event.on_behalf_of_employer_id or ""),
            str(event.representative_user_id or ""),
        ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def digest(event: AuditEvent) -> str:
    """The hash an event must carry: its content, stream, position and previous hash."""
    if event.stream == LEGACY_STREAM:
        return legacy_digest(event)
    parts = [
        "v2",
        event.stream,
        str(event.seq),
        event.prev_hash,
        event.occurred_at.isoformat(),
        str(event.actor_user_id or ""),
        str(event.employer_id or ""),
        event.action,
        event.object_type or "",
        event.object_id or "",
        event.ip_address or "",
        event.details,
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
    actor's acting employer and representative are recorded as well. Locks the head of that
    employer's stream (or the system's) until the transaction ends.
    """
    session = db.session()
    concerned = employer_id if employer_id is not None else actor.employer_id
    stream = stream_of(concerned)
    seq, prev_hash = _take_next_position(session, stream)
    event = AuditEvent(
        occurred_at=clock.now(),
        actor_user_id=actor.user_id,
        employer_id=concerned,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        ip_address=actor.ip_address,
        on_behalf_of_employer_id=None if actor.is_admin else actor.employer_id,
        representative_user_id=actor.representative_user_id,
        details=json.dumps(_with_key(details, actor), sort_keys=True, separators=(",", ":"),
                           default=str),
        stream=stream,
        seq=seq,
        prev_hash=prev_hash,
    )
    event.hash = digest(event)
    session.add(event)
    session.flush()
    session.execute(
        update(_heads)
        .where(_heads.c.stream == stream)
        .values(head_id=event.id, head_hash=event.hash)
    )
    return event


def _take_next_position(session: Session, stream: str) -> tuple[int, str]:
    """Lock the stream's head (making it on the stream's first event) and take the next
    position: (seq, hash of the event before it)."""
    bump = (
        update(_heads)
        .where(_heads.c.stream == stream)
        .values(length=_heads.c.length + 1)
        .returning(_heads.c.length, _heads.c.head_hash)
    )
    row = session.execute(bump).first()
    if row is None:
        session.execute(_new_stream(session, stream))
        row = session.execute(bump).one()
    return int(row.length), str(row.head_hash)


def _new_stream(session: Session, stream: str) -> Insert:
    """INSERT the empty head of `stream`, doing nothing when a concurrent transaction made it
    first (PostgreSQL waits for that one to commit, then the UPDATE sees its row)."""
    values = {"stream": stream, "length": 0, "head_id": None, "head_hash": GENESIS_HASH}
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(_heads).values(values).on_conflict_do_nothing(
            index_elements=["stream"]
        )
    return sqlite.insert(_heads).values(values).on_conflict_do_nothing(index_elements=["stream"])


def _with_key(details: dict[str, Any] | None, actor: Actor) -> dict[str, Any]:
    """The details, with the API key's id when the actor acts through the API."""
    if actor.api_key_id is None:
        return details or {}
    return {**(details or {}), "api_key_id": actor.api_key_id}

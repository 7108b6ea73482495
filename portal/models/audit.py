"""The audit log: append-only events in hash-chained streams, and each stream's recorded head.

A stream is the events about one employer (`employer:<id>`), or the system's (`system`: events
about no employer); `legacy` holds, closed, the one global chain written before streams existed
(migration 0011). Each event carries its position in its stream (`seq`, from 1) and the hash of
the event before it in that stream; `AuditStream` keeps each stream's length and last hash, the
row an append locks, so appends to different streams never wait on each other.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class AuditEvent(Model):
    __tablename__ = "audit_event"
    __table_args__ = (UniqueConstraint("stream", "seq", name="one_event_per_stream_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now, index=True)
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str | None] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    ip_address: Mapped[str | None] = mapped_column(String(45))
    # Who acted for whom: the employer the actor was acting for (None for admins and the
    # system) and, when the actor is a representative acting for an employer other than their
    # own, the representative's user id. Both are covered by the hash.
    on_behalf_of_employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"))
    representative_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # JSON text of non-personal details (no passport numbers, no passwords, no card numbers).
    details: Mapped[str] = mapped_column(Text, default="{}")
    # The stream the event belongs to and its position there (1, 2, ...); both are hashed.
    stream: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditStream(Model):
    """A stream's head: how many events it holds and the last one's id and hash. Updated in the
    transaction of every append (whose row lock serialises that stream's appends only)."""

    __tablename__ = "audit_stream"

    stream: Mapped[str] = mapped_column(String(32), primary_key=True)
    length: Mapped[int] = mapped_column(default=0)
    head_id: Mapped[int | None] = mapped_column()
    head_hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpoint(Model):
    """A signed statement of every stream's head at one moment (portal.services.audit
    .checkpoints). `payload` is the exact canonical JSON text that was signed; each payload
    names the hash of the one before it, so checkpoints form a chain of their own."""

    __tablename__ = "audit_checkpoint"

    id: Mapped[int] = mapped_column(primary_key=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    events: Mapped[int] = mapped_column()
    streams: Mapped[int] = mapped_column()
    key_id: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(128))


class AuditSealedHead(Model):
    """A stream's head as the last checkpoint signed it: the next checkpoint signs only the
    streams whose head moved since (written by the checkpoint writer alone, so appends never
    wait on it)."""

    __tablename__ = "audit_sealed_head"

    stream: Mapped[str] = mapped_column(String(32), primary_key=True)
    length: Mapped[int] = mapped_column()
    head_hash: Mapped[str] = mapped_column(String(64))

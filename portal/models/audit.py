"""The audit log: append-only events, each carrying the hash of the one before it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class AuditEvent(Model):
    __tablename__ = "audit_event"

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
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

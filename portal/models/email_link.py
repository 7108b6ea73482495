"""Links sent by email to prove a person owns an address: confirming it after registration,
and resetting a forgotten password. Only the SHA-256 of the link's token is stored (a token is
32 random bytes, so a fast hash is enough); a link works once and expires."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class EmailLink(Model):
    __tablename__ = "email_link"
    __table_args__ = (
        CheckConstraint("purpose IN ('confirm_email','reset_password')", name="purpose_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(20))
    # The address the link was sent to: it proves that address, and no later one.
    email: Mapped[str] = mapped_column(String(254))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

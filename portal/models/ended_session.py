"""Signed-in sessions that have ended on the server (timed out or signed out).

Each sign-in gets a random session id, kept in the signed session cookie; a session that ends
is recorded here by the SHA-256 of its id, and a cookie carrying an ended id loads no user, at
any age and however often it is replayed. Rows are deleted by the sweep once the absolute
limit (PORTAL_SESSION_MAX_HOURS) would refuse the cookie anyway.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class EndedSession(Model):
    __tablename__ = "ended_session"

    # SHA-256 (hex) of the session id: the cookie's id cannot be read back from the table.
    session_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(String(16))
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.real_now, index=True)

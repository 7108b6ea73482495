"""Form input held on the server for one user, never in a cookie or a URL: a dashboard search
(its criteria, named by a random token in the page's address instead of the words typed), or
what a user posted after their session had expired (restored into the form after the same user
signs in again). Rows older than 24 hours are deleted by the sweep (portal/jobs/sweep.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class HeldForm(Model):
    __tablename__ = "held_form"
    __table_args__ = (CheckConstraint("purpose IN ('search','timeout')", name="purpose_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random and unguessable; only ever looked up together with its user.
    token: Mapped[str] = mapped_column(String(43), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(10))
    # The page the input belongs to (a path, without its query string).
    path: Mapped[str] = mapped_column(String(300))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.real_now, index=True)

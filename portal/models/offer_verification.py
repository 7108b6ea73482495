"""The log of offer verification attempts (the worker's "check my offer" page).

Nothing personal is kept in clear: the offer number as typed and the passport number are stored
only as keyed hashes (HMAC-SHA256 with the application's secret), enough to count recent failures
per number across every worker process, and to tell repeated attempts apart, but not to read
them back. The date of birth is not kept at all.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class VerificationAttempt(Model):
    __tablename__ = "offer_verification_attempt"
    __table_args__ = (
        # Rate limit: failures for one typed number in the last hour.
        Index("ix_offer_verification_attempt_number_time", "number_key", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number_key: Mapped[str] = mapped_column(String(64))
    passport_key: Mapped[str | None] = mapped_column(String(64))
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer.id", ondelete="SET NULL"), index=True
    )
    succeeded: Mapped[bool] = mapped_column(Boolean)
    ip_address: Mapped[str | None] = mapped_column(String(45))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.real_now)

"""The sandbox clock: how far simulated time runs ahead of the real time (issue 17 item 1).

One row (id 1) at most; no row means no offset. Only ever moved forwards
(portal.services.sandbox.clock), so a date the portal once showed never comes back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import Model
from portal.models.types import UTCDateTime

CLOCK_ROW = 1


class SandboxClock(Model):
    __tablename__ = "sandbox_clock"
    __table_args__ = (
        CheckConstraint("id = 1", name="one_row"),
        CheckConstraint("offset_seconds >= 0", name="forwards"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    offset_seconds: Mapped[int] = mapped_column(BigInteger, default=0)
    moved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    moved_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )

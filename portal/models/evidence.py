"""Evidence files attached to an offer (PDF, PNG or JPEG, checked by content), stored in the
database with the offer so there is one transactional store and one backup."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class EvidenceFile(Model):
    __tablename__ = "evidence_file"
    __table_args__ = (
        CheckConstraint(
            "content_type IN ('application/pdf','image/png','image/jpeg')", name="type_allowed"
        ),
        CheckConstraint("size > 0 AND size = length(data)", name="size_matches"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    # Deferred: listing files never loads their bytes.
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

"""Stored PDF documents: the offer confirmation, rendered once per offer version and language.

A row is written lazily on the first download of a version (after the submission committed),
and later downloads serve its bytes. A status change bumps the offer's version, so the next
download renders a new row; rows of older versions are deleted then (never served again).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class OfferDocument(Model):
    __tablename__ = "offer_document"
    __table_args__ = (
        UniqueConstraint("offer_id", "offer_version", "language", name="uq_offer_document_version"),
        CheckConstraint("language IN ('en','fr')", name="language_known"),
        CheckConstraint("offer_version >= 1", name="offer_version_positive"),
        CheckConstraint("size > 0 AND size = length(pdf)", name="size_matches_pdf"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    offer_version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(2))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

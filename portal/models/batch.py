"""A batch: a spreadsheet of offers uploaded by an employer's user, checked row by row (the dry
run), then confirmed into drafts, one per valid row.

Invariants the database enforces:
- one batch per employer and file content (the SHA-256 of the bytes): uploading the same file
  again finds the same batch, so it never makes a second set of drafts;
- one row per row number of a batch; a row's offer belongs to one row only;
- a row is valid, invalid, created (its draft exists) or skipped (invalid, left out at confirm).
Its cells are emptied a while after the confirm (rows_purged_at); an unconfirmed dry run is
deleted after the same while (portal.services.batches.retention).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime

ROW_STATUSES = ("valid", "invalid", "created", "skipped")


class Batch(Model):
    __tablename__ = "batch"
    __table_args__ = (
        UniqueConstraint("employer_id", "file_digest", name="uq_batch_employer_digest"),
        CheckConstraint("row_count >= 0", name="row_count_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    uploaded_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    file_name: Mapped[str] = mapped_column(String(200))
    file_digest: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    confirmed_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # When the rows' cells (the workers' personal data) were emptied, a while after the confirm
    # (portal.services.batches.retention); the statuses, errors and offers stay.
    rows_purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    rows: Mapped[list[BatchRow]] = relationship(
        back_populates="batch", order_by="BatchRow.row_number", cascade="all, delete-orphan",
        lazy="selectin",
    )


class BatchRow(Model):
    __tablename__ = "batch_row"
    __table_args__ = (
        UniqueConstraint("batch_id", "row_number", name="uq_batch_row_number"),
        CheckConstraint(
            "status IN ('valid','invalid','created','skipped')", name="status_known"
        ),
        CheckConstraint("status <> 'created' OR offer_id IS NOT NULL", name="created_has_offer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id", ondelete="CASCADE"), index=True)
    # The spreadsheet's row number, as the user sees it (the header is row 1).
    row_number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    # The row's cells by column key, as read from the file (what confirm makes a draft from).
    cells: Mapped[dict[str, str]] = mapped_column(JSON)
    # [{"code", "field", "message": {...}}]: codes, the column, and the catalogue message.
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer.id", ondelete="SET NULL"), unique=True
    )

    batch: Mapped[Batch] = relationship(back_populates="rows")

"""The offer of employment: a draft the employer fills in section by section, then a submitted
offer with its A####### number, matched later by the worker's work permit application.

Invariants the database enforces (CHECK constraints, unique index):
- a draft has no number; every other offer has exactly one, unique across the portal;
- only a paid or fee-exempt offer leaves the draft state (a refunded fee was paid first);
- an exempt fee carries its reason.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import Model
from portal.models.enums import FeeStatus, OfferStatus
from portal.models.types import EnumText, UTCDateTime


class Offer(Model):
    __tablename__ = "offer"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft','pending','matched','withdrawn')", name="status_known"
        ),
        CheckConstraint(
            "fee_status IN ('unpaid','paid','exempt','refunded')", name="fee_status_known"
        ),
        CheckConstraint(
            "(status = 'draft' AND number IS NULL) OR (status <> 'draft' AND number IS NOT NULL)",
            name="number_iff_submitted",
        ),
        CheckConstraint(
            "status = 'draft' OR fee_status IN ('paid','exempt','refunded')",
            name="submitted_fee_settled",
        ),
        CheckConstraint(
            "fee_status <> 'exempt' OR fee_exemption_reason IS NOT NULL",
            name="exemption_has_reason",
        ),
        CheckConstraint("version >= 1", name="version_positive"),
        # The dashboard lists one employer's offers, newest first, filtered by status or code:
        # each index ends with the sort key and the id, so a page is read in index order (the
        # sorts on columns drafts leave empty have theirs below the class).
        Index("ix_offer_employer_updated", "employer_id", "updated_at", "id"),
        Index("ix_offer_employer_created", "employer_id", "created_at", "id"),
        Index("ix_offer_employer_status", "employer_id", "status", "updated_at", "id"),
        Index("ix_offer_employer_code", "employer_id", "code_key", "updated_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(8), unique=True)
    status: Mapped[OfferStatus] = mapped_column(
        EnumText(OfferStatus, 16), default=OfferStatus.DRAFT
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

    # Exemption code section
    code_key: Mapped[str | None] = mapped_column(String(16))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    explanation: Mapped[str | None] = mapped_column(Text)

    # Foreign worker section (entered exactly as on the passport: never normalised)
    worker_family_name: Mapped[str | None] = mapped_column(String(100))
    worker_given_names: Mapped[str | None] = mapped_column(String(100))
    worker_sex: Mapped[str | None] = mapped_column(String(1))
    worker_date_of_birth: Mapped[date | None] = mapped_column(Date)
    worker_country_of_birth: Mapped[str | None] = mapped_column(String(2))
    worker_citizenship: Mapped[str | None] = mapped_column(String(2))
    worker_residence_country: Mapped[str | None] = mapped_column(String(2))
    worker_passport_number: Mapped[str | None] = mapped_column(String(30))
    worker_passport_expiry: Mapped[date | None] = mapped_column(Date)
    worker_uci: Mapped[str | None] = mapped_column(String(12))

    # Job section
    job_title: Mapped[str | None] = mapped_column(String(200))
    noc_code: Mapped[str | None] = mapped_column(String(5))
    teer: Mapped[int | None] = mapped_column(Integer)
    duties: Mapped[str | None] = mapped_column(Text)
    education_requirements: Mapped[str | None] = mapped_column(Text)
    training_requirements: Mapped[str | None] = mapped_column(Text)
    experience_requirements: Mapped[str | None] = mapped_column(Text)
    licence_requirements: Mapped[str | None] = mapped_column(Text)
    language_requirements: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    full_time: Mapped[bool | None] = mapped_column(Boolean)

    # Wages and benefits section
    wage_cents: Mapped[int | None] = mapped_column(Integer)
    wage_unit: Mapped[str | None] = mapped_column(String(8))
    overtime: Mapped[str | None] = mapped_column(Text)
    vacation: Mapped[str | None] = mapped_column(Text)
    benefit_health: Mapped[bool] = mapped_column(Boolean, default=False)
    benefit_dental: Mapped[bool] = mapped_column(Boolean, default=False)
    benefit_pension: Mapped[bool] = mapped_column(Boolean, default=False)
    benefit_disability: Mapped[bool] = mapped_column(Boolean, default=False)
    benefits_other: Mapped[str | None] = mapped_column(Text)
    alternate_compensation: Mapped[str | None] = mapped_column(Text)
    additional_information: Mapped[str | None] = mapped_column(Text)

    # Attestations: the ids accepted (see portal.services.offers.drafts.ATTESTATIONS)
    attestations: Mapped[list[str]] = mapped_column(JSON, default=list)
    attested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attested_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    # Fee
    fee_status: Mapped[FeeStatus] = mapped_column(
        EnumText(FeeStatus, 16), default=FeeStatus.UNPAID
    )
    fee_exemption_reason: Mapped[str | None] = mapped_column(Text)

    # Lifecycle
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    submitted_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    matched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)

    locations: Mapped[list[OfferLocation]] = relationship(
        back_populates="offer",
        order_by="OfferLocation.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def work_province(self) -> str | None:
        """The province of the first work location (what the rules check)."""
        return self.locations[0].province if self.locations else None

    @property
    def is_draft(self) -> bool:
        return self.status == OfferStatus.DRAFT

    @property
    def worker_name(self) -> str:
        """ "FAMILY, Given" as on the passport, or "" while unknown."""
        parts = [p for p in (self.worker_family_name, self.worker_given_names) if p]
        return ", ".join(parts)


# The dashboard's sorts on a column drafts leave empty order by (key IS NULL, key, id), in
# either direction (portal.services.offers.queue.order_of): one index for each direction, on both
# databases (expression indexes; SQLite puts NULLs first and PostgreSQL last, so NULLS LAST
# would need different indexes on each).
for _name, _key in (
    ("submitted", Offer.submitted_at),
    ("number", Offer.number),
    ("worker", Offer.worker_family_name),
    ("code", Offer.code_key),
):
    Index(f"ix_offer_sort_{_name}_asc", Offer.employer_id, _key.is_(None), _key, Offer.id)
    Index(
        f"ix_offer_sort_{_name}_desc",
        Offer.employer_id, _key.is_(None), _key.desc(), Offer.id.desc(),
    )


class OfferLocation(Model):
    """A work location. The portal takes one, and optionally a second; more go in the duties."""

    __tablename__ = "offer_location"
    __table_args__ = (
        CheckConstraint("position IN (1, 2)", name="position_one_or_two"),
        Index("uq_offer_location_position", "offer_id", "position", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    address_line1: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(2))
    postal_code: Mapped[str | None] = mapped_column(String(7))

    offer: Mapped[Offer] = relationship(back_populates="locations")

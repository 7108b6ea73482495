"""The compliance regime: admin-granted exemptions from it, and bans (the non-compliant list).

Both are history tables: rows are never deleted. An exemption is ended by revoking it (or by its
expiry date passing on the clock); a ban is ended by its end date or by lifting it. What applies on
a given day is decided by `portal.services.compliance.get_standing`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.enums import ExemptionCategory
from portal.models.types import EnumText, UTCDateTime

_CATEGORIES = ",".join(f"'{c.value}'" for c in ExemptionCategory)


class ComplianceExemption(Model):
    """An employer's exemption from the compliance regime, granted by an administrator.

    In force from `effective_date` (inclusive) until `expiry_date` (exclusive: the exemption no
    longer applies ON the expiry date) or until revoked.
    """

    __tablename__ = "compliance_exemption"
    __table_args__ = (
        CheckConstraint(f"category IN ({_CATEGORIES})", name="category_known"),
        CheckConstraint(
            "expiry_date IS NULL OR expiry_date > effective_date", name="expiry_after_effective"
        ),
        # A revocation is complete (when, by whom, why) or absent.
        CheckConstraint(
            "(revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)"
            " OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL)",
            name="revocation_complete",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    category: Mapped[ExemptionCategory] = mapped_column(EnumText(ExemptionCategory, 40))
    legal_basis: Mapped[str] = mapped_column(String(200))
    effective_date: Mapped[date] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    granted_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    # When the employer was told that it expired (the periodic task, once).
    expiry_announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def in_force_on(self, on: date) -> bool:
        """Unrevoked, started on or before `on`, and `on` is before the expiry date."""
        return (
            self.revoked_at is None
            and self.effective_date <= on
            and (self.expiry_date is None or on < self.expiry_date)
        )


class EmployerBan(Model):
    """A finding of non-compliance: the employer is ineligible for the period.

    In force from `start_date` (inclusive) to `end_date` (inclusive: the last day of the ban);
    `end_date` NULL means permanent. Lifting (for example after a successful review) ends it early.
    """

    __tablename__ = "employer_ban"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_not_before_start"),
        CheckConstraint("penalty_cents IS NULL OR penalty_cents >= 0", name="penalty_not_negative"),
        CheckConstraint(
            "(lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL)"
            " OR (lifted_at IS NOT NULL AND lift_reason IS NOT NULL)",
            name="lift_complete",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    # The reason in French for the public list (None: bans recorded by hand, shown as written).
    reason_fr: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    penalty_cents: Mapped[int | None] = mapped_column()
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lifted_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    lift_reason: Mapped[str | None] = mapped_column(Text)
    # When the employer was told that it ended on its end date (the periodic task, once).
    end_announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def permanent(self) -> bool:
        return self.end_date is None

    def in_force_on(self, on: date) -> bool:
        """Not lifted, started on or before `on`, and `on` is on or before the end date."""
        return (
            self.lifted_at is None
            and self.start_date <= on
            and (self.end_date is None or on <= self.end_date)
        )

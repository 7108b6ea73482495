"""The employer: a business registered in the portal."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, CheckConstraint, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import Model
from portal.models.enums import BusinessType
from portal.models.types import EnumText, UTCDateTime

if TYPE_CHECKING:
    from portal.models.user import User


class Employer(Model):
    __tablename__ = "employer"
    __table_args__ = (
        CheckConstraint("length(business_number) = 9", name="business_number_nine_digits"),
        CheckConstraint(
            "province IN ('AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT')",
            name="province_code",
        ),
        CheckConstraint("employees_in_canada >= 1", name="employees_at_least_one"),
        CheckConstraint("gross_annual_revenue_cents >= 0", name="revenue_not_negative"),
        CheckConstraint(
            "mailing_province IS NULL OR mailing_province IN "
            "('AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT')",
            name="mailing_province_code",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    operating_name: Mapped[str] = mapped_column(String(200))
    business_number: Mapped[str] = mapped_column(String(9), unique=True)
    business_type: Mapped[BusinessType] = mapped_column(EnumText(BusinessType, 32))
    address_line1: Mapped[str] = mapped_column(String(200))
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100))
    province: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str] = mapped_column(String(7))
    phone: Mapped[str] = mapped_column(String(32))
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(254))
    # The business details and the primary contact's title and phone (issue 13 item 27): empty
    # for an employer registered before them (migration 0024); the profile completes them and
    # an offer cannot be submitted until it has (portal.services.offers.review).
    employees_in_canada: Mapped[int | None] = mapped_column(default=None)
    gross_annual_revenue_cents: Mapped[int | None] = mapped_column(BigInteger, default=None)
    business_started_on: Mapped[date | None] = mapped_column(default=None)
    principal_activity: Mapped[str | None] = mapped_column(String(200), default=None)
    contact_job_title: Mapped[str | None] = mapped_column(String(200), default=None)
    contact_phone: Mapped[str | None] = mapped_column(String(32), default=None)
    # The mailing address, only when it differs from the business address (else all empty).
    mailing_address_line1: Mapped[str | None] = mapped_column(String(200), default=None)
    mailing_address_line2: Mapped[str | None] = mapped_column(String(200), default=None)
    mailing_city: Mapped[str | None] = mapped_column(String(100), default=None)
    mailing_province: Mapped[str | None] = mapped_column(String(2), default=None)
    mailing_postal_code: Mapped[str | None] = mapped_column(String(7), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    # Set by the primary user: every member must sign in with a second factor (TOTP).
    second_factor_required: Mapped[bool] = mapped_column(default=False, server_default=false())
    # A practice employer (issue 17 item 4): made for one learner to work a practice case in the
    # ordinary portal; kept out of the administrators' lists. Both empty for a real employer.
    # The learner's user id has no foreign key: user_account already refers to employer, and a
    # key each way would leave no order to create or empty the two tables in.
    practice_case_id: Mapped[str | None] = mapped_column(String(64), default=None)
    practice_learner_id: Mapped[int | None] = mapped_column(index=True, default=None)

    users: Mapped[list[User]] = relationship(back_populates="employer")

    @property
    def is_practice(self) -> bool:
        return self.practice_case_id is not None

    @property
    def has_mailing_address(self) -> bool:
        return bool(self.mailing_address_line1)

    @property
    def business_number_display(self) -> str:
        """The business number as the CRA prints it: 123 456 789."""
        bn = self.business_number
        return f"{bn[0:3]} {bn[3:6]} {bn[6:9]}"

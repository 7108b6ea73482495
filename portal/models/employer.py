"""The employer: a business registered in the portal."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, String, false
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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    # Set by the primary user: every member must sign in with a second factor (TOTP).
    second_factor_required: Mapped[bool] = mapped_column(default=False, server_default=false())

    users: Mapped[list[User]] = relationship(back_populates="employer")

    @property
    def business_number_display(self) -> str:
        """The business number as the CRA prints it: 123 456 789."""
        bn = self.business_number
        return f"{bn[0:3]} {bn[3:6]} {bn[6:9]}"

"""People who sign in: employer users and administrators."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import Model
from portal.models.enums import Role
from portal.models.types import UTCDateTime

if TYPE_CHECKING:
    from portal.models.employer import Employer


class User(UserMixin, Model):  # type: ignore[misc]  # Flask-Login publishes no types
    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint(
            "role IN ('employer_primary','employer_secondary','admin')", name="role_known"
        ),
        # Employer users belong to an employer; administrators belong to none.
        CheckConstraint(
            "(role = 'admin' AND employer_id IS NULL)"
            " OR (role <> 'admin' AND employer_id IS NOT NULL)",
            name="employer_matches_role",
        ),
        CheckConstraint("preferred_language IN ('en','fr')", name="language_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(String(32))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"), index=True)
    preferred_language: Mapped[str] = mapped_column(String(2), default="en")
    # Bumped on sign-out and password change: cookies carrying an older value stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # Second factor (admins): set when the first code was confirmed; the last accepted TOTP
    # time-step, so a code is accepted only once (replay rejected).
    totp_enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    is_active_account: Mapped[bool] = mapped_column(default=True)
    # Sees every learner's practice results and exports them (issue 17 item 4).
    is_instructor: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Set when the person proved they own `email` (a confirmation link; administrators made on
    # the command line are confirmed). Until then the account can do nothing but confirm.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

    employer: Mapped[Employer | None] = relationship(back_populates="users")

    def get_id(self) -> str:
        """Flask-Login's session token: the id and the session version together."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return self.is_active_account

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    @property
    def is_primary(self) -> bool:
        return self.role == Role.EMPLOYER_PRIMARY

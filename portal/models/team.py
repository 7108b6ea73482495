"""Employer teams: who may act for which employer, and invitations to join.

A user's home employer stays `User.employer_id`; a `Membership` row gives a user access to an
employer (their home one or, for a representative, others). When no row exists for a user's home
employer, the home link itself counts as an active membership with the "submit" permission
(accounts registered before teams existed, and primary users). A row, once present, is
authoritative: `active = False` means the user was removed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.enums import MemberRole, Permission
from portal.models.types import EnumText, UTCDateTime


class Membership(Model):
    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("user_id", "employer_id", name="one_membership_per_employer"),
        CheckConstraint("role IN ('primary','secondary')", name="role_known"),
        CheckConstraint("permission IN ('prepare','submit')", name="permission_known"),
        # The primary user always has the submit permission.
        CheckConstraint("role <> 'primary' OR permission = 'submit'", name="primary_can_submit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    role: Mapped[MemberRole] = mapped_column(
        EnumText(MemberRole, 16), default=MemberRole.SECONDARY
    )
    permission: Mapped[Permission] = mapped_column(
        EnumText(Permission, 16), default=Permission.PREPARE
    )
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Invitation(Model):
    """An invitation to join an employer. Only the SHA-256 of the code is stored."""

    __tablename__ = "invitation"
    __table_args__ = (
        CheckConstraint("permission IN ('prepare','submit')", name="permission_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    permission: Mapped[Permission] = mapped_column(EnumText(Permission, 16))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    accepted_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

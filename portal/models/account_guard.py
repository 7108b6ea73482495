"""Per-account sign-in failures and lockouts, counted in the database so the limit holds
across every worker process and host.

An account is named by a key, never by its email in clear: "user:<id>" for a registered
account, or "email:" + HMAC-SHA256 (with the app secret) of an address no account uses, so an
unknown email is counted, and locked, exactly like a known one. No address, password or code
is kept. Failures older than an hour and ended lockouts are deleted by the sweep.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime

ACCOUNT_KEY_LENGTH = 80


class AccountGuard(Model):
    """One row per account that failed recently: the row locked while a failure is counted
    (so a lockout begins, and is announced, once), and the lockout's end."""

    __tablename__ = "account_guard"

    account_key: Mapped[str] = mapped_column(String(ACCOUNT_KEY_LENGTH), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failures_at_lock: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.real_now, index=True)


class SignInFailure(Model):
    """One failed password or second-factor code for an account (`kind`: password, code)."""

    __tablename__ = "sign_in_failure"
    __table_args__ = (
        # The count: one account's failures in the last hour.
        Index("ix_sign_in_failure_key_time", "account_key", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_key: Mapped[str] = mapped_column(String(ACCOUNT_KEY_LENGTH))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.real_now, index=True)

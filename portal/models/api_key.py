"""API keys: how software acts for one employer through the JSON API (/api/v1).

A key is shown once, when it is made: `ep_test_` + a random secret. Only its SHA-256 is stored
(the secret has 190 bits of entropy, so a slow password hash would add nothing but latency to
every request), with the first characters kept as `prefix` so people can tell their keys apart.
A key belongs to the user who made it and acts for one employer; its scopes narrow what that
user may do there, they never widen it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.enums import Scope
from portal.models.types import UTCDateTime


class ApiKey(Model):
    __tablename__ = "api_key"
    __table_args__ = (
        CheckConstraint("length(secret_hash) = 64", name="hash_is_sha256"),
        CheckConstraint("scopes <> ''", name="has_a_scope"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Comma-separated Scope values, in Scope order.
    scopes: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def scope_set(self) -> frozenset[Scope]:
        return frozenset(Scope(value) for value in self.scopes.split(",") if value)

    def is_usable(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)

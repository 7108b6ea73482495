"""Who performs a use case: the user, the employer they act for, and their address."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    employer_id: int | None = None
    ip_address: str | None = None
    is_admin: bool = False

    @classmethod
    def system(cls) -> Actor:
        """The portal itself (command-line tasks, scheduled work)."""
        return cls(user_id=None)

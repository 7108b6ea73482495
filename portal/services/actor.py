"""Who performs a use case: the user, the employer they act for, and their address."""

from __future__ import annotations

from dataclasses import dataclass

from portal.rules.messages import Message
from portal.services.errors import Forbidden


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    employer_id: int | None = None
    ip_address: str | None = None
    is_admin: bool = False
    # Employer users with the "prepare" permission create and edit drafts but cannot pay, submit
    # or withdraw; "submit" users (and primary users) can.
    can_submit: bool = True
    # A representative acting for an employer: both are recorded in audit events.
    representative_user_id: int | None = None
    # Acting through the JSON API: the key used, recorded in every audit event it causes.
    api_key_id: int | None = None

    @classmethod
    def system(cls) -> Actor:
        """The portal itself (command-line tasks, scheduled work)."""
        return cls(user_id=None)


def require_admin(actor: Actor, message: Message | None = None) -> None:
    """Raise Forbidden unless an administrator is acting (services check it again behind the
    views' access rules)."""
    if not actor.is_admin:
        raise Forbidden(message or Message.of("admin.only"))

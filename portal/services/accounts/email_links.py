"""Links that prove a person reads an address: confirming it, and resetting a password.

Guarantees:
- a link's token is 32 random bytes (`secrets.token_urlsafe`); only its SHA-256 is stored, with
  the address it was sent to; it works once and expires LINK_LIFETIME (24 h) after it was made
  (time from `portal.clock`); a new link of the same purpose replaces the older ones;
- the link goes in an outbox message to that address (`outbox.send`): with SMTP_URL set it is
  emailed, and the outbox does not show it (`outbox.messages`); without, it stays in the new
  account's own outbox, and the simulator cannot prove ownership;
- a confirmation link confirms only the address it was sent to; a reset link sets a new password
  (the rule of `accounts.passwords`), ends every session and, since it reached the address,
  confirms it too;
- asking for a reset answers the same whether or not an account uses the address;
- `purge_expired` deletes links that expired or were used (the periodic sweep calls it).
Raises `LinkInvalid` (an unknown, used or expired link: the three are not told apart).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, func, or_, select

from portal import clock, passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import EmailLink, User
from portal.rules.messages import Message
from portal.services.accounts import lockout
from portal.services.accounts.authentication import normalise_email
from portal.services.accounts.passwords import check_password_rule
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import DomainError
from portal.services.outbox import messages as outbox

LINK_LIFETIME = timedelta(hours=24)
CONFIRM = "confirm_email"
RESET = "reset_password"
_KIND = {CONFIRM: "email_confirmation", RESET: "password_reset"}
_INVALID = {
    CONFIRM: Message.of("email_link.confirm_email_invalid"),
    RESET: Message.of("email_link.reset_password_invalid"),
}


class LinkInvalid(DomainError):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()


def issue(user: User, purpose: str, *, link_base: str) -> None:
    """Make a link for `user` and put it in a message to their address (in the caller's
    transaction). Older unused links of the same purpose stop working."""
    db.session.execute(
        delete(EmailLink).where(EmailLink.user_id == user.id, EmailLink.purpose == purpose)
    )
    token = secrets.token_urlsafe(32)
    link = EmailLink(
        user_id=user.id, purpose=purpose, email=user.email, token_hash=hash_token(token),
        expires_at=clock.now() + LINK_LIFETIME,
    )
    db.session.add(link)
    outbox.send(
        to_email=user.email, to_user_id=user.id, kind=_KIND[purpose],
        language=user.preferred_language,
        context={"link": link_base + token, "hours": int(LINK_LIFETIME.total_seconds() // 3600)},
    )


def send_confirmation(*, user_id: int, link_base: str, ip_address: str | None) -> None:
    """A new confirmation link for a signed-in account whose address is not confirmed yet
    (nothing happens for a confirmed one)."""
    with write_transaction():
        user = db.session.get(User, user_id)
        if user is None or user.email_confirmed_at is not None:
            return
        issue(user, CONFIRM, link_base=link_base)
        audit.record("user.confirmation_sent", actor=_actor(user, ip_address),
                     object_type="user", object_id=user.id)


def _actor(user: User, ip_address: str | None) -> Actor:
    return Actor(user_id=user.id, employer_id=user.employer_id, ip_address=ip_address,
                 is_admin=user.is_admin)


def _open_link(token: str, purpose: str) -> tuple[EmailLink, User]:
    link = db.session.scalar(
        select(EmailLink).where(
            EmailLink.token_hash == hash_token(token), EmailLink.purpose == purpose
        )
    )
    user = db.session.get(User, link.user_id) if link is not None else None
    if (
        link is None or user is None or link.used_at is not None
        or link.expires_at <= clock.now() or link.email != user.email or not user.is_active
    ):
        raise LinkInvalid(_INVALID[purpose])
    return link, user


def link_is_open(*, token: str, purpose: str) -> bool:
    """Whether the link works now (to show its form, or say it does not)."""
    try:
        _open_link(token, purpose)
    except LinkInvalid:
        return False
    return True


def confirm_email(*, token: str, ip_address: str | None) -> int:
    """Confirm the address the link was sent to; returns the user id. Raises LinkInvalid."""
    with write_transaction():
        link, user = _open_link(token, CONFIRM)
        link.used_at = clock.now()
        user.email_confirmed_at = clock.now()
        audit.record("user.email_confirmed", actor=_actor(user, ip_address),
                     object_type="user", object_id=user.id)
    return user.id


def request_password_reset(
    *, email: str, link_base: str, ip_address: str | None
) -> None:
    """Send a reset link when an active account uses `email`; the same silence otherwise."""
    with write_transaction():
        user = db.session.scalar(
            select(User).where(func.lower(User.email) == normalise_email(email))
        )
        if user is None or not user.is_active:
            return
        issue(user, RESET, link_base=link_base)
        audit.record("user.password_reset_requested", actor=_actor(user, ip_address),
                     object_type="user", object_id=user.id)


def reset_password(*, token: str, new_password: str, ip_address: str | None) -> int:
    """Set a new password with a reset link; every session ends and a sign-in lockout
    (`accounts.lockout`) is lifted. Returns the user id.
    Raises LinkInvalid, PasswordRejected (field "password")."""
    check_password_rule(new_password)
    password_hash = passwords.hash_password(new_password)  # slow: not under the write lock
    with write_transaction():
        link, user = _open_link(token, RESET)
        link.used_at = clock.now()
        user.password_hash = password_hash
        user.password_changed_at = clock.now()
        user.session_version += 1
        lockout.release(user_id=user.id)  # the link reached the owner: the lock has done its job
        if user.email_confirmed_at is None:
            user.email_confirmed_at = clock.now()  # the link reached the address
        audit.record("user.password_reset", actor=_actor(user, ip_address),
                     object_type="user", object_id=user.id)
    return user.id


def purge_expired() -> int:
    """Delete the links that expired or were used; returns how many."""
    with write_transaction():
        result = db.session.execute(
            delete(EmailLink).where(
                or_(EmailLink.expires_at <= clock.now(), EmailLink.used_at.is_not(None))
            )
        )
    return int(getattr(result, "rowcount", 0) or 0)

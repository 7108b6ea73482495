"""Signing in, the session token, and ending sessions.

Guarantees: an unknown email and a wrong password are indistinguishable to the caller (both
return None after the same hashing work, and both count towards the account's lockout:
`accounts.lockout`, AccountLocked, the same for a known and an unknown email); a session token
names the user and their session version, and ending sessions (sign-out, password change,
removal) bumps the version, which ends every session that carried the old one.
"""

from __future__ import annotations

from sqlalchemy import func, select

from portal import clock, passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import User
from portal.services.accounts import lockout
from portal.services.actor import Actor
from portal.services.audit import chain as audit


def normalise_email(email: str) -> str:
    return email.strip().lower()


def authenticate(*, email: str, password: str, ip_address: str | None, secret: bytes,
                 limits: lockout.LockoutLimits | None = None) -> User | None:
    """The user whose email and password match, or None (same work either way). Raises
    AccountLocked while the account (known or not) is locked, even for the right password, and
    when this failure locks it. `secret` keys the count of an email no account uses."""
    limits = limits or lockout.LockoutLimits()
    email = normalise_email(email)
    user: User | None = db.session.scalar(select(User).where(func.lower(User.email) == email))
    key = lockout.user_key(user.id) if user else lockout.email_key(email, secret=secret)
    lockout.refuse_when_locked(key, limits)
    valid = passwords.verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        with write_transaction():
            locked = lockout.count_failure(key, kind=lockout.PASSWORD, user=user, limits=limits)
        if locked:
            raise lockout.locked_error(limits)
        return None
    with write_transaction():
        user.last_sign_in_at = clock.now()
        if passwords.needs_rehash(user.password_hash):
            user.password_hash = passwords.hash_password(password)
        audit.record(
            "user.signed_in",
            actor=Actor(user_id=user.id, employer_id=user.employer_id, ip_address=ip_address),
            object_type="user",
            object_id=user.id,
        )
    return user


def load_session_user(token: str) -> User | None:
    """The user a session token ("id:version") names, if the version is still current."""
    user_id, _, version = token.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version) or not user.is_active:
        return None
    return user


def end_sessions(*, user: User, actor: Actor, reason: str) -> None:
    """End every session of `user` (sign-out, password change, removal)."""
    with write_transaction():
        found = db.session.get(User, user.id)
        assert found is not None, "the user acting is stored"
        user = found
        user.session_version += 1
        audit.record(reason, actor=actor, object_type="user", object_id=user.id)

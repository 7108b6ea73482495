"""Accounts: registering an employer with its primary user, signing in and out, passwords.

Guarantees: emails are stored lower-case and unique; passwords are checked against the rule
and stored only as Argon2id hashes; an unknown email and a wrong password are indistinguishable
to the caller (both return None after the same hashing work); sign-out and password change bump
the user's session version, which ends every session that carried the old one.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal import clock, passwords
from portal.database import begin_write
from portal.extensions import db
from portal.models import BusinessType, Employer, Role, User
from portal.services import audit
from portal.services.actor import Actor
from portal.services.errors import Conflict, DomainError


class PasswordRejected(DomainError):
    pass


@dataclass(frozen=True)
class EmployerDetails:
    legal_name: str
    operating_name: str
    business_number: str
    business_type: BusinessType
    address_line1: str
    address_line2: str
    city: str
    province: str
    postal_code: str
    phone: str
    contact_name: str


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password_rule(password: str, *, field: str = "password") -> None:
    """Raise PasswordRejected when the password breaks the rule."""
    if len(password) < passwords.MIN_LENGTH:
        raise PasswordRejected(
            _l("Use at least %(n)d characters.", n=passwords.MIN_LENGTH), field=field
        )
    if len(password) > passwords.MAX_LENGTH:
        raise PasswordRejected(
            _l("Use at most %(n)d characters.", n=passwords.MAX_LENGTH), field=field
        )
    if passwords.is_common(password):
        raise PasswordRejected(
            _l("This password is too common. Choose one that is hard to guess."), field=field
        )


def register_employer(
    *,
    details: EmployerDetails,
    full_name: str,
    email: str,
    password: str,
    language: str,
    ip_address: str | None,
) -> User:
    """Create an employer and its primary user in one transaction.

    Raises Conflict (field email or business_number) when either is already registered, and
    PasswordRejected when the password breaks the rule.
    """
    check_password_rule(password)
    email = normalise_email(email)
    begin_write()
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        db.session.rollback()
        raise Conflict(_l("An account already uses this email address."), field="email")
    if db.session.scalar(
        select(Employer.id).where(Employer.business_number == details.business_number)
    ):
        db.session.rollback()
        raise Conflict(
            _l(
                "This business number is already registered. Ask the business's primary user "
                "to invite you."
            ),
            field="business_number",
        )
    employer = Employer(**details.__dict__, contact_email=email)
    user = User(
        email=email,
        full_name=full_name,
        password_hash=passwords.hash_password(password),
        role=Role.EMPLOYER_PRIMARY,
        employer=employer,
        preferred_language=language,
    )
    db.session.add_all([employer, user])
    db.session.flush()
    actor = Actor(user_id=user.id, employer_id=employer.id, ip_address=ip_address)
    audit.record("employer.registered", actor=actor, object_type="employer", object_id=employer.id)
    try:
        db.session.commit()
    except IntegrityError as exc:  # a concurrent registration took the email or number
        db.session.rollback()
        raise Conflict(
            _l("An account already uses this email address or business number."), field="email"
        ) from exc
    return user


def create_admin(*, email: str, full_name: str, password: str) -> User:
    """Create an administrator (from the command line only). Raises Conflict, PasswordRejected."""
    check_password_rule(password)
    email = normalise_email(email)
    begin_write()
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        db.session.rollback()
        raise Conflict(_l("An account already uses this email address."), field="email")
    user = User(
        email=email,
        full_name=full_name,
        password_hash=passwords.hash_password(password),
        role=Role.ADMIN,
    )
    db.session.add(user)
    db.session.flush()
    audit.record("admin.created", actor=Actor.system(), object_type="user", object_id=user.id)
    db.session.commit()
    return user


def authenticate(*, email: str, password: str, ip_address: str | None) -> User | None:
    """The user whose email and password match, or None (same work either way)."""
    user = db.session.scalar(
        select(User).where(func.lower(User.email) == normalise_email(email))
    )
    valid = passwords.verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        return None
    begin_write()
    user.last_sign_in_at = clock.now()
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    audit.record(
        "user.signed_in",
        actor=Actor(user_id=user.id, employer_id=user.employer_id, ip_address=ip_address),
        object_type="user",
        object_id=user.id,
    )
    db.session.commit()
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
    begin_write()
    user = db.session.get(User, user.id)  # type: ignore[assignment]
    user.session_version += 1
    audit.record(reason, actor=actor, object_type="user", object_id=user.id)
    db.session.commit()


def change_password(*, user: User, current: str, new: str, actor: Actor) -> None:
    """Change the password and end all other sessions. Raises PasswordRejected."""
    if not passwords.verify_password(user.password_hash, current):
        raise PasswordRejected(_l("Your current password is not correct."), field="current")
    check_password_rule(new, field="new")
    if passwords.verify_password(user.password_hash, new):
        raise PasswordRejected(
            _l("Choose a password different from your current one."), field="new"
        )
    begin_write()
    user = db.session.get(User, user.id)  # type: ignore[assignment]
    user.password_hash = passwords.hash_password(new)
    user.password_changed_at = clock.now()
    user.session_version += 1
    audit.record("user.password_changed", actor=actor, object_type="user", object_id=user.id)
    db.session.commit()


def set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        begin_write()
        db.session.get(User, user.id).preferred_language = language  # type: ignore[union-attr]
        db.session.commit()

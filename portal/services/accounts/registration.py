"""Registering an employer with its primary user, and creating administrators.

Guarantees: emails are stored lower-case and unique; the employer and its primary user are
created in one transaction, audited; passwords follow the rule (`accounts.passwords`) and are
stored only as Argon2id hashes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import BusinessType, Employer, Role, User
from portal.rules.messages import Message
from portal.services.accounts.authentication import normalise_email
from portal.services.accounts.passwords import check_password_rule
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict


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
    password_hash = passwords.hash_password(password)  # slow on purpose: not under the write lock
    try:
        with write_transaction():
            user = _new_employer(details, full_name, email, password_hash, language, ip_address)
    except IntegrityError as exc:  # a concurrent registration took the email or number
        raise Conflict(
            Message.of("registration.taken"), field="email"
        ) from exc
    return user


def _new_employer(details: EmployerDetails, full_name: str, email: str, password_hash: str,
                  language: str, ip_address: str | None) -> User:
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(Message.of("registration.email_taken"), field="email")
    if db.session.scalar(
        select(Employer.id).where(Employer.business_number == details.business_number)
    ):
        raise Conflict(
            Message.of("registration.business_number_taken"),
            field="business_number",
        )
    employer = Employer(**details.__dict__, contact_email=email)
    user = User(
        email=email,
        full_name=full_name,
        password_hash=password_hash,
        role=Role.EMPLOYER_PRIMARY,
        employer=employer,
        preferred_language=language,
    )
    db.session.add_all([employer, user])
    db.session.flush()
    actor = Actor(user_id=user.id, employer_id=employer.id, ip_address=ip_address)
    audit.record("employer.registered", actor=actor, object_type="employer", object_id=employer.id)
    return user


def create_admin(*, email: str, full_name: str, password: str) -> User:
    """Create an administrator (from the command line only). Raises Conflict, PasswordRejected."""
    check_password_rule(password)
    email = normalise_email(email)
    password_hash = passwords.hash_password(password)
    with write_transaction():
        if db.session.scalar(select(User.id).where(User.email == email)) is not None:
            raise Conflict(Message.of("registration.email_taken"), field="email")
        user = User(email=email, full_name=full_name, password_hash=password_hash, role=Role.ADMIN)
        db.session.add(user)
        db.session.flush()
        audit.record("admin.created", actor=Actor.system(), object_type="user", object_id=user.id)
    return user

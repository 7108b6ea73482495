"""Registering an employer with its primary user, and creating administrators.

Guarantees: emails are stored lower-case and unique; the employer and its primary user are
created in one transaction, audited, with the user unconfirmed and a confirmation link sent
(`accounts.email_links`); registering answers the same way whether or not the email or the
business number is taken (no enumeration), and the owner hears that someone tried; passwords
follow the rule (`accounts.passwords`) and are stored only as Argon2id hashes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import clock, passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import BusinessType, Employer, Role, User
from portal.rules.messages import Message
from portal.services.accounts import email_links
from portal.services.accounts.authentication import normalise_email
from portal.services.accounts.passwords import check_password_rule
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict
from portal.services.outbox import messages as outbox


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
    link_base: str,
) -> None:
    """Register an employer and its primary user, unconfirmed, and send the confirmation link
    (`link_base` + token). Returns nothing, and answers the same way when the email or the
    business number is already registered: then no account is made, and the owner of the
    address (or the business's primary user) is told that someone tried.

    Raises PasswordRejected when the password breaks the rule (whoever registers sees that).
    """
    check_password_rule(password)
    email = normalise_email(email)
    password_hash = passwords.hash_password(password)  # slow on purpose: not under the write lock
    try:
        with write_transaction():
            if not _tell_owners_if_taken(details, email, language, ip_address):
                user = _new_employer(details, full_name, email, password_hash, language,
                                     ip_address)
                email_links.issue(user, email_links.CONFIRM, link_base=link_base)
    except IntegrityError:  # a concurrent registration took the email or number (rolled back)
        return  # the same answer as any other


def _tell_owners_if_taken(details: EmployerDetails, email: str, language: str,
                          ip_address: str | None) -> bool:
    """When the email or the business number is registered, tell whoever owns it (never the
    person registering) and return True."""
    owner = db.session.scalar(select(User).where(User.email == email))
    if owner is not None:
        outbox.send(to_email=owner.email, to_user_id=owner.id, kind="registration_attempt",
                    language=owner.preferred_language, context={})
        audit.record("registration.email_taken", actor=Actor(user_id=None, ip_address=ip_address),
                     object_type="user", object_id=owner.id)
        return True
    employer = db.session.scalar(
        select(Employer).where(Employer.business_number == details.business_number)
    )
    if employer is None:
        return False
    primary = db.session.scalar(
        select(User).where(User.employer_id == employer.id, User.role == Role.EMPLOYER_PRIMARY)
    )
    if primary is not None:
        outbox.send(to_email=primary.email, to_user_id=primary.id,
                    kind="registration_attempt_business", language=primary.preferred_language,
                    context={"business": employer.operating_name})
    # The person registering hears it at the address they gave (shown in an outbox only once
    # an account has confirmed that address).
    outbox.send(to_email=email, to_user_id=None, kind="registration_business_taken",
                language=language, context={})
    audit.record("registration.business_number_taken",
                 actor=Actor(user_id=None, ip_address=ip_address), employer_id=employer.id,
                 object_type="employer", object_id=employer.id)
    return True


def _new_employer(details: EmployerDetails, full_name: str, email: str, password_hash: str,
                  language: str, ip_address: str | None) -> User:
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
        user = User(email=email, full_name=full_name, password_hash=password_hash, role=Role.ADMIN,
                    email_confirmed_at=clock.now())  # the operator vouches for the address
        db.session.add(user)
        db.session.flush()
        audit.record("admin.created", actor=Actor.system(), object_type="user", object_id=user.id)
    return user

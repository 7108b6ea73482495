"""API keys: create, list, revoke, and authenticate a bearer token.

Guarantees: the secret is random (`secrets.token_urlsafe(24)`, 192 bits), returned once by
`create_key`/`create_key_for_user` and stored only as SHA-256; `authenticate` accepts a key only
while it is neither revoked nor expired and its user still has access to its employer, and then
builds the Actor every service call of the request uses (its `api_key_id` goes into every audit
event); the last-used time is kept to the minute (one write a minute per key, not one per call).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import func, select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import ApiKey, Employer, Scope, User
from portal.rules.messages import Message
from portal.services.accounts.authentication import normalise_email
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.compliance.standing import get_standing
from portal.services.errors import DomainError, NotFound
from portal.services.teams.membership import acting_access, require_primary

KEY_PREFIX = "ep_test_"
SHOWN_PREFIX_LENGTH = len(KEY_PREFIX) + 6
LAST_USED_PRECISION = timedelta(minutes=1)
MAX_KEYS_PER_EMPLOYER = 50


class KeyRefusal(StrEnum):
    """Why a bearer token was not accepted (the API words each one)."""

    INVALID = "api_key.invalid"
    EXPIRED = "api_key.expired"
    REVOKED = "api_key.revoked"
    NO_ACCESS = "api_key.no_access"


@dataclass(frozen=True)
class KeyAccess:
    """An accepted key: the actor it acts as and the scopes it carries."""

    key_id: int
    name: str
    prefix: str
    user_id: int
    employer_id: int
    scopes: frozenset[Scope]
    actor: Actor


@dataclass(frozen=True)
class Refused:
    reason: KeyRefusal


def hash_secret(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_scopes(values: Iterable[str]) -> frozenset[Scope]:
    """Scope members from their names; raises DomainError (field scopes) for none or unknown."""
    names = {value.strip().lower() for value in values if value.strip()}
    known = {scope.value for scope in Scope}
    if not names or names - known:
        raise DomainError(
            Message.of("api_key.scopes"),
            field="scopes",
        )
    return frozenset(Scope(name) for name in names)


def _scope_text(scopes: frozenset[Scope]) -> str:
    return ",".join(scope.value for scope in Scope if scope in scopes)


def _expiry(expires_on: date | None) -> datetime | None:
    if expires_on is None:
        return None
    if expires_on <= clock.today():
        raise DomainError(
            Message.of("api_key.expiry_past"),
            field="expires_on",
        )
    return datetime.combine(expires_on, time.min, tzinfo=clock.now().tzinfo)


def _make(
    *, employer_id: int, user_id: int, name: str, scopes: frozenset[Scope],
    expires_at: datetime | None, actor: Actor,
) -> tuple[ApiKey, str]:
    count = db.session.scalar(
        select(func.count(ApiKey.id)).where(
            ApiKey.employer_id == employer_id, ApiKey.revoked_at.is_(None)
        )
    )
    if (count or 0) >= MAX_KEYS_PER_EMPLOYER:
        raise DomainError(
            Message.of("api_key.too_many"),
            field="name",
        )
    token = KEY_PREFIX + secrets.token_urlsafe(24)
    key = ApiKey(
        employer_id=employer_id,
        user_id=user_id,
        name=name.strip()[:100] or "API key",
        prefix=token[:SHOWN_PREFIX_LENGTH],
        secret_hash=hash_secret(token),
        scopes=_scope_text(scopes),
        created_at=clock.now(),
        expires_at=expires_at,
    )
    db.session.add(key)
    db.session.flush()
    audit.record(
        "api_key.created", actor=actor, employer_id=employer_id, object_type="api_key",
        object_id=key.id, details={"scopes": key.scopes, "expires": bool(expires_at)},
    )
    return key, token


def create_key(
    *, actor: Actor, name: str, scopes: Iterable[str], expires_on: date | None = None
) -> tuple[ApiKey, str]:
    """A new key for the actor's employer, acting as the actor; returns it and the token (the
    only time the token exists in clear). Raises Forbidden (not the primary user), DomainError
    (scopes, expires_on: past date; name: too many keys)."""
    employer_id = require_primary(actor)
    chosen = parse_scopes(scopes)
    expires_at = _expiry(expires_on)
    assert actor.user_id is not None, "require_primary passed: a signed-in user"
    with write_transaction():
        return _make(
            employer_id=employer_id, user_id=actor.user_id, name=name,
            scopes=chosen, expires_at=expires_at, actor=actor,
        )


def create_key_for_user(
    *, email: str, scopes: Iterable[str], name: str = "", employer_id: int | None = None
) -> tuple[ApiKey, str]:
    """A key for the employer user with this email (command line: development and tests), for
    their home employer or `employer_id` (a representative's chosen employer). Raises NotFound
    (no such employer user, or no access to that employer), DomainError (scopes)."""
    user = db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))
    if user is None or user.is_admin or not user.is_active:
        raise NotFound(Message.of("api_key.no_user"))
    access = acting_access(user_id=user.id, employer_id=employer_id)
    if access is None:
        raise NotFound(Message.of("api_key.no_access"))
    chosen = parse_scopes(scopes)
    actor = Actor(user_id=user.id, employer_id=access.employer_id)
    with write_transaction():
        return _make(
            employer_id=access.employer_id, user_id=user.id, name=name or "Command line",
            scopes=chosen, expires_at=None, actor=actor,
        )


def list_keys(*, actor: Actor) -> list[ApiKey]:
    """Every key of the actor's employer, newest first (revoked ones included, marked).
    Raises Forbidden (not the primary user)."""
    employer_id = require_primary(actor)
    return list(
        db.session.scalars(
            select(ApiKey).where(ApiKey.employer_id == employer_id).order_by(ApiKey.id.desc())
        )
    )


def revoke_key(*, actor: Actor, key_id: int) -> ApiKey:
    """Revoke one of the employer's keys at once (idempotent: revoking twice changes nothing).
    Raises Forbidden (not the primary user), NotFound (not this employer's key)."""
    employer_id = require_primary(actor)
    with write_transaction():
        key = db.session.get(ApiKey, key_id)
        if key is None or key.employer_id != employer_id:
            raise NotFound(Message.of("api_key.not_found"))
        if key.revoked_at is None:
            key.revoked_at = clock.now()
            audit.record(
                "api_key.revoked", actor=actor, employer_id=employer_id, object_type="api_key",
                object_id=key.id,
            )
    return key


def authenticate(token: str, *, ip_address: str | None) -> KeyAccess | Refused:
    """The access a bearer token gives, or why it gives none."""
    if not token.startswith(KEY_PREFIX) or len(token) > 100:
        return Refused(KeyRefusal.INVALID)
    key = db.session.scalar(select(ApiKey).where(ApiKey.secret_hash == hash_secret(token)))
    if key is None:
        return Refused(KeyRefusal.INVALID)
    now = clock.now()
    if key.revoked_at is not None:
        return Refused(KeyRefusal.REVOKED)
    if not key.is_usable(now):
        return Refused(KeyRefusal.EXPIRED)
    access = acting_access(user_id=key.user_id, employer_id=key.employer_id)
    if access is None:
        return Refused(KeyRefusal.NO_ACCESS)
    scopes = key.scope_set
    actor = Actor(
        user_id=key.user_id,
        employer_id=key.employer_id,
        ip_address=ip_address,
        can_submit=access.can_submit and Scope.SUBMIT in scopes,
        representative_user_id=key.user_id if access.representative else None,
        api_key_id=key.id,
    )
    result = KeyAccess(
        key_id=key.id, name=key.name, prefix=key.prefix, user_id=key.user_id,
        employer_id=key.employer_id, scopes=scopes, actor=actor,
    )
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        _touch(key.id, now)
    return result


def _touch(key_id: int, now: datetime) -> None:
    with write_transaction():
        db.session.execute(
            db.update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=now)
        )


@dataclass(frozen=True)
class Identity:
    """Who a key acts as: the employer, the user and their standing there."""

    employer: Employer
    user: User
    permission: str
    representative: bool
    compliance_exempt: bool


def describe(access: KeyAccess) -> Identity:
    """The employer and user behind an accepted key (for "who am I")."""
    employer = db.session.get(Employer, access.employer_id)
    user = db.session.get(User, access.user_id)
    member = acting_access(user_id=access.user_id, employer_id=access.employer_id)
    standing = get_standing(employer_id=access.employer_id, on=clock.today())
    assert employer is not None and user is not None, "an accepted key's employer and user exist"
    return Identity(
        employer=employer,
        user=user,
        permission=member.permission.value if member else "prepare",
        representative=bool(member and member.representative),
        compliance_exempt=standing.exempt,
    )

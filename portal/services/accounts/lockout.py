"""Per-account limits on sign-in failures: wrong passwords and wrong second-factor codes (TOTP
or recovery), counted per account from every address together.

Guarantees:
- failures are counted in the database (`SignInFailure`), so the limit holds across every
  worker process and host; the per-address limits (Flask-Limiter) stay as they are;
- after `LockoutLimits.failures_per_hour` failures within an hour the account is locked for
  `LockoutLimits.lockout`: every attempt, even with the right password or code, is refused
  with AccountLocked, and nothing is counted while it lasts;
- an email no account uses is counted and locked exactly like a registered one (a keyed hash
  of the address), so the answers cannot tell them apart;
- a lockout begins once: the account's guard row is locked while a failure is counted, so the
  owner is told once per lockout (outbox and email, in their language: how many failures and
  until when, nothing about who tried) and it is audited once (`account.locked`: the count and
  the minutes, no email, no address);
- a password reset by link (which proves the address) ends the lockout (`release`);
- time is real time (`portal.clock.real_now`: a lockout, like a rate limit, never jumps with the
  sandbox clock); the sweep deletes failures older than an hour and the
  guards of ended lockouts (`purge_expired`).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import AccountGuard, SignInFailure, User
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import DomainError
from portal.services.outbox import messages as outbox

FAILURE_WINDOW = timedelta(hours=1)
PASSWORD = "password"  # noqa: S105  (a kind of failure, not a password)
CODE = "code"


@dataclass(frozen=True)
class LockoutLimits:
    """Failures allowed per account in an hour, and how long the lockout lasts. None: no limit
    (rate limits turned off)."""

    failures_per_hour: int | None = 10
    lockout: timedelta = timedelta(minutes=15)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> LockoutLimits:
        """ACCOUNT_FAILURES_PER_HOUR and ACCOUNT_LOCKOUT_MINUTES; none when RATELIMIT_ENABLED
        is off (as the per-address limits)."""
        minutes = timedelta(minutes=int(config["ACCOUNT_LOCKOUT_MINUTES"]))
        if not config.get("RATELIMIT_ENABLED", True):
            return cls(None, minutes)
        return cls(int(config["ACCOUNT_FAILURES_PER_HOUR"]), minutes)


class AccountLocked(DomainError):
    """Too many failed sign-ins for this account: locked for a while."""


def user_key(user_id: int) -> str:
    return f"user:{user_id}"


def email_key(email: str, *, secret: bytes) -> str:
    """The key of an address no account uses (HMAC-SHA256: not readable back)."""
    digest = hmac.new(secret, f"sign-in-email:{email}".encode(), hashlib.sha256).hexdigest()
    return f"email:{digest}"


def locked_error(limits: LockoutLimits, *, field: str | None = None) -> AccountLocked:
    """The refusal while an account is locked (says for how long a lockout lasts), next to
    `field` or on the whole form."""
    return AccountLocked(Message.of("sign_in.account_locked",
                                    minutes=int(limits.lockout.total_seconds() // 60)),
                         field=field)


def refuse_when_locked(key: str, limits: LockoutLimits) -> None:
    """Raise AccountLocked while the account's lockout lasts (a read: no write lock)."""
    if limits.failures_per_hour is None:
        return
    until = db.session.scalar(select(AccountGuard.locked_until)
                              .where(AccountGuard.account_key == key))
    if until is not None and until > clock.real_now():
        raise locked_error(limits)


def count_failure(key: str, *, kind: str, user: User | None, limits: LockoutLimits) -> bool:
    """Count one failure, inside the caller's write transaction (never commits). Returns True
    when the account is locked (this failure reached the limit, or another request locked it
    in between: the failure is then not counted); the caller raises `locked_error` after its
    transaction, so the failure stays counted."""
    if limits.failures_per_hour is None:
        return False
    now = clock.real_now()
    guard = _locked_guard(key, user.id if user is not None else None, now)
    if guard.locked_until is not None and guard.locked_until > now:
        return True
    db.session.add(SignInFailure(account_key=key, kind=kind, created_at=now))
    db.session.flush()
    since = now - FAILURE_WINDOW
    if guard.locked_until is not None and guard.locked_until > since:
        since = guard.locked_until  # failures before the last lockout ended were paid for
    failures = db.session.scalar(select(func.count(SignInFailure.id)).where(
        SignInFailure.account_key == key, SignInFailure.created_at >= since)) or 0
    guard.updated_at = now
    if failures < limits.failures_per_hour:
        return False
    _lock(guard, user, failures, limits, now)
    return True


def _locked_guard(key: str, user_id: int | None, now: datetime) -> AccountGuard:
    """The account's guard row, made if missing, locked until the transaction ends."""
    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    db.session.execute(insert(AccountGuard).values(
        account_key=key, user_id=user_id, failures_at_lock=0, updated_at=now,
    ).on_conflict_do_nothing(index_elements=["account_key"]))
    guard = db.session.scalar(select(AccountGuard).where(AccountGuard.account_key == key)
                              .with_for_update().execution_options(populate_existing=True))
    assert guard is not None, "made just above"
    return guard


def _lock(guard: AccountGuard, user: User | None, failures: int, limits: LockoutLimits,
          now: datetime) -> None:
    guard.locked_at = now
    guard.locked_until = now + limits.lockout
    guard.failures_at_lock = failures
    minutes = int(limits.lockout.total_seconds() // 60)
    if user is not None:
        outbox.send(to_email=user.email, to_user_id=user.id, kind="account_locked",
                    language=user.preferred_language,
                    context={"failures": failures, "minutes": minutes,
                             "until": guard.locked_until.strftime("%Y-%m-%d %H:%M UTC")})
    audit.record("account.locked", actor=Actor.system(),
                 employer_id=user.employer_id if user is not None else None,
                 object_type="user" if user is not None else None,
                 object_id=user.id if user is not None else None,
                 details={"failures": failures, "minutes": minutes})


def release(*, user_id: int) -> None:
    """End the account's lockout and forget its failures, inside the caller's write
    transaction: its owner proved the address (a password reset link)."""
    key = user_key(user_id)
    db.session.execute(delete(SignInFailure).where(SignInFailure.account_key == key))
    db.session.execute(delete(AccountGuard).where(AccountGuard.account_key == key))


def purge_expired() -> int:
    """Delete failures older than the window and the guards of accounts neither locked nor
    failing any more; returns how many rows went."""
    now = clock.real_now()
    with write_transaction():
        failures = db.session.execute(
            delete(SignInFailure).where(SignInFailure.created_at < now - FAILURE_WINDOW))
        guards = db.session.execute(delete(AccountGuard).where(
            AccountGuard.updated_at < now - FAILURE_WINDOW,
            or_(AccountGuard.locked_until.is_(None), AccountGuard.locked_until <= now)))
    return sum(int(getattr(result, "rowcount", 0) or 0) for result in (failures, guards))

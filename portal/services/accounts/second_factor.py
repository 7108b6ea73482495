"""The second factor: TOTP (RFC 6238) and recovery codes. Mandatory for administrators; an
employer user turns it on for their own account (or their team requires it:
`teams.second_factor_policy`) and may turn it off with a code (`turn_off`).

Guarantees:
- secrets come from `pyotp.random_base32()` (CSPRNG); a secret is pending until the first code
  confirms it (`User.totp_enrolled_at`);
- a code is accepted for the current 30-second step or one step either side (clock drift), and
  only for a step later than the last accepted one (`User.totp_last_step`): a code is usable once,
  and a replay is rejected;
- recovery codes (10, shown once at enrolment) are stored as SHA-256 only and each works once;
- time comes from `portal.clock`; successes and failures are audited (never the code itself);
- a wrong sign-in code counts towards the account's lockout with wrong passwords
  (`accounts.lockout`): while it lasts even the right code is refused (AccountLocked).
Raises `InvalidCode` (field "code") for a wrong, reused or expired code.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import pyotp
from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import RecoveryCode, User
from portal.rules.messages import Message
from portal.services.accounts import lockout
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError

ISSUER = "Employer Portal simulator"
STEP_SECONDS = 30
DRIFT_STEPS = 1
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class InvalidCode(DomainError):
    pass


def current_step() -> int:
    return int(clock.real_now().timestamp()) // STEP_SECONDS


def is_enrolled(*, user_id: int) -> bool:
    user = db.session.get(User, user_id)
    return bool(user and user.totp_secret and user.totp_enrolled_at)


def pending_secret(*, user_id: int) -> str:
    """The secret to enrol (created on first call; the same until enrolment is confirmed).
    Raises Conflict if the user is already enrolled."""
    with write_transaction():
        user = db.session.get(User, user_id)
        assert user is not None
        if user.totp_enrolled_at is not None:
            raise Conflict(Message.of("second_factor.already_set_up"))
        if not user.totp_secret:
            user.totp_secret = pyotp.random_base32()
        secret = user.totp_secret
    return secret


def provisioning_uri(*, email: str, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def _match_step(user: User, code: str) -> int | None:
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6 or not user.totp_secret:
        return None
    totp = pyotp.TOTP(user.totp_secret)
    now = current_step()
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if user.totp_last_step is not None and step <= user.totp_last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _hash_recovery(code: str) -> str:
    normalised = "".join(ch for ch in code.lower() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _new_recovery_codes(user_id: int) -> list[str]:
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        code = f"{raw[:5]}-{raw[5:]}"
        codes.append(code)
        db.session.add(RecoveryCode(user_id=user_id, code_hash=_hash_recovery(code)))
    return codes


def _locked_user(user_id: int) -> User:
    user: User | None = db.session.scalar(select(User).where(User.id == user_id).with_for_update())
    assert user is not None
    return user


def confirm_enrolment(*, user_id: int, code: str, ip_address: str | None) -> list[str]:
    """Confirm the pending secret with a first code; returns the recovery codes (show them once).
    Raises InvalidCode (the failure is audited and kept), Conflict (already enrolled)."""
    with write_transaction():
        user = _locked_user(user_id)
        actor = Actor(user_id=user_id, ip_address=ip_address, is_admin=user.is_admin)
        if user.totp_enrolled_at is not None:
            raise Conflict(Message.of("second_factor.already_set_up"))
        step = _match_step(user, code)
        if step is None:
            audit.record(
                "second_factor.enrolment_failed", actor=actor, object_type="user",
                object_id=user_id,
            )
            codes = None
        else:
            user.totp_last_step = step
            user.totp_enrolled_at = clock.now()
            for old in db.session.scalars(
                select(RecoveryCode).where(RecoveryCode.user_id == user_id)
            ):
                db.session.delete(old)
            codes = _new_recovery_codes(user_id)
            audit.record(
                "second_factor.enrolled", actor=actor, object_type="user", object_id=user_id
            )
    if codes is None:
        raise InvalidCode(
            Message.of("second_factor.code_wrong"), field="code"
        )
    return codes


def verify(*, user_id: int, code: str, ip_address: str | None,
           limits: lockout.LockoutLimits | None = None) -> None:
    """Check a sign-in code: a TOTP code (once only) or an unused recovery code.
    Raises InvalidCode (a wrong code is audited, kept and counted towards the account's
    lockout), AccountLocked while the account is locked (even for the right code) and when this
    failure locks it."""
    limits = limits or lockout.LockoutLimits()
    key = lockout.user_key(user_id)
    with write_transaction():
        user = _locked_user(user_id)
        actor = Actor(user_id=user_id, ip_address=ip_address, is_admin=user.is_admin)
        if user.totp_enrolled_at is None:
            raise InvalidCode(Message.of("second_factor.not_set_up"), field="code")
        lockout.refuse_when_locked(key, limits)
        action = _accept_code(user, code)
        audit.record(action, actor=actor, object_type="user", object_id=user_id)
        locked = action == "second_factor.failed" and lockout.count_failure(
            key, kind=lockout.CODE, user=user, limits=limits)
    if locked:
        raise lockout.locked_error(limits, field="code")
    if action == "second_factor.failed":
        raise InvalidCode(
            Message.of("second_factor.code_wrong_or_used"),
            field="code",
        )


def _accept_code(user: User, code: str) -> str:
    """Use up the TOTP step or the recovery code that `code` is; the audit action to record."""
    step = _match_step(user, code)
    if step is not None:
        user.totp_last_step = step
        return "second_factor.passed"
    recovery = db.session.scalar(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash_recovery(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if recovery is not None:
        recovery.used_at = clock.now()
        return "second_factor.recovery_code_used"
    return "second_factor.failed"


def recovery_codes_left(*, user_id: int) -> int:
    return len(
        list(
            db.session.scalars(
                select(RecoveryCode.id).where(
                    RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None)
                )
            )
        )
    )


def turn_off(*, user_id: int, code: str, ip_address: str | None) -> None:
    """An employer user turns their second factor off, proving it with a code (TOTP or
    recovery): the secret and the recovery codes are deleted. Administrators keep it (Conflict);
    the team's requirement is checked by `teams.second_factor_policy`. Raises InvalidCode."""
    with write_transaction():
        user = _locked_user(user_id)
        if user.is_admin:
            raise Conflict(Message.of("second_factor.mandatory_for_admins"))
        if user.totp_enrolled_at is None:
            raise Conflict(Message.of("second_factor.not_set_up"))
        actor = Actor(user_id=user_id, employer_id=user.employer_id, ip_address=ip_address)
        action = _accept_code(user, code)
        if action != "second_factor.failed":
            user.totp_secret = None
            user.totp_enrolled_at = None
            user.totp_last_step = None
            for old in db.session.scalars(
                select(RecoveryCode).where(RecoveryCode.user_id == user_id)
            ):
                db.session.delete(old)
            action = "second_factor.turned_off"
        audit.record(action, actor=actor, object_type="user", object_id=user_id)
    if action == "second_factor.failed":
        raise InvalidCode(Message.of("second_factor.code_wrong_or_used"), field="code")

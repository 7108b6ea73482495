"""Invitations to join an employer's team.

Guarantees: only the employer's primary user invites or cancels; codes are random (16 characters
from an unambiguous alphabet), shown once, stored only as SHA-256, expire after
INVITATION_LIFETIME and are used at most once; the invitation message goes to the outbox in the
recipient's language; accepting creates or reactivates a membership with the invited permission,
and only an account that has confirmed the invited address accepts (an account made with the
invitation is created unconfirmed, with the invitation claimed: `accept_claimed` accepts it once
the address is confirmed); every step is audited (no names or email addresses in details).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import func, select

from portal import clock, passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Employer, Invitation, MemberRole, Membership, Permission, Role, User
from portal.rules.messages import Message
from portal.services.accounts import email_links
from portal.services.accounts.authentication import normalise_email
from portal.services.accounts.passwords import check_password_rule
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, Forbidden, NotFound
from portal.services.outbox import messages as outbox
from portal.services.teams.membership import acting_access, require_primary

INVITATION_LIFETIME = timedelta(days=14)
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def _hash_code(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def invite(
    *, actor: Actor, email: str, permission: Permission, language: str, link_base: str
) -> str:
    """Invite `email` to act for the actor's employer; returns the code (shown once).

    The invitation message goes to the outbox with a link `link_base + code`. Raises Forbidden
    (not the primary user), Conflict (field email: already a member).
    """
    employer_id = require_primary(actor)
    email = normalise_email(email)
    with write_transaction():
        existing = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if existing is not None and acting_access(user_id=existing.id, employer_id=employer_id):
            raise Conflict(Message.of("team.already_member"), field="email")
        if existing is not None and existing.is_admin:
            raise Conflict(Message.of("team.email_not_invitable"), field="email")
        code = _new_code()
        invitation = Invitation(
            employer_id=employer_id,
            email=email,
            permission=Permission(permission),
            code_hash=_hash_code(code),
            invited_by=actor.user_id,
            expires_at=clock.now() + INVITATION_LIFETIME,
        )
        db.session.add(invitation)
        db.session.flush()
        employer = db.session.get(Employer, employer_id)
        assert employer is not None
        recipient_language = existing.preferred_language if existing is not None else language
        outbox.send(
            to_email=email,
            to_user_id=existing.id if existing is not None else None,
            kind="invitation",
            language=recipient_language,
            context={
                "business": employer.operating_name,
                "permission": Permission(permission),  # the email shows its label
                "link": link_base + code,
                "code": code,
                "expires": invitation.expires_at.date(),
            },
        )
        audit.record(
            "team.user_invited",
            actor=actor,
            object_type="invitation",
            object_id=invitation.id,
            details={"permission": str(permission), "existing_account": existing is not None},
        )
    return code


def _open_invitation(code: str) -> Invitation:
    invitation = db.session.scalar(
        select(Invitation).where(Invitation.code_hash == _hash_code(code))
    )
    if (
        invitation is None
        or invitation.accepted_at is not None
        or invitation.cancelled_at is not None
        or invitation.expires_at <= clock.now()
    ):
        raise NotFound(
            Message.of("team.invitation_invalid"),
            field="code",
        )
    return invitation


def find_invitation(*, code: str) -> tuple[Invitation, Employer, bool]:
    """The open invitation for `code`, its employer and whether its email has an account.
    Raises NotFound (field code)."""
    invitation = _open_invitation(code)
    employer = db.session.get(Employer, invitation.employer_id)
    assert employer is not None
    has_account = (
        db.session.scalar(select(User.id).where(func.lower(User.email) == invitation.email))
        is not None
    )
    return invitation, employer, has_account


def accept_invitation(*, code: str, user_id: int, ip_address: str | None) -> int:
    """The signed-in user accepts; returns the employer id. Raises NotFound (bad code), Forbidden
    (the invitation is for another email address)."""
    with write_transaction():
        invitation = _open_invitation(code)
        user = db.session.get(User, user_id)
        if user is None or user.email != invitation.email:
            raise Forbidden(
                Message.of("team.invitation_other_email"),
                field="code",
            )
        if user.email_confirmed_at is None:
            raise Forbidden(Message.of("team.email_unconfirmed"), field="code")
        _join(user, invitation, ip_address)
    return invitation.employer_id


def _join(user: User, invitation: Invitation, ip_address: str | None) -> None:
    """Make or reactivate the membership the invitation offers, and mark it accepted."""
    row = db.session.scalar(
        select(Membership).where(
            Membership.user_id == user.id, Membership.employer_id == invitation.employer_id
        )
    )
    if row is None:
        row = Membership(user_id=user.id, employer_id=invitation.employer_id)
        db.session.add(row)
    row.role = MemberRole.SECONDARY
    row.permission = invitation.permission
    row.active = True
    row.removed_at = None
    invitation.accepted_at = clock.now()
    invitation.accepted_user_id = user.id
    _audit_joined(user, invitation, ip_address)


def accept_claimed(*, user_id: int, ip_address: str | None) -> list[int]:
    """Accept the open invitations claimed by making the account `user_id`, now that its address
    is confirmed; returns their employer ids (none when the address is not confirmed)."""
    with write_transaction():
        user = db.session.get(User, user_id)
        if user is None or user.email_confirmed_at is None:
            return []
        claimed = db.session.scalars(
            select(Invitation).where(
                Invitation.accepted_user_id == user_id, Invitation.accepted_at.is_(None),
                Invitation.cancelled_at.is_(None), Invitation.expires_at > clock.now(),
                Invitation.email == user.email,
            )
        ).all()
        for invitation in claimed:
            _join(user, invitation, ip_address)
    return [invitation.employer_id for invitation in claimed]


def accept_with_new_account(
    *, code: str, full_name: str, password: str, language: str, ip_address: str | None,
    link_base: str,
) -> User:
    """Create the invited person's account (secondary user of the inviting employer),
    unconfirmed, claiming the invitation, and send it a confirmation link (`link_base` + token):
    the membership is made when the address is confirmed (`accept_claimed`). Raises NotFound
    (bad code), Conflict (an account exists: sign in instead), PasswordRejected."""
    check_password_rule(password)
    password_hash = passwords.hash_password(password)  # slow on purpose: not under the write lock
    with write_transaction():
        invitation = _open_invitation(code)
        if db.session.scalar(select(User.id).where(func.lower(User.email) == invitation.email)):
            raise Conflict(Message.of("team.account_exists"))
        user = User(
            email=invitation.email,
            full_name=full_name,
            password_hash=password_hash,
            role=Role.EMPLOYER_SECONDARY,
            employer_id=invitation.employer_id,
            preferred_language=language,
        )
        db.session.add(user)
        db.session.flush()
        invitation.accepted_user_id = user.id  # claimed; accepted once the address is confirmed
        email_links.issue(user, email_links.CONFIRM, link_base=link_base)
        audit.record(
            "team.invitation_claimed",
            actor=Actor(user_id=user.id, employer_id=invitation.employer_id,
                        ip_address=ip_address),
            object_type="invitation", object_id=invitation.id,
        )
    return user


def _audit_joined(user: User, invitation: Invitation, ip_address: str | None) -> None:
    actor = Actor(
        user_id=user.id,
        employer_id=invitation.employer_id,
        ip_address=ip_address,
        representative_user_id=user.id if user.employer_id != invitation.employer_id else None,
    )
    audit.record(
        "team.invitation_accepted",
        actor=actor,
        object_type="invitation",
        object_id=invitation.id,
        details={"permission": str(invitation.permission)},
    )


def cancel_invitation(*, actor: Actor, invitation_id: int) -> None:
    """Cancel an open invitation of the actor's employer. Raises Forbidden, NotFound."""
    employer_id = require_primary(actor)
    with write_transaction():
        invitation = db.session.get(Invitation, invitation_id)
        if invitation is None or invitation.employer_id != employer_id or invitation.accepted_at:
            raise NotFound(Message.of("team.invitation_not_found"))
        if invitation.cancelled_at is None:
            invitation.cancelled_at = clock.now()
            audit.record(
                "team.invitation_cancelled",
                actor=actor,
                object_type="invitation",
                object_id=invitation_id,
            )

"""Employer teams and representatives: who may act for which employer, permissions, removal.

Guarantees:
- a user acts for an employer only through an active membership (an explicit `Membership` row,
  or their home employer `User.employer_id` when no row exists for it); `acting_access` is the
  one place that decides it;
- only the employer's primary user invites, changes permissions and removes; the primary user
  cannot be removed or downgraded;
- invitations live in `teams.invitations`;
- removing a user deactivates the membership and bumps the user's session version, so every
  session they hold ends at once;
- every change is audited (no names or email addresses in details).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Employer, Invitation, MemberRole, Membership, Permission, Role, User
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Forbidden, NotFound


@dataclass(frozen=True)
class Access:
    """How a user may act for one employer."""

    employer_id: int
    role: MemberRole
    permission: Permission
    representative: bool  # acting for an employer other than their home employer

    @property
    def can_submit(self) -> bool:
        return self.permission == Permission.SUBMIT

    @property
    def is_primary(self) -> bool:
        return self.role == MemberRole.PRIMARY


@dataclass(frozen=True)
class Member:
    user_id: int
    full_name: str
    email: str
    role: MemberRole
    permission: Permission


def _implicit(user: User) -> Access:
    role = MemberRole.PRIMARY if user.role == Role.EMPLOYER_PRIMARY else MemberRole.SECONDARY
    assert user.employer_id is not None, "only a user with a home employer has implicit access"
    return Access(user.employer_id, role, Permission.SUBMIT, False)


def _row_access(user: User, row: Membership) -> Access:
    return Access(row.employer_id, row.role, row.permission, row.employer_id != user.employer_id)


def acting_access(*, user_id: int, employer_id: int | None) -> Access | None:
    """The user's access to `employer_id` (default: their home employer), or None. An account
    whose email address is not confirmed acts for no employer."""
    user = db.session.get(User, user_id)
    if user is None or user.is_admin or user.email_confirmed_at is None:
        return None
    employer_id = employer_id if employer_id is not None else user.employer_id
    if employer_id is None:
        return None
    row = db.session.scalar(
        select(Membership).where(
            Membership.user_id == user_id, Membership.employer_id == employer_id
        )
    )
    if row is not None:
        return _row_access(user, row) if row.active else None
    return _implicit(user) if employer_id == user.employer_id else None


def employers_for_user(*, user_id: int) -> list[tuple[Employer, Access]]:
    """Every employer the user may act for, by operating name."""
    user = db.session.get(User, user_id)
    if user is None or user.is_admin:
        return []
    rows = {
        m.employer_id: m
        for m in db.session.scalars(select(Membership).where(Membership.user_id == user_id))
    }
    result: list[tuple[Employer, Access]] = []
    if user.employer is not None and user.employer_id not in rows:
        result.append((user.employer, _implicit(user)))
    for row in rows.values():
        employer = db.session.get(Employer, row.employer_id) if row.active else None
        if employer is not None:  # an active row's employer exists (foreign key)
            result.append((employer, _row_access(user, row)))
    return sorted(result, key=lambda pair: pair[0].operating_name.lower())


def require_primary(actor: Actor) -> int:
    if actor.user_id is None or actor.employer_id is None:
        raise NotFound(Message.of("employer.not_found"))
    access = acting_access(user_id=actor.user_id, employer_id=actor.employer_id)
    if access is None or not access.is_primary:
        raise Forbidden(Message.of("team.primary_only"))
    return actor.employer_id


def list_team(*, actor: Actor) -> tuple[list[Member], list[Invitation]]:
    """Active members of the actor's employer and its open invitations. Raises NotFound if the
    actor acts for no employer (any member may look)."""
    if actor.employer_id is None or actor.user_id is None:
        raise NotFound(Message.of("employer.not_found"))
    employer_id = actor.employer_id
    members = members_of(employer_id=employer_id)
    now = clock.now()
    invitations = list(
        db.session.scalars(
            select(Invitation)
            .where(
                Invitation.employer_id == employer_id,
                Invitation.accepted_at.is_(None),
                Invitation.cancelled_at.is_(None),
                Invitation.expires_at > now,
            )
            .order_by(Invitation.id.desc())
        )
    )
    return members, invitations


def _member_row(employer_id: int, user_id: int) -> Membership:
    """The explicit row for a member (created from the implicit home link if needed)."""
    user = db.session.get(User, user_id)
    access = acting_access(user_id=user_id, employer_id=employer_id) if user else None
    if user is None or access is None:
        raise NotFound(Message.of("team.not_member"))
    if access.is_primary:
        raise Forbidden(Message.of("team.primary_unchangeable"))
    row = db.session.scalar(
        select(Membership).where(
            Membership.user_id == user_id, Membership.employer_id == employer_id
        )
    )
    if row is None:
        row = Membership(
            user_id=user_id,
            employer_id=employer_id,
            role=access.role,
            permission=access.permission,
        )
        db.session.add(row)
    return row


def change_permission(*, actor: Actor, user_id: int, permission: Permission) -> None:
    """Set a secondary member's permission. Raises Forbidden, NotFound."""
    employer_id = require_primary(actor)
    with write_transaction():
        row = _member_row(employer_id, user_id)
        if row.permission != permission:
            row.permission = Permission(permission)
            audit.record(
                "team.permission_changed",
                actor=actor,
                object_type="user",
                object_id=user_id,
                details={"permission": str(permission)},
            )


def remove_member(*, actor: Actor, user_id: int) -> None:
    """Remove a secondary member: membership deactivated, every session of theirs ended.
    Raises Forbidden, NotFound."""
    employer_id = require_primary(actor)
    with write_transaction():
        row = _member_row(employer_id, user_id)
        row.active = False
        row.removed_at = clock.now()
        user = db.session.get(User, user_id)
        assert user is not None
        user.session_version += 1
        audit.record("team.user_removed", actor=actor, object_type="user", object_id=user_id)


def members_of(*, employer_id: int) -> list[Member]:
    """Active members of the employer, primary user first, then by name."""
    rows = {
        m.user_id: m
        for m in db.session.scalars(select(Membership).where(Membership.employer_id == employer_id))
    }
    members: list[Member] = []
    home_users = db.session.scalars(select(User).where(User.employer_id == employer_id))
    for user in home_users:
        if user.id not in rows:
            a = _implicit(user)
            members.append(Member(user.id, user.full_name, user.email, a.role, a.permission))
    for row in rows.values():
        if row.active:
            member = db.session.get(User, row.user_id)
            assert member is not None
            members.append(
                Member(member.id, member.full_name, member.email, row.role, row.permission)
            )
    members.sort(key=lambda m: (m.role != MemberRole.PRIMARY, m.full_name.lower()))
    return members

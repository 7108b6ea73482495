"""Who must sign in with a second factor (TOTP), and the team's requirement.

Guarantees: administrators always must; an employer user must when any employer they act for
(their own, or one they are an active member of) has `second_factor_required`, which only that
employer's primary user turns on, and only once their own second factor is set up; a user the
requirement covers cannot turn theirs off. Audited.
"""

from __future__ import annotations

from sqlalchemy import select

from portal.database import write_transaction
from portal.extensions import db
from portal.models import Employer, Membership, User
from portal.rules.messages import Message
from portal.services.accounts import second_factor
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict
from portal.services.teams.membership import require_primary


def required_for(*, user_id: int) -> bool:
    """Whether the user must sign in with a second factor."""
    user = db.session.get(User, user_id)
    if user is None:
        return False
    if user.is_admin:
        return True
    employer_ids = set(db.session.scalars(
        select(Membership.employer_id).where(Membership.user_id == user_id, Membership.active)
    ))
    if user.employer_id is not None:
        employer_ids.add(user.employer_id)
    if not employer_ids:
        return False
    return bool(db.session.scalar(
        select(Employer.id).where(
            Employer.id.in_(employer_ids), Employer.second_factor_required.is_(True)
        ).limit(1)
    ))


def team_requires(*, actor: Actor) -> bool:
    """Whether the actor's employer requires the second factor of its team."""
    employer = db.session.get(Employer, actor.employer_id) if actor.employer_id else None
    return bool(employer and employer.second_factor_required)


def set_team_requirement(*, actor: Actor, required: bool) -> None:
    """The primary user requires (or stops requiring) the second factor of every member.
    Raises Forbidden (not the primary user), Conflict (their own is not set up yet)."""
    employer_id = require_primary(actor)
    assert actor.user_id is not None
    if required and not second_factor.is_enrolled(user_id=actor.user_id):
        raise Conflict(Message.of("second_factor.set_up_yours_first"))
    with write_transaction():
        employer = db.session.get(Employer, employer_id)
        assert employer is not None
        if employer.second_factor_required == required:
            return
        employer.second_factor_required = required
        audit.record(
            "team.second_factor_required" if required else "team.second_factor_optional",
            actor=actor, object_type="employer", object_id=employer_id,
        )


def turn_off(*, user_id: int, code: str, ip_address: str | None) -> None:
    """Turn the user's own second factor off (with a code), unless they must keep it.
    Raises Conflict (required), InvalidCode."""
    if required_for(user_id=user_id):
        raise Conflict(Message.of("second_factor.required_by_team"))
    second_factor.turn_off(user_id=user_id, code=code, ip_address=ip_address)

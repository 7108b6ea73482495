"""Bans: employers found non-compliant and ineligible for a period, and the public list.

Guarantees: only administrators record or lift a ban (Forbidden otherwise); a ban is never
deleted (it is lifted, with a reason); its end is on or after its start; every change is audited
with its dates and penalty but no personal data (a ban emits employer.banned); the public list
shows only bans in force, with the business, reason, period and penalty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Employer, EmployerBan
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.webhooks import events as webhooks


def record_ban(
    *,
    actor: Actor,
    employer_id: int,
    reason: str,
    reason_fr: str,
    start_date: date,
    end_date: date | None,
    penalty_cents: int | None,
) -> EmployerBan:
    """Record that the employer is ineligible (after an inspection) from start_date to end_date
    inclusive, or permanently (end_date None), with the published reason in English and in
    French (the French public list shows it). Raises Forbidden, NotFound, DomainError."""
    require_admin(actor)
    if not reason.strip():
        raise DomainError(Message.of("ban.reason_missing"), field="reason")
    if not reason_fr.strip():
        raise DomainError(Message.of("ban.reason_fr_missing"), field="reason_fr")
    if end_date is not None and end_date < start_date:
        raise DomainError(Message.of("ban.end_before_start"), field="end_date")
    if penalty_cents is not None and penalty_cents < 0:
        raise DomainError(Message.of("ban.penalty_negative"), field="penalty")
    with write_transaction():
        if db.session.get(Employer, employer_id) is None:
            raise NotFound(Message.of("employer.not_found"))
        ban = add_ban(actor=actor, employer_id=employer_id, reason=reason.strip(),
                      reason_fr=reason_fr.strip(), start_date=start_date, end_date=end_date,
                      penalty_cents=penalty_cents)
    return ban


def add_ban(
    *,
    actor: Actor,
    employer_id: int,
    reason: str,
    start_date: date,
    end_date: date | None,
    penalty_cents: int | None,
    reason_fr: str | None = None,
) -> EmployerBan:
    """Add the ban to the caller's write transaction (record_ban, or an inspection's final
    decision), audited, with employer.banned emitted. Checks nothing: the caller has."""
    ban = EmployerBan(
        employer_id=employer_id,
        reason=reason,
        reason_fr=reason_fr,
        start_date=start_date,
        end_date=end_date,
        penalty_cents=penalty_cents,
        recorded_by=actor.user_id,
        created_at=clock.now(),
    )
    db.session.add(ban)
    db.session.flush()
    audit.record(
        "compliance.ban_recorded",
        actor=actor,
        employer_id=employer_id,
        object_type="employer_ban",
        object_id=ban.id,
        details={
            "start_date": start_date.isoformat(),
            "end_date": end_date.isoformat() if end_date else None,
            "penalty_cents": penalty_cents,
        },
    )
    webhooks.emit_ban(ban)
    return ban


def lift_ban(*, actor: Actor, ban_id: int, reason: str) -> None:
    """End a ban early (for example overturned on review). Raises Forbidden, NotFound, Conflict,
    DomainError (field reason)."""
    require_admin(actor)
    if not reason.strip():
        raise DomainError(Message.of("ban.lift_reason_missing"), field="reason")
    with write_transaction():
        ban = db.session.scalar(
            select(EmployerBan).where(EmployerBan.id == ban_id).with_for_update()
        )
        if ban is None:
            raise NotFound(Message.of("ban.not_found"))
        if ban.lifted_at is not None:
            raise Conflict(Message.of("ban.already_lifted"))
        ban.lifted_at = clock.now()
        ban.lifted_by = actor.user_id
        ban.lift_reason = reason.strip()
        audit.record(
            "compliance.ban_lifted",
            actor=actor,
            employer_id=ban.employer_id,
            object_type="employer_ban",
            object_id=ban.id,
        )


@dataclass(frozen=True)
class PublicBan:
    business_name: str
    legal_name: str
    city: str
    province: str
    reason: str
    reason_fr: str | None
    start_date: date
    end_date: date | None
    penalty_cents: int | None

    def reason_in(self, language: str) -> str:
        """The reason in `language` ("fr": the French one when recorded)."""
        return self.reason_fr if language == "fr" and self.reason_fr else self.reason


def list_public_bans(*, on: date) -> list[PublicBan]:
    """Bans in force on `on` (and not lifted), as the public list shows them: the business, the
    reason, the period and the penalty. No personal data. Newest first."""
    stmt = (
        select(EmployerBan, Employer)
        .join(Employer, Employer.id == EmployerBan.employer_id)
        .where(EmployerBan.lifted_at.is_(None), EmployerBan.start_date <= on)
        .where((EmployerBan.end_date.is_(None)) | (EmployerBan.end_date >= on))
        .order_by(EmployerBan.start_date.desc(), EmployerBan.id.desc())
    )
    return [
        PublicBan(
            business_name=employer.operating_name,
            legal_name=employer.legal_name,
            city=employer.city,
            province=employer.province,
            reason=ban.reason,
            reason_fr=ban.reason_fr,
            start_date=ban.start_date,
            end_date=ban.end_date,
            penalty_cents=ban.penalty_cents,
        )
        for ban, employer in db.session.execute(stmt)
    ]

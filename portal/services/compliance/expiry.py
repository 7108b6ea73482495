"""Exemptions and bans that end on their date: the employer is told, once.

Guarantees: `announce_endings(today=...)` finds every unrevoked exemption whose expiry date has
come (it no longer applies ON that date) and every unlifted ban whose last day has passed, and
for each, in one transaction: marks it announced, tells the employer's primary users (the
outbox, and email with SMTP_URL) and, for an exemption, emits employer.exemption_changed
(change "expired"). Idempotent: an announced row is never announced again, and two consumers
running it at once announce each row once (the row is locked and read again). What applies on
a day never depends on this task (`standing` reads the dates); it only tells people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import ComplianceExemption, Employer, EmployerBan, Role, User
from portal.services.outbox import messages as outbox
from portal.services.webhooks import events as webhooks


@dataclass(frozen=True)
class Announced:
    exemptions: int
    bans: int


def _tell_primary_users(employer_id: int, *, kind: str, on: date) -> None:
    employer = db.session.get(Employer, employer_id)
    business = employer.operating_name if employer is not None else ""
    users = db.session.scalars(select(User).where(
        User.employer_id == employer_id, User.role == Role.EMPLOYER_PRIMARY,
        User.is_active_account.is_(True)))
    for user in users:
        outbox.send(to_email=user.email, to_user_id=user.id, kind=kind,
                    language=user.preferred_language,
                    context={"business": business, "date": on})


def _expired_exemptions(today: date) -> list[int]:
    return list(db.session.scalars(select(ComplianceExemption.id).where(
        ComplianceExemption.revoked_at.is_(None),
        ComplianceExemption.expiry_announced_at.is_(None),
        ComplianceExemption.expiry_date <= today)))


def _ended_bans(today: date) -> list[int]:
    return list(db.session.scalars(select(EmployerBan.id).where(
        EmployerBan.lifted_at.is_(None), EmployerBan.end_announced_at.is_(None),
        EmployerBan.end_date < today)))


def _announce_exemption(exemption_id: int, today: date) -> bool:
    with write_transaction():
        row = db.session.scalar(select(ComplianceExemption).where(
            ComplianceExemption.id == exemption_id).with_for_update()
            .execution_options(populate_existing=True))
        if row is None or row.expiry_announced_at is not None or row.revoked_at is not None \
                or row.expiry_date is None or row.expiry_date > today:
            return False
        row.expiry_announced_at = clock.now()
        _tell_primary_users(row.employer_id, kind="compliance_exemption_expired",
                            on=row.expiry_date)
        webhooks.emit_exemption(row, change="expired")
        return True


def _announce_ban(ban_id: int, today: date) -> bool:
    with write_transaction():
        row = db.session.scalar(select(EmployerBan).where(EmployerBan.id == ban_id)
                                .with_for_update().execution_options(populate_existing=True))
        if row is None or row.end_announced_at is not None or row.lifted_at is not None \
                or row.end_date is None or row.end_date >= today:
            return False
        row.end_announced_at = clock.now()
        _tell_primary_users(row.employer_id, kind="compliance_ban_ended", on=row.end_date)
        return True


def announce_endings(*, today: date) -> Announced:
    """Tell employers of the exemptions and bans that ended by `today`. Commits per row."""
    exemptions = sum(_announce_exemption(i, today) for i in _expired_exemptions(today))
    bans = sum(_announce_ban(i, today) for i in _ended_bans(today))
    return Announced(exemptions=exemptions, bans=bans)

"""Administrators' view of employers: search with offer counts and standing, and one
employer's full page (users, offers, exemption and ban history, audit events).

Read-only. Raises Forbidden for non-administrators and NotFound for unknown employers.
Offers are counted with one grouped query (when the offers model is installed).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select

from portal.extensions import db
from portal.models import AuditEvent, ComplianceExemption, Employer, EmployerBan, Offer
from portal.models.enums import RegimeStatus
from portal.rules import search as search_rules
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.compliance.standing import Standing, get_standing
from portal.services.errors import NotFound
from portal.services.pages import Page, paginate
from portal.services.search import employer_matches
from portal.services.teams.membership import Member, members_of

PAGE_SIZE = 25
STATUSES = tuple(RegimeStatus)


@dataclass(frozen=True)
class EmployerRow:
    employer: Employer
    offers: int
    status: RegimeStatus



def _in_force_ids(on: date) -> tuple[set[int], set[int]]:
    exempt = set(
        db.session.scalars(
            select(ComplianceExemption.employer_id).where(
                ComplianceExemption.revoked_at.is_(None),
                ComplianceExemption.effective_date <= on,
                or_(
                    ComplianceExemption.expiry_date.is_(None),
                    ComplianceExemption.expiry_date > on,
                ),
            )
        )
    )
    banned = set(
        db.session.scalars(
            select(EmployerBan.employer_id).where(
                EmployerBan.lifted_at.is_(None),
                EmployerBan.start_date <= on,
                or_(EmployerBan.end_date.is_(None), EmployerBan.end_date >= on),
            )
        )
    )
    return exempt, banned


def _status(employer_id: int, exempt: set[int], banned: set[int]) -> RegimeStatus:
    if employer_id in banned:
        return RegimeStatus.BANNED
    if employer_id in exempt:
        return RegimeStatus.EXEMPT
    return RegimeStatus.ACTIVE


def search_employers(
    *, actor: Actor, query: str, province: str, status: str, on: date, page: int = 1
) -> Page:
    """Employers whose name or business number contains `query` (portal.rules.search), in
    `province` and with `status` (active/exempt/banned on day `on`) when given; by name."""
    require_admin(actor)
    stmt = select(Employer).where(Employer.practice_case_id.is_(None))  # no practice ones
    searched = search_rules.term(query)
    if searched is not None:
        stmt = stmt.where(employer_matches(searched, search_rules.digits_term(query)))
    if province:
        stmt = stmt.where(Employer.province == province)
    exempt, banned = _in_force_ids(on)
    if status == RegimeStatus.BANNED:
        stmt = stmt.where(Employer.id.in_(banned or {-1}))
    elif status == RegimeStatus.EXEMPT:
        stmt = stmt.where(Employer.id.in_((exempt - banned) or {-1}))
    elif status == RegimeStatus.ACTIVE:
        stmt = stmt.where(Employer.id.not_in(exempt | banned or {-1}))
    found = paginate(
        stmt, page=page, size=PAGE_SIZE, scalars=True,
        order_by=(func.lower(Employer.operating_name), Employer.id),
    )
    employers: list[Employer] = found.rows
    counts = offer_counts([e.id for e in employers])
    rows = [EmployerRow(e, counts.get(e.id, 0), _status(e.id, exempt, banned)) for e in employers]
    return replace(found, rows=rows)


def offer_counts(employer_ids: list[int]) -> dict[int, int]:
    """Number of offers per employer (one grouped query)."""
    if not employer_ids:
        return {}
    stmt = (
        select(Offer.employer_id, func.count(Offer.id))
        .where(Offer.employer_id.in_(employer_ids))
        .group_by(Offer.employer_id)
    )
    return {employer_id: count for employer_id, count in db.session.execute(stmt)}


@dataclass(frozen=True)
class EmployerOverview:
    employer: Employer
    standing: Standing
    members: list[Member]
    offers: list[Offer]
    exemptions: list[ComplianceExemption]
    bans: list[EmployerBan]
    events: list[AuditEvent]
    placeholder_business_number: bool


def employer_overview(*, actor: Actor, employer_id: int, on: date) -> EmployerOverview:
    """Everything an administrator sees on one employer's page. Raises Forbidden, NotFound."""
    require_admin(actor)
    employer = db.session.get(Employer, employer_id)
    if employer is None:
        raise NotFound(Message.of("employer.not_found"))
    offers = list(
        db.session.scalars(
            select(Offer).where(Offer.employer_id == employer_id).order_by(Offer.id.desc())
        )
    )
    return EmployerOverview(
        employer=employer,
        standing=get_standing(employer_id=employer_id, on=on),
        members=members_of(employer_id=employer_id),
        offers=offers,
        exemptions=list(
            db.session.scalars(
                select(ComplianceExemption)
                .where(ComplianceExemption.employer_id == employer_id)
                .order_by(ComplianceExemption.id.desc())
            )
        ),
        bans=list(
            db.session.scalars(
                select(EmployerBan)
                .where(EmployerBan.employer_id == employer_id)
                .order_by(EmployerBan.id.desc())
            )
        ),
        events=list(
            db.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.employer_id == employer_id)
                .order_by(AuditEvent.id.desc())
                .limit(50)
            )
        ),
        placeholder_business_number=employer.business_number.startswith("000"),
    )

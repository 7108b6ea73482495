"""Administrators' compliance-regime decisions: exemptions (R209.9) and bans (non-compliance).

Guarantees: only administrators act here (Forbidden otherwise); rows are never deleted (an
exemption is revoked, a ban is lifted, both with a reason); dates are checked (expiry after
effective date, ban end on or after start); every change is audited with the category, dates and
legal basis but no personal data. What is in force on a day: `portal.services.compliance`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from portal import clock
from portal.database import begin_write
from portal.extensions import db
from portal.models import BusinessType, ComplianceExemption, Employer, EmployerBan
from portal.models.compliance import ExemptionCategory
from portal.services import audit
from portal.services.actor import Actor, require_admin
from portal.services.errors import Conflict, DomainError, NotFound

# The legal basis per category (domain.md section 6), offered as the form's hint; the admin
# types the exact provision.
DEFAULT_LEGAL_BASIS = {
    ExemptionCategory.FOREIGN_GOVERNMENT: "R209.9",
    ExemptionCategory.POLITICAL_SUBDIVISION_OFFICE: "R209.9; FMIOA s.6(1)",
    ExemptionCategory.DIPLOMATIC_OR_CONSULAR_MISSION: "R209.9; FMIOA Part I",
    ExemptionCategory.INTERNATIONAL_ORGANIZATION: "R209.9; FMIOA s.2(1)",
    ExemptionCategory.INTERNATIONAL_BRIDGE_OR_TUNNEL: "R209.9; IBTA s.2",
}


@dataclass(frozen=True)
class ExemptionTerms:
    category: ExemptionCategory
    legal_basis: str
    effective_date: date
    expiry_date: date | None
    note: str



def _check_terms(terms: ExemptionTerms) -> None:
    if terms.expiry_date is not None and terms.expiry_date <= terms.effective_date:
        raise DomainError(
            _l("The expiry date must be after the effective date."), field="expiry_date"
        )
    if not terms.legal_basis.strip():
        raise DomainError(_l("Enter the legal basis, for example R209.9(c)."), field="legal_basis")


def _add_exemption(actor: Actor, employer_id: int, terms: ExemptionTerms) -> ComplianceExemption:
    row = ComplianceExemption(
        employer_id=employer_id,
        category=ExemptionCategory(terms.category),
        legal_basis=terms.legal_basis.strip(),
        effective_date=terms.effective_date,
        expiry_date=terms.expiry_date,
        note=terms.note.strip(),
        granted_by=actor.user_id,
        granted_at=clock.now(),
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        "compliance.exemption_granted",
        actor=actor,
        employer_id=employer_id,
        object_type="compliance_exemption",
        object_id=row.id,
        details={
            "category": str(terms.category),
            "legal_basis": row.legal_basis,
            "effective_date": terms.effective_date.isoformat(),
            "expiry_date": terms.expiry_date.isoformat() if terms.expiry_date else None,
        },
    )
    return row


def grant_exemption(
    *, actor: Actor, employer_id: int, terms: ExemptionTerms
) -> ComplianceExemption:
    """Exempt the employer from the compliance regime. Raises Forbidden, NotFound, DomainError
    (bad dates or legal basis; field named), Conflict (an unrevoked exemption already covers the
    effective date)."""
    require_admin(actor)
    _check_terms(terms)
    begin_write()
    if db.session.get(Employer, employer_id) is None:
        db.session.rollback()
        raise NotFound(_l("Employer not found."))
    open_rows = db.session.scalars(
        select(ComplianceExemption).where(
            ComplianceExemption.employer_id == employer_id,
            ComplianceExemption.revoked_at.is_(None),
        )
    )
    for existing in open_rows:
        overlaps = (
            existing.expiry_date is None or terms.effective_date < existing.expiry_date
        ) and (terms.expiry_date is None or existing.effective_date < terms.expiry_date)
        if overlaps:
            db.session.rollback()
            raise Conflict(
                _l("An exemption already covers these dates. Revoke it first."),
                field="effective_date",
            )
    row = _add_exemption(actor, employer_id, terms)
    db.session.commit()
    return row


def revoke_exemption(*, actor: Actor, exemption_id: int, reason: str) -> None:
    """Revoke an exemption with a reason. Raises Forbidden, NotFound, Conflict (already revoked),
    DomainError (field reason: empty)."""
    require_admin(actor)
    if not reason.strip():
        raise DomainError(_l("Give the reason for revoking."), field="reason")
    begin_write()
    row = db.session.scalar(
        select(ComplianceExemption).where(ComplianceExemption.id == exemption_id).with_for_update()
    )
    if row is None:
        db.session.rollback()
        raise NotFound(_l("Exemption not found."))
    if row.revoked_at is not None:
        db.session.rollback()
        raise Conflict(_l("This exemption is already revoked."))
    row.revoked_at = clock.now()
    row.revoked_by = actor.user_id
    row.revoke_reason = reason.strip()
    audit.record(
        "compliance.exemption_revoked",
        actor=actor,
        employer_id=row.employer_id,
        object_type="compliance_exemption",
        object_id=row.id,
    )
    db.session.commit()


@dataclass(frozen=True)
class ExemptEmployerDetails:
    legal_name: str
    operating_name: str
    business_number: str  # "" when the organization has none: a placeholder is assigned
    address_line1: str
    city: str
    province: str
    postal_code: str
    phone: str
    contact_name: str
    contact_email: str


def _placeholder_business_number() -> str:
    """Foreign missions and international organizations rarely have a CRA business number. The
    simulator gives them a placeholder starting with 000 (never a valid CRA checksum number is
    claimed) so the record can exist. A simplification, shown on the employer's page."""
    while True:
        candidate = "000" + "".join(secrets.choice("0123456789") for _ in range(6))
        if (
            db.session.scalar(select(Employer.id).where(Employer.business_number == candidate))
            is None
        ):
            return candidate


def create_exempt_employer(
    *, actor: Actor, details: ExemptEmployerDetails, terms: ExemptionTerms
) -> Employer:
    """Create an employer record that exists to be exempt (for example a foreign mission that
    never registered), with its exemption, in one transaction. It has no users. Raises Forbidden,
    Conflict (field business_number: already registered), DomainError (terms)."""
    require_admin(actor)
    _check_terms(terms)
    begin_write()
    number = details.business_number.strip()
    if number and db.session.scalar(select(Employer.id).where(Employer.business_number == number)):
        db.session.rollback()
        raise Conflict(_l("This business number is already registered."), field="business_number")
    fields = {k: v.strip() for k, v in details.__dict__.items()}
    fields["business_number"] = number or _placeholder_business_number()
    employer = Employer(**fields, business_type=BusinessType.FOREIGN_GOVERNMENT, address_line2="")
    db.session.add(employer)
    db.session.flush()
    audit.record(
        "employer.created_by_admin",
        actor=actor,
        employer_id=employer.id,
        object_type="employer",
        object_id=employer.id,
        details={"placeholder_business_number": not number},
    )
    _add_exemption(actor, employer.id, terms)
    db.session.commit()
    return employer


def record_ban(
    *,
    actor: Actor,
    employer_id: int,
    reason: str,
    start_date: date,
    end_date: date | None,
    penalty_cents: int | None,
) -> EmployerBan:
    """Record that the employer is ineligible (after an inspection) from start_date to end_date
    inclusive, or permanently (end_date None). Raises Forbidden, NotFound, DomainError."""
    require_admin(actor)
    if not reason.strip():
        raise DomainError(_l("Give the reason for the finding."), field="reason")
    if end_date is not None and end_date < start_date:
        raise DomainError(_l("The end date cannot be before the start date."), field="end_date")
    if penalty_cents is not None and penalty_cents < 0:
        raise DomainError(_l("The penalty cannot be negative."), field="penalty")
    begin_write()
    if db.session.get(Employer, employer_id) is None:
        db.session.rollback()
        raise NotFound(_l("Employer not found."))
    ban = EmployerBan(
        employer_id=employer_id,
        reason=reason.strip(),
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
    db.session.commit()
    return ban


def lift_ban(*, actor: Actor, ban_id: int, reason: str) -> None:
    """End a ban early (for example overturned on review). Raises Forbidden, NotFound, Conflict,
    DomainError (field reason)."""
    require_admin(actor)
    if not reason.strip():
        raise DomainError(_l("Give the reason for lifting the ban."), field="reason")
    begin_write()
    ban = db.session.scalar(select(EmployerBan).where(EmployerBan.id == ban_id).with_for_update())
    if ban is None:
        db.session.rollback()
        raise NotFound(_l("Ban not found."))
    if ban.lifted_at is not None:
        db.session.rollback()
        raise Conflict(_l("This ban is already lifted."))
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
    db.session.commit()


@dataclass(frozen=True)
class PublicBan:
    business_name: str
    legal_name: str
    city: str
    province: str
    reason: str
    start_date: date
    end_date: date | None
    penalty_cents: int | None


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
            start_date=ban.start_date,
            end_date=ban.end_date,
            penalty_cents=ban.penalty_cents,
        )
        for ban, employer in db.session.execute(stmt)
    ]

"""Administrators' exemptions from the compliance regime (R209.9), and employer records that
exist to be exempt.

Guarantees: only administrators act here (Forbidden otherwise); rows are never deleted (an
exemption is revoked, with a reason); dates are checked (expiry after the effective date; no two
unrevoked exemptions overlap); every change is audited with the category, dates and legal basis
but no personal data, and emits employer.exemption_changed in its transaction. What is in
force on a day: `compliance.standing`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import BusinessType, ComplianceExemption, Employer
from portal.models.enums import ExemptionCategory
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.webhooks import events as webhooks

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
            Message.of("exemption.expiry_before_effective"), field="expiry_date"
        )
    if not terms.legal_basis.strip():
        raise DomainError(Message.of("exemption.legal_basis_missing"), field="legal_basis")


def add_exemption(actor: Actor, employer_id: int, terms: ExemptionTerms) -> ComplianceExemption:
    """Record the exemption inside the caller's write transaction, audited and announced; no
    admin or overlap check (grant_exemption makes them; a practice case's fresh employer needs
    none: the simulator stands in for the administrator)."""
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
    webhooks.emit_exemption(row, change="granted")
    return row


def grant_exemption(
    *, actor: Actor, employer_id: int, terms: ExemptionTerms
) -> ComplianceExemption:
    """Exempt the employer from the compliance regime. Raises Forbidden, NotFound, DomainError
    (bad dates or legal basis; field named), Conflict (an unrevoked exemption already covers the
    effective date)."""
    require_admin(actor)
    _check_terms(terms)
    with write_transaction():
        if db.session.get(Employer, employer_id) is None:
            raise NotFound(Message.of("employer.not_found"))
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
                raise Conflict(
                    Message.of("exemption.overlap"),
                    field="effective_date",
                )
        row = add_exemption(actor, employer_id, terms)
    return row


def revoke_exemption(*, actor: Actor, exemption_id: int, reason: str) -> None:
    """Revoke an exemption with a reason. Raises Forbidden, NotFound, Conflict (already revoked),
    DomainError (field reason: empty)."""
    require_admin(actor)
    if not reason.strip():
        raise DomainError(Message.of("exemption.revoke_reason_missing"), field="reason")
    with write_transaction():
        row = db.session.scalar(
            select(ComplianceExemption)
            .where(ComplianceExemption.id == exemption_id)
            .with_for_update()
        )
        if row is None:
            raise NotFound(Message.of("exemption.not_found"))
        if row.revoked_at is not None:
            raise Conflict(Message.of("exemption.already_revoked"))
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
        webhooks.emit_exemption(row, change="revoked")


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
    with write_transaction():
        number = details.business_number.strip()
        taken = select(Employer.id).where(Employer.business_number == number)
        if number and db.session.scalar(taken):
            raise Conflict(
                Message.of("exemption.business_number_taken"), field="business_number"
            )
        fields = {k: v.strip() for k, v in details.__dict__.items()}
        fields["business_number"] = number or _placeholder_business_number()
        employer = Employer(
            **fields, business_type=BusinessType.FOREIGN_GOVERNMENT, address_line2=""
        )
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
        add_exemption(actor, employer.id, terms)
    return employer

"""The practice employer: a fresh employer made from a case's brief for one learner.

Guarantees: a learner acts for their practice employers only (a primary membership of theirs;
no one else has one); each start makes a new employer (the learner starts again from nothing);
the employer carries the case and the learner (`Employer.practice_case_id`,
`practice_learner_id`), which keeps it out of the administrators' lists; audited, without
names.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select
from stdnum import luhn

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import BusinessType, Employer, MemberRole, Membership, Permission, User
from portal.models.enums import ExemptionCategory
from portal.rules.i18n import pick
from portal.rules.messages import Message
from portal.rules.practice import Case, get_case
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.compliance.exemptions import ExemptionTerms, add_exemption
from portal.services.errors import NotFound

# The first letter of a postal code in each province (Canada Post's forward sortation areas).
_POSTAL_LETTER = {
    "NL": "A", "NS": "B", "PE": "C", "NB": "E", "QC": "H", "ON": "M", "MB": "R", "SK": "S",
    "AB": "T", "BC": "V", "NT": "X", "NU": "X", "YT": "Y",
}


def case_or_not_found(case_id: str) -> Case:
    case = get_case(case_id)
    if case is None:
        raise NotFound(Message.of("practice.case_not_found"))
    return case


def _business_number() -> str:
    """A fresh nine-digit number passing the CRA checksum, starting with 9 (practice)."""
    while True:
        body = "9" + "".join(secrets.choice("0123456789") for _ in range(7))
        number = body + luhn.calc_check_digit(body)
        taken = select(Employer.id).where(Employer.business_number == number)
        if db.session.scalar(taken) is None:
            return number


def _employer_from(case: Case, learner: User, language: str) -> Employer:
    brief = case.employer
    activity = pick(brief.activity.en, brief.activity.fr, language)
    return Employer(
        legal_name=brief.legal_name,
        operating_name=brief.operating_name or brief.legal_name,
        business_number=_business_number(),
        business_type=BusinessType(brief.business_type),
        address_line1="100 Practice Street",
        address_line2="",
        city=brief.city,
        province=brief.province,
        postal_code=f"{_POSTAL_LETTER.get(brief.province, 'K')}1A 1A1",
        phone="613-555-0100",
        contact_name=learner.full_name,
        contact_email=learner.email,
        employees_in_canada=25,
        gross_annual_revenue_cents=250_000_000,
        business_started_on=dt.date(2010, 1, 4),
        principal_activity=activity[:200],
        contact_job_title="Human resources",
        contact_phone="613-555-0100",
        practice_case_id=case.id,
        practice_learner_id=learner.id,
    )


def start_case(*, case_id: str, user_id: int, language: str, ip_address: str | None) -> int:
    """Make a fresh practice employer for `case_id`, the learner its primary user; returns its
    id (the edge then acts for it). Raises NotFound for an unknown case or user."""
    case = case_or_not_found(case_id)
    with write_transaction():
        learner = db.session.get(User, user_id)
        if learner is None or learner.is_admin:
            raise NotFound(Message.of("practice.case_not_found"))
        employer = _employer_from(case, learner, language)
        db.session.add(employer)
        db.session.flush()
        db.session.add(Membership(user_id=learner.id, employer_id=employer.id,
                                  role=MemberRole.PRIMARY, permission=Permission.SUBMIT,
                                  created_at=clock.now()))
        actor = Actor(user_id=learner.id, employer_id=employer.id, ip_address=ip_address)
        audit.record("practice.started", actor=actor, employer_id=employer.id,
                     object_type="employer", object_id=employer.id,
                     details={"case": case.id})
        _exempt_if_the_case_says(case, employer.id, actor)
        return employer.id


def _exempt_if_the_case_says(case: Case, employer_id: int, actor: Actor) -> None:
    """A case whose employer is outside the compliance regime (a foreign mission, a bridge
    operator: R209.9(1)) starts with the exemption an administrator would have recorded, so the
    portal refuses its offers as it would the real employer's."""
    category = case.employer.compliance_exempt_category
    if category is None:
        return
    add_exemption(actor, employer_id, ExemptionTerms(
        category=ExemptionCategory(category), legal_basis="R209.9(1)",
        effective_date=clock.today(), expiry_date=None,
        note=f"Practice case {case.id}: recorded by the simulator.",
    ))


def latest_employer(*, case_id: str, user_id: int) -> Employer | None:
    """The learner's newest practice employer for the case (only ever their own)."""
    return db.session.scalar(
        select(Employer)
        .where(Employer.practice_case_id == case_id, Employer.practice_learner_id == user_id)
        .order_by(Employer.id.desc())
        .limit(1)
    )

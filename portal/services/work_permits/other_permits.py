"""The "Other" work permit type (domain.md 6): a job with an employer exempt from the compliance
regime, which submits no offer. The worker names the employer; the application is accepted
only when the administrators' exemption registry holds a current exemption for an employer of
that name (legal or operating name, case, accents and spacing ignored). Otherwise it is
refused as IRCC would under R200(3)(f.1): the "no offer number needed" option was chosen for
an employer that is not exempt.
"""

from __future__ import annotations

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ComplianceExemption, Employer
from portal.rules.i18n import fold
from portal.rules.messages import Message
from portal.services.compliance.standing import get_standing
from portal.services.errors import DomainError


def _key(name: str) -> str:
    return " ".join(fold(name).replace(".", " ").replace(",", " ").split())


def check_exempt_employer(employer_name: str | None) -> None:
    """DomainError on field employer_name when no employer of this name is exempt today."""
    if not employer_name or not employer_name.strip():
        raise DomainError(Message.of("application.other_employer_missing"),
                          field="employer_name")
    wanted = _key(employer_name)
    today = clock.today()
    with_exemptions = select(Employer).where(
        Employer.id.in_(select(ComplianceExemption.employer_id))
    )
    for employer in db.session.scalars(with_exemptions):
        names = {_key(employer.legal_name or ""), _key(employer.operating_name or "")}
        if wanted in names and get_standing(employer_id=employer.id, on=today).exempt:
            return
    raise DomainError(Message.of("application.other_employer_not_exempt"),
                      field="employer_name")

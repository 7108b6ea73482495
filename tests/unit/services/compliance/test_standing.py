"""get_standing: exemptions and bans by date, revocation and lifting."""

from __future__ import annotations

from datetime import date, timedelta

from portal import clock
from portal.extensions import db
from portal.models import ComplianceExemption, EmployerBan, ExemptionCategory
from portal.services.compliance.standing import Standing, get_standing
from tests.factories import EmployerFactory

DAY = date(2026, 11, 24)


def _exempt(employer_id: int, **kw) -> ComplianceExemption:
    row = ComplianceExemption(
        employer_id=employer_id,
        category=kw.pop("category", ExemptionCategory.DIPLOMATIC_OR_CONSULAR_MISSION),
        legal_basis="R209.9(b)",
        effective_date=kw.pop("effective_date", DAY),
        **kw,
    )
    db.session.add(row)
    db.session.commit()
    return row


def _ban(employer_id: int, **kw) -> EmployerBan:
    row = EmployerBan(
        employer_id=employer_id,
        reason=kw.pop("reason", "Wages lower than offered"),
        start_date=kw.pop("start_date", DAY),
        **kw,
    )
    db.session.add(row)
    db.session.commit()
    return row


def test_employer_with_nothing_is_in_the_regime(app):
    employer = EmployerFactory()
    assert get_standing(employer_id=employer.id, on=DAY) == Standing(False, None, False, None)


def test_exemption_applies_from_effective_date(app):
    employer = EmployerFactory()
    _exempt(employer.id, effective_date=DAY)
    assert not get_standing(employer_id=employer.id, on=DAY - timedelta(days=1)).exempt
    standing = get_standing(employer_id=employer.id, on=DAY)
    assert standing.exempt
    assert standing.exempt_category == "diplomatic_or_consular_mission"


def test_expiry_date_is_exclusive(app):
    employer = EmployerFactory()
    _exempt(employer.id, expiry_date=DAY + timedelta(days=10))
    assert get_standing(employer_id=employer.id, on=DAY + timedelta(days=9)).exempt
    assert not get_standing(employer_id=employer.id, on=DAY + timedelta(days=10)).exempt


def test_revoked_exemption_no_longer_applies(app):
    employer = EmployerFactory()
    row = _exempt(employer.id)
    row.revoked_at = clock.now()
    row.revoke_reason = "Granted in error"
    db.session.commit()
    assert not get_standing(employer_id=employer.id, on=DAY).exempt


def test_other_employers_exemption_does_not_leak(app):
    exempt, other = EmployerFactory(), EmployerFactory()
    _exempt(exempt.id)
    assert not get_standing(employer_id=other.id, on=DAY).exempt


def test_ban_period_is_inclusive_at_both_ends(app):
    employer = EmployerFactory()
    _ban(employer.id, start_date=DAY, end_date=DAY + timedelta(days=365))
    assert not get_standing(employer_id=employer.id, on=DAY - timedelta(days=1)).banned
    standing = get_standing(employer_id=employer.id, on=DAY + timedelta(days=365))
    assert standing.banned
    assert standing.ban_reason == "Wages lower than offered"
    assert not get_standing(employer_id=employer.id, on=DAY + timedelta(days=366)).banned


def test_permanent_ban_never_ends_but_can_be_lifted(app):
    employer = EmployerFactory()
    row = _ban(employer.id)
    assert get_standing(employer_id=employer.id, on=DAY + timedelta(days=3650)).banned
    row.lifted_at = clock.now()
    row.lift_reason = "Overturned on review"
    db.session.commit()
    assert not get_standing(employer_id=employer.id, on=DAY).banned

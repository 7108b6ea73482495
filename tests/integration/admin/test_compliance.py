"""Administrators grant and revoke compliance-regime exemptions, create exempt employers, record
bans; every step is audited (the public list of bans: tests/integration/registry)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, ComplianceExemption, Employer
from portal.services.compliance.standing import get_standing
from tests.admin_helpers import NOW, admin_client
from tests.factories import EmployerFactory

TODAY = NOW.date()


def _actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_grant_then_revoke_changes_the_standing(app):
    client = admin_client(app)
    employer = EmployerFactory(operating_name="Embassy of Ruritania")
    response = client.post(
        f"/admin/employers/{employer.id}/exemptions",
        data={
            "category": "diplomatic_or_consular_mission",
            "legal_basis": "R209.9; FMIOA Part I",
            "effective_date": TODAY.isoformat(),
            "expiry_date": "",
            "note": "Locally engaged staff",
        },
    )
    assert response.status_code == 302
    standing = get_standing(employer_id=employer.id, on=TODAY)
    assert standing.exempt and standing.exempt_category == "diplomatic_or_consular_mission"
    html = client.get(f"/admin/employers/{employer.id}").get_data(as_text=True)
    assert "Diplomatic mission or consular post" in html and "Locally engaged staff" in html

    exemption = db.session.scalar(select(ComplianceExemption))
    response = client.post(
        f"/admin/employers/{employer.id}/exemptions/{exemption.id}/revoke",
        data={"reason": "Granted in error"},
    )
    assert response.status_code == 302
    assert not get_standing(employer_id=employer.id, on=TODAY).exempt
    assert "Granted in error" in client.get(f"/admin/employers/{employer.id}").get_data(
        as_text=True
    )
    assert _actions()[-2:] == ["compliance.exemption_granted", "compliance.exemption_revoked"]


def test_exemption_ends_by_the_clock(app):
    client = admin_client(app)
    employer = EmployerFactory()
    client.post(
        f"/admin/employers/{employer.id}/exemptions",
        data={
            "category": "international_bridge_or_tunnel",
            "legal_basis": "R209.9; IBTA s.2",
            "effective_date": TODAY.isoformat(),
            "expiry_date": (TODAY + timedelta(days=30)).isoformat(),
        },
    )
    assert get_standing(employer_id=employer.id, on=clock.today()).exempt
    clock.advance(timedelta(days=30))
    assert not get_standing(employer_id=employer.id, on=clock.today()).exempt


def test_bad_exemption_input_is_shown_next_to_the_fields(app):
    client = admin_client(app)
    employer = EmployerFactory()
    response = client.post(
        f"/admin/employers/{employer.id}/exemptions",
        data={
            "category": "foreign_government",
            "legal_basis": "R209.9",
            "effective_date": "2026-12-01",
            "expiry_date": "2026-11-01",
            "note": "kept text",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The expiry date must be after the effective date." in html
    assert "kept text" in html
    response = client.post(
        f"/admin/employers/{employer.id}/exemptions",
        data={"category": "foreign_government", "legal_basis": "R209.9", "effective_date": "soon"},
    )
    assert "Enter a date like 2026-11-24." in response.get_data(as_text=True)
    assert not get_standing(employer_id=employer.id, on=TODAY).exempt


def test_admin_creates_an_exempt_employer_directly(app):
    client = admin_client(app)
    response = client.post(
        "/admin/employers/new-exempt",
        data={
            "legal_name": "Embassy of the Republic of Ruritania",
            "operating_name": "Ruritanian Embassy",
            "business_number": "",
            "address_line1": "1 Sussex Drive",
            "city": "Ottawa",
            "province": "ON",
            "postal_code": "K1N 1K1",
            "phone": "613-555-0199",
            "contact_name": "Consular Section",
            "contact_email": "consular@example.org",
            "category": "diplomatic_or_consular_mission",
            "legal_basis": "R209.9; FMIOA Part I",
            "effective_date": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    employer = db.session.scalar(
        select(Employer).where(Employer.operating_name == "Ruritanian Embassy")
    )
    assert employer.business_number.startswith("000")
    assert get_standing(employer_id=employer.id, on=TODAY).exempt
    assert _actions()[-2:] == ["employer.created_by_admin", "compliance.exemption_granted"]


def test_permanent_ban_and_search_by_status(app):
    client = admin_client(app)
    banned = EmployerFactory(operating_name="Banned Farms")
    EmployerFactory(operating_name="Good Farms")
    client.post(
        f"/admin/employers/{banned.id}/bans",
        data={"reason": "Refused an inspection", "reason_fr": "A refusé une inspection",
              "start_date": TODAY.isoformat()},
    )
    html = client.get("/admin/employers?status=banned").get_data(as_text=True)
    assert "Banned Farms" in html and "Good Farms" not in html
    html = client.get("/admin/employers?q=farms").get_data(as_text=True)
    assert "Banned Farms" in html and "Good Farms" in html
    html = client.get(f"/admin/employers?q={banned.business_number}").get_data(as_text=True)
    assert "Banned Farms" in html and "Good Farms" not in html
    assert "Permanent" in app.test_client().get("/non-compliant-employers").get_data(as_text=True)


def test_employer_list_counts_offers_and_the_page_lists_users_and_offers(app):
    from tests.factories import OfferFactory, UserFactory

    client = admin_client(app)
    employer = EmployerFactory()
    offer = OfferFactory(employer=employer)
    OfferFactory(employer=employer)
    UserFactory(employer=employer, full_name="Alex Primary")
    html = client.get(f"/admin/employers?q={employer.business_number}").get_data(as_text=True)
    assert "<td>2</td>" in html
    html = client.get(f"/admin/employers/{offer.employer_id}").get_data(as_text=True)
    assert offer.number in html and "Alex Primary" in html


def test_a_missing_employer_exemption_or_ban_is_the_404_page(app):
    client = admin_client(app)
    employer = EmployerFactory()
    missing = employer.id + 1000
    grant = {"category": "international_organization", "legal_basis": "R209.9",
             "effective_date": TODAY.isoformat(), "expiry_date": "", "note": ""}
    ban = {"reason": "Fraud", "reason_fr": "Fraude", "start_date": TODAY.isoformat(),
           "end_date": "", "penalty": ""}
    for path, data in (
        (f"/admin/employers/{missing}", None),
        (f"/admin/employers/{missing}/exemptions", grant),
        (f"/admin/employers/{missing}/bans", ban),
        (f"/admin/employers/{employer.id}/exemptions/999/revoke", {"reason": "x"}),
        (f"/admin/employers/{employer.id}/bans/999/lift", {"reason": "x"}),
    ):
        response = client.post(path, data=data) if data else client.get(path)
        assert response.status_code == 404, path
        assert "Page not found" in response.get_data(as_text=True), path
    french = client.get(f"/admin/employers/{missing}?lang=fr")
    assert french.status_code == 404 and "Page introuvable" in french.get_data(as_text=True)
    assert not db.session.scalars(select(ComplianceExemption)).all()

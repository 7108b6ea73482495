"""The employer's own pages: the dashboard and the business profile."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Employer, Role
from tests.factories import UserFactory


def profile_data(**overrides):
    data = {
        "legal_name": "Renamed Holdings Inc.", "operating_name": "Renamed",
        "business_type": "partnership", "address_line1": "1 Water Street", "address_line2": "",
        "city": "St. John's", "province": "NL", "postal_code": "a1c 5m2",
        "phone": "709 555 0111", "contact_name": "Morgan Doe",
        "contact_email": "morgan@example.com",
    }
    data.update(overrides)
    return data


def test_dashboard_shows_the_business(client, signed_in):
    html = client.get("/employer/").get_data(as_text=True)
    assert signed_in.employer.operating_name in html
    assert signed_in.employer.business_number_display in html


def test_primary_user_edits_the_profile_but_not_the_business_number(client, signed_in):
    number = signed_in.employer.business_number
    response = client.post(
        "/employer/profile/edit", data=profile_data(business_number="100000009")
    )
    assert response.status_code == 302
    employer = db.session.get(Employer, signed_in.employer_id)
    assert employer.legal_name == "Renamed Holdings Inc."
    assert employer.postal_code == "A1C 5M2" and employer.phone == "709-555-0111"
    assert employer.business_number == number  # never changes after registration
    page = client.get("/employer/profile?lang=fr").get_data(as_text=True)
    assert "Terre-Neuve-et-Labrador" in page and "Renamed Holdings Inc." in page
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "employer.profile_updated"))
    assert "legal_name" in event.details and "Renamed" not in event.details


def test_bad_profile_input_is_explained_and_kept(client, signed_in):
    response = client.post("/employer/profile/edit", data=profile_data(postal_code="K1A 0B1"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "not in the province or territory you chose" in html
    assert 'value="Renamed Holdings Inc."' in html
    assert db.session.get(Employer, signed_in.employer_id).legal_name != "Renamed Holdings Inc."


def test_secondary_user_sees_but_cannot_edit_the_profile(client, auth):
    primary = UserFactory()
    secondary = UserFactory(role=Role.EMPLOYER_SECONDARY, employer=primary.employer)
    auth.sign_in(secondary.email)
    assert client.get("/employer/profile").status_code == 200
    assert client.get("/employer/profile/edit").status_code == 403
    assert client.post("/employer/profile/edit", data=profile_data()).status_code == 403


def test_employer_pages_need_a_signed_in_employer_user(client):
    for url in ("/employer/", "/employer/profile", "/employer/profile/edit"):
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"]

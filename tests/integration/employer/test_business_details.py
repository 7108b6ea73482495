"""The business details of the profile (issue 13 item 27): employees in Canada, gross annual
revenue, business start date, principal activity, a mailing address when different, and the
primary contact's job title and phone; each bad value explained next to its field in EN and FR."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from portal.extensions import db
from portal.models import Employer
from tests.factories import UserFactory
from tests.integration.employer.test_profile import profile_data

DETAILS = {
    "employees_in_canada": "1 200", "gross_annual_revenue_cents": "2 500 000,50",
    "business_started_on": "2012-06-15", "principal_activity": "Pêche commerciale",
    "contact_job_title": "Directrice des ressources humaines", "contact_phone": "(709) 555-0123",
}
MAILING = {
    "mailing_different": "y", "mailing_address_line1": "PO Box 4500",
    "mailing_address_line2": "", "mailing_city": "Corner Brook", "mailing_province": "NL",
    "mailing_postal_code": "a2h 6j8",
}


def field_error(response, field: str) -> str:
    html = response.get_data(as_text=True)
    found = re.search(rf'<p class="error-message" id="{field}-error">(.*?)</p>', html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""


def employer_of(user) -> Employer:
    db.session.expire_all()
    employer = db.session.get(Employer, user.employer_id)
    assert employer is not None
    return employer


def test_the_details_save_in_french_number_formats(client, signed_in):
    response = client.post("/employer/profile/edit?lang=fr", data=profile_data(**DETAILS))

    assert response.status_code == 302, field_error(response, "gross_annual_revenue_cents")
    employer = employer_of(signed_in)
    assert employer.employees_in_canada == 1200
    assert employer.gross_annual_revenue_cents == 250_000_050
    assert employer.business_started_on == date(2012, 6, 15)
    assert employer.principal_activity == "Pêche commerciale"
    assert employer.contact_job_title == "Directrice des ressources humaines"
    assert employer.contact_phone == "709-555-0123"
    assert not employer.has_mailing_address
    page = client.get("/employer/profile?lang=fr").get_data(as_text=True)
    assert "1\u00a0200" in page and "2\u00a0500\u00a0000,50\u00a0$" in page
    assert "15 juin 2012" in page and "Identique à l'adresse de l'entreprise" in page


def test_english_formats_and_an_international_phone(client, signed_in):
    response = client.post("/employer/profile/edit", data=profile_data(**{
        **DETAILS, "employees_in_canada": "1,200", "gross_annual_revenue_cents": "$2,500,000.50",
        "contact_phone": "+33 1-23-45-67-89"}))

    assert response.status_code == 302, response.get_data(as_text=True)
    employer = employer_of(signed_in)
    assert (employer.employees_in_canada, employer.gross_annual_revenue_cents) == (
        1200, 250_000_050)
    assert employer.contact_phone == "+33 1 23 45 67 89"
    page = client.get("/employer/profile").get_data(as_text=True)
    assert "1,200" in page and "$2,500,000.50" in page and "June 15, 2012" in page


def test_a_different_mailing_address_is_checked_like_the_business_address(client, signed_in):
    response = client.post("/employer/profile/edit", data=profile_data(**DETAILS, **MAILING))

    assert response.status_code == 302
    employer = employer_of(signed_in)
    assert (employer.mailing_address_line1, employer.mailing_city, employer.mailing_province,
            employer.mailing_postal_code) == ("PO Box 4500", "Corner Brook", "NL", "A2H 6J8")
    assert employer.mailing_address_line2 is None
    page = client.get("/employer/profile").get_data(as_text=True)
    assert "PO Box 4500, Corner Brook (Newfoundland and Labrador) A2H 6J8" in page
    form = client.get("/employer/profile/edit").get_data(as_text=True)
    assert re.search(r'id="mailing_different"[^>]*checked|checked[^>]*id="mailing_different"',
                     form)

    # Unticked, the mailing address is the business address again: nothing of it is kept.
    client.post("/employer/profile/edit", data=profile_data(**DETAILS, **{
        **MAILING, "mailing_different": ""}))
    assert not employer_of(signed_in).has_mailing_address
    assert employer_of(signed_in).mailing_city is None



BAD = [  # (field, typed, English message, French message)
    ("employees_in_canada", "0", "whole number of 1 or more", "nombre entier de 1 ou plus"),
    ("employees_in_canada", "12,5", "whole number of 1 or more", "nombre entier de 1 ou plus"),
    ("employees_in_canada", "beaucoup", "whole number of 1 or more",
     "nombre entier de 1 ou plus"),
    ("gross_annual_revenue_cents", "-5", "0 or more", "0 ou plus"),
    ("gross_annual_revenue_cents", "1,5,0", "0 or more", "0 ou plus"),
    ("business_started_on", "2999-01-01", "must be in the past", "doit être passée"),
    ("business_started_on", "15/06/2012", "like 2015-04-01", "comme 2015-04-01"),
    ("contact_phone", "555-0100", "10 digits in Canada", "10 chiffres au Canada"),
    ("contact_phone", "+0 12 34 56", "10 digits in Canada", "10 chiffres au Canada"),
    ("contact_phone", "call me", "10 digits in Canada", "10 chiffres au Canada"),
    ("contact_job_title", "x" * 201, "", ""),
]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("field", "typed", "english", "french"), BAD)
def test_each_bad_value_is_explained_by_its_field(client, signed_in, lang, field, typed,
                                                  english, french):
    before = employer_of(signed_in).legal_name
    response = client.post(f"/employer/profile/edit?lang={lang}",
                           data=profile_data(**{**DETAILS, field: typed}))

    assert response.status_code == 200
    message = field_error(response, field)
    assert message and (english if lang == "en" else french) in message
    html = response.get_data(as_text=True)
    assert f'href="#{field}"' in html  # the error summary links to it
    assert employer_of(signed_in).legal_name == before  # nothing saved


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("field", "typed", "english", "french"), [
    ("mailing_address_line1", "", "This field is required.", "Ce champ est obligatoire."),
    ("mailing_city", "", "This field is required.", "Ce champ est obligatoire."),
    ("mailing_province", "", "This field is required.", "Ce champ est obligatoire."),
    ("mailing_postal_code", "A2H", "Canadian postal code", "code postal canadien"),
    ("mailing_postal_code", "K1A 0B1", "not in the province", "ne se trouve pas dans"),
])
def test_a_bad_mailing_address_is_explained_by_its_field(client, signed_in, lang, field, typed,
                                                         english, french):
    response = client.post(f"/employer/profile/edit?lang={lang}",
                           data=profile_data(**DETAILS, **{**MAILING, field: typed}))

    assert response.status_code == 200
    assert (english if lang == "en" else french) in field_error(response, field)
    assert not employer_of(signed_in).has_mailing_address


def test_a_business_registered_before_the_details_still_edits_its_profile(client, auth):
    user = UserFactory(employer__employees_in_canada=None,
                       employer__gross_annual_revenue_cents=None,
                       employer__business_started_on=None, employer__principal_activity=None,
                       employer__contact_job_title=None, employer__contact_phone=None)
    auth.sign_in(user.email)

    page = client.get("/employer/profile").get_data(as_text=True)
    assert page.count("Not given") == 6
    response = client.post("/employer/profile/edit", data=profile_data(city="Gander"))
    assert response.status_code == 302
    assert employer_of(user).city == "Gander"
    assert employer_of(user).employees_in_canada is None

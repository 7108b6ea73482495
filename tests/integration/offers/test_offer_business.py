"""The offer's business information (issue 13 item 27): the review and the business section
show the business details and the primary contact in full, from the profile; a profile that
predates them (migration 0024) shows "Not given", and the review lists each as something to
complete before submitting, linking to its row."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Payment
from portal.services.offers.review import review_offer
from tests.offers_helpers import complete_draft

BLANK = ("employees_in_canada", "gross_annual_revenue_cents", "business_started_on",
         "principal_activity", "contact_job_title", "contact_phone")


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _as_before_0024(employer) -> None:
    for name in BLANK:
        setattr(employer, name, None)
    db.session.commit()


def test_the_review_shows_the_business_details_and_the_whole_contact(client, signed_in):
    employer = signed_in.employer
    employer.mailing_address_line1, employer.mailing_city = "PO Box 4567", "Ottawa"
    employer.mailing_province, employer.mailing_postal_code = "ON", "K1N 8Z4"
    db.session.commit()
    offer = complete_draft(signed_in)
    page = text(client.get(f"/employer/offers/{offer.id}/review").get_data(as_text=True))
    business = page.split("Business information", 2)[2]
    for shown in ("Number of employees in Canada 25", "Gross annual revenue $1,250,000.00",
                  "Date the business started April 1, 2015",
                  "Principal business activity Software development",
                  "Mailing address PO Box 4567, Ottawa (Ontario) K1N 8Z4",
                  "Primary contact Pat Contact",
                  "Contact person's job title Human resources manager",
                  "Contact person's phone number 613-555-0101",
                  f"Contact email address {employer.contact_email}"):
        assert shown in business, shown
    assert "Not given" not in business and "Fix these before you submit" not in page


@pytest.mark.parametrize(("lang", "missing", "todo"), [
    ("en", "Not given", "Give the number of employees in Canada in the business profile."),
    ("fr", "Non fourni", "Indiquez le nombre d'employés au Canada dans le profil de "
                         "l'entreprise."),
])
def test_a_profile_without_them_says_not_given_and_the_review_asks_for_them(
        client, signed_in, lang, missing, todo):
    offer = complete_draft(signed_in)
    _as_before_0024(signed_in.employer)
    client.get(f"/employer/?lang={lang}")
    html = client.get(f"/employer/offers/{offer.id}/review").get_data(as_text=True)
    page = text(html)
    problems = page.split("Fix these before you submit" if lang == "en" else "Corrigez", 1)[1]
    assert todo in problems.split("Business information" if lang == "en" else
                                  "Renseignements sur l'entreprise", 1)[0]
    assert len(re.findall(r'/business-information#(\w+)"', html)) == len(BLANK)
    assert set(re.findall(r'/business-information#(\w+)"', html)) == set(BLANK)
    assert page.count(missing) >= len(BLANK)
    section = client.get(f"/employer/offers/{offer.id}/business-information").get_data(
        as_text=True)
    for name in BLANK:
        assert f'id="{name}"' in section and f'href="#{name}"' in section
    assert not review_offer(offer).ready


def _pay(client, offer):
    page = client.get(f"/employer/offers/{offer.id}/pay").get_data(as_text=True)
    key = re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', page)
    assert key
    return client.post(f"/employer/offers/{offer.id}/pay", data={
        "card_number": "4242 4242 4242 4242", "expiry": "12/34", "cvc": "123",
        "idempotency_key": key.group(1), "pay": "1"})


def test_the_offer_cannot_be_paid_until_the_profile_is_complete(client, signed_in):
    offer = complete_draft(signed_in)
    _as_before_0024(signed_in.employer)
    refused = _pay(client, offer)
    assert refused.headers["Location"].endswith(f"/offers/{offer.id}/review")
    assert db.session.scalar(select(func.count(Payment.id))) == 0
    employer = signed_in.employer
    employer.employees_in_canada, employer.gross_annual_revenue_cents = 3, 0
    employer.business_started_on = date(2024, 5, 1)
    employer.principal_activity = "Bakery"
    employer.contact_job_title, employer.contact_phone = "Owner", "+33 1 23 45 67 89"
    db.session.commit()
    paid = _pay(client, offer)
    assert paid.headers["Location"].endswith(f"/offers/{offer.id}/confirmation")

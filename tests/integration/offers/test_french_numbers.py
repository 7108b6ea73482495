"""Numbers and days the French way on the offer pages (issue 13 items 18 and 19): hours
"37,5" / "37.5" (never "37.50"), "1er" for the first of the month, range messages with French
numbers, and one message for one bad hours value."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from portal.extensions import db
from portal.services.offers.drafts import create_draft, save_section
from tests.documents_helpers import submitted_offer
from tests.offers_helpers import actor_for, complete_draft


def _messages(html: str) -> list[str]:
    """The messages next to the fields (the visually hidden "Error:" prefix dropped)."""
    found = re.findall(r'class="error-message"[^>]*>(.*?)</p>', html, re.S)
    return [re.sub(r"<[^>]+>", "", text).split(":", 1)[-1].strip() for text in found]


def _summary(html: str) -> list[str]:
    return re.findall(r'<li><a href="#[^"]*">(.*?)</a>', html)


def _wages(client, offer, **data):
    return client.post(f"/employer/offers/{offer.id}/wages-and-benefits",
                       data={"save": "1", **data}).get_data(as_text=True)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Enter the hours of work per week as a number, for example 37.5."),
    ("fr", "Inscrivez les heures de travail par semaine en chiffres, par exemple 37,5."),
])
def test_hours_that_are_not_a_number_get_one_message(client, signed_in, language, expected):
    offer = create_draft(actor=actor_for(signed_in))
    client.get(f"/employer/?lang={language}")
    html = _wages(client, offer, hours_per_week="forty", wage="45")
    assert _messages(html) == [expected]
    assert len(_summary(html)) == 1
    assert 'value="forty"' in html  # what the user typed stays in the box


def test_french_range_messages_write_french_numbers(client, signed_in):
    offer = create_draft(actor=actor_for(signed_in))
    client.get("/employer/?lang=fr")
    html = _wages(client, offer, hours_per_week="0,1", wage="99999999")
    assert "Le nombre doit être compris entre 0 et 10\u00a0000\u00a0000." in _messages(html)
    assert "Le nombre doit être compris entre 0,5 et 168." in _messages(html)


def test_english_range_messages_group_digits(client, signed_in):
    offer = create_draft(actor=actor_for(signed_in))
    client.get("/employer/?lang=en")
    html = _wages(client, offer, hours_per_week="200", wage="99999999")
    assert _messages(html) == ["Number must be between 0 and 10,000,000.",
                               "Number must be between 0.5 and 168."]


def test_french_hours_with_a_comma_are_saved(client, signed_in):
    offer = create_draft(actor=actor_for(signed_in))
    client.get("/employer/?lang=fr")
    response = client.post(f"/employer/offers/{offer.id}/wages-and-benefits",
                           data={"save": "1", "hours_per_week": "37,5", "wage": "45"})
    assert response.status_code == 302, response.text
    db.session.refresh(offer)
    assert offer.hours_per_week == Decimal("37.5")
    page = client.get(f"/employer/offers/{offer.id}/wages-and-benefits").get_data(as_text=True)
    assert 'value="37.5"' in page  # the number box: never "37.50"


def _hours_shown(html: str) -> str | None:
    row = re.search(r"<dt>(?:Hours of work per week|Heures de travail par semaine)</dt>"
                    r"<dd>([^<]*)</dd>", html)
    return row.group(1) if row else None


@pytest.mark.parametrize(("language", "hours", "day"), [
    ("en", "37.5", "December 1, 2027"),
    ("fr", "37,5", "1er décembre 2027"),
])
def test_review_writes_hours_and_days_the_readers_way(client, signed_in, language, hours, day):
    offer = complete_draft(signed_in)
    save_section(offer_id=offer.id, actor=actor_for(signed_in), section="wages",
                 values={"wage_cents": 4500, "wage_unit": "hour",
                         "hours_per_week": Decimal("37.50")})
    save_section(offer_id=offer.id, actor=actor_for(signed_in), section="job",
                 values={"start_date": date(2027, 12, 1), "end_date": date(2028, 11, 30)})
    client.get(f"/employer/?lang={language}")
    html = client.get(f"/employer/offers/{offer.id}/review").get_data(as_text=True)
    assert _hours_shown(html) == hours
    assert day in html


@pytest.mark.parametrize(("language", "hours", "day"), [
    ("en", "37.5", "February 1, 2027"),
    ("fr", "37,5", "1er février 2027"),
])
def test_offer_page_writes_hours_and_days_the_readers_way(client, signed_in, language, hours, day):
    offer = submitted_offer(signed_in.employer)  # 37.50 hours, starting 2027-02-01
    client.get(f"/employer/?lang={language}")
    html = client.get(f"/employer/offers/{offer.id}").get_data(as_text=True)
    assert _hours_shown(html) == hours
    assert day in html


def test_french_registration_hint_agrees_with_denomination(client):
    html = client.get("/register?lang=fr").get_data(as_text=True)
    assert "Telle qu'elle est enregistrée auprès de l'Agence du revenu du Canada." in html
    assert "Tel qu'il est enregistré" not in html

"""The fee page checks every card field in one round (issue 13 item 13): an expired card is
refused (the page says "any future expiry date"), the security code's length follows the brand,
and a bad card number is reported together with the other fields' problems."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import Payment
from portal.rules.cards import card_problems
from tests.offers_helpers import complete_draft

TODAY = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
CARDS = {"4242424242424242", "378282246310005"}


def problems(**fields):
    values = {"card_number": "4242424242424242", "expiry": "12/29", "cvc": "123", **fields}
    return [(f, m.code) for f, m in card_problems(**values, today=TODAY.date(), test_cards=CARDS)]


def test_expiry_is_checked_against_today():
    assert problems(expiry="01/20") == [("expiry", "payment.card_expired")]
    assert problems(expiry="11/26") == [("expiry", "payment.card_expired")]
    assert problems(expiry="12/26") == []  # valid to the end of its month


def test_the_security_code_length_follows_the_brand():
    assert problems(cvc="1234") == [("cvc", "payment.cvc_length")]
    assert problems(card_number="378282246310005", cvc="123") == [("cvc", "payment.cvc_length")]
    assert problems(card_number="378282246310005", cvc="1234") == []


def errors(response) -> dict[str, str]:
    html = response.get_data(as_text=True)
    return {m.group(1): " ".join(unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())
            for m in re.finditer(r'id="([a-z_]+)-error"[^>]*>(.*?)</p>', html, re.S)}


def test_every_card_field_is_checked_in_one_round_in_both_languages(client, signed_in):
    clock.freeze(TODAY)
    offer = complete_draft(signed_in)
    url = f"/employer/offers/{offer.id}/pay"
    data = {"card_number": "4242424242424241", "expiry": "01/20", "cvc": "12345",
            "idempotency_key": "k" * 20, "pay": "1"}
    found = errors(client.post(url, data=data))
    assert set(found) == {"card_number", "expiry", "cvc"}, found
    assert "not valid" in found["card_number"]
    expired = errors(client.post(url, data={**data, "card_number": "4242424242424242",
                                            "cvc": "123"}))
    assert set(expired) == {"expiry"} and "expired" in expired["expiry"]
    french = errors(client.post(f"{url}?lang=fr", data={**data, "card_number": "4242424242424242",
                                                        "cvc": "123"}))
    assert "expirée" in french["expiry"]
    assert db.session.scalar(select(db.func.count(Payment.id))) == 0

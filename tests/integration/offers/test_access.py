"""Isolation between employers: every offers URL answers 404 to another employer's user, and
never shows the data to an anonymous visitor."""

from __future__ import annotations

import pytest
from flask import Flask

from portal.extensions import db
from portal.models import EvidenceFile
from portal.services.offers import submission
from tests.factories import UserFactory
from tests.offers_helpers import actor_for, complete_draft


@pytest.fixture
def victim_offers(app):
    victim = UserFactory()
    draft = complete_draft(victim)
    db.session.add(EvidenceFile(offer_id=draft.id, item_id="x", filename="secret.pdf",
                                content_type="application/pdf", size=9, data=b"%PDF-1.4x"))
    db.session.commit()
    paid = complete_draft(victim)
    submission.pay_and_submit(offer_id=paid.id, actor=actor_for(victim),
                                     card_number="4242424242424242", idempotency_key="v" * 32)
    file_id = db.session.scalar(db.select(EvidenceFile.id))
    return draft.id, paid.id, file_id


def _offer_urls(app: Flask, draft_id: int, paid_id: int, file_id: int):
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("offers.") or "offer_id" not in rule.arguments:
            continue
        for offer_id in (draft_id, paid_id):
            path = rule.rule.replace("<int:offer_id>", str(offer_id)).replace(
                "<int:file_id>", str(file_id))
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                yield method, path


def test_every_offer_url_is_404_to_another_employers_user(app, client, auth, victim_offers):
    intruder = UserFactory()
    auth.sign_in(intruder.email)
    checked = 0
    for method, path in _offer_urls(app, *victim_offers):
        response = client.open(path, method=method, data={
            "reason": "x", "card_number": "4242424242424242", "expiry": "12/29", "cvc": "123",
            "idempotency_key": "i" * 32, "code_key": "C10", "save": "1"})
        assert response.status_code == 404, (method, path, response.status_code)
        checked += 1
    assert checked >= 30
    dashboard = client.get("/employer/").text
    export = client.get("/employer/offers/export").get_data(as_text=True)
    assert "Dupont" not in dashboard and "Dupont" not in export


def test_every_offer_url_keeps_anonymous_visitors_out(app, client, victim_offers):
    for method, path in _offer_urls(app, *victim_offers):
        response = client.open(path, method=method)
        assert response.status_code in (302, 404), (method, path)
        if response.status_code == 302:
            assert "/sign-in" in response.headers["Location"]
        assert b"Dupont" not in response.data and b"%PDF" not in response.data

"""The dashboard's offer queue and CSV export, and isolation between employers: every offers URL
answers 404 to another employer's user (and never shows the data to an anonymous visitor)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import event, insert

from portal.extensions import db
from portal.models import EvidenceFile, Offer
from portal.services.offers import submission
from tests.factories import UserFactory
from tests.offers_helpers import actor_for, complete_draft

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _bulk_offers(employer_id: int, n: int, *, start: int = 0) -> None:
    rows = [
        {
            "employer_id": employer_id, "status": "pending", "number": f"A{start + i:07d}",
            "version": 2, "code_key": "C10" if i % 2 else "T36", "answers": {},
            "attestations": [], "fee_status": "paid", "job_title": f"Job {i}",
            "worker_family_name": f"Family{start + i}", "worker_given_names": "Given",
            "worker_passport_number": f"PASS{start + i}",
            "created_at": NOW, "updated_at": NOW, "submitted_at": NOW,
        }
        for i in range(n)
    ]
    db.session.execute(insert(Offer), rows)
    db.session.commit()


def _count_queries(app: Flask, client, url: str) -> int:  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        response = client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 200
    return len(statements)


def test_the_dashboard_does_not_run_a_query_per_row(app, client, signed_in):
    _bulk_offers(signed_in.employer_id, 1)
    few = _count_queries(app, client, "/employer/")
    _bulk_offers(signed_in.employer_id, 49, start=1)
    many = _count_queries(app, client, "/employer/")
    assert many == few <= 12
    assert client.get("/employer/").text.count("/employer/offers/") >= 50


def test_search_filter_sort_and_paginate(client, signed_in):
    _bulk_offers(signed_in.employer_id, 60)
    page1 = client.get("/employer/").text
    assert "Page 1 of 2" in page1
    assert "Family59" in client.get("/employer/?page=2&sort=number&order=asc").text
    assert "A0000007" in client.get("/employer/?q=A0000007").text
    found = client.get("/employer/?q=family12").text
    assert "Family12" in found and "Family13" not in found
    t36 = client.get("/employer/?code=T36").text
    assert "30 offers" in t36
    assert "No offer matches" in client.get("/employer/?status=withdrawn").text


def test_csv_export_has_the_employers_offers_and_no_passport_numbers(client, signed_in):
    _bulk_offers(signed_in.employer_id, 3)
    other = UserFactory()
    _bulk_offers(other.employer_id, 2, start=100)
    response = client.get("/employer/offers/export")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][0] == "offer_number" and len(rows) == 4
    assert "PASS" not in response.get_data(as_text=True)
    assert "Family100" not in response.get_data(as_text=True)


def test_csv_export_defuses_spreadsheet_formulas(client, signed_in):
    offer = complete_draft(signed_in)
    db.session.get(Offer, offer.id).job_title = "=HYPERLINK(\"x\")"
    db.session.commit()
    text = client.get("/employer/offers/export").get_data(as_text=True)
    assert "'=HYPERLINK" in text


@pytest.fixture
def victim_offers(app):  # type: ignore[no-untyped-def]
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


def _offer_urls(app: Flask, draft_id: int, paid_id: int, file_id: int):  # type: ignore[no-untyped-def]
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("offers.") or "offer_id" not in rule.arguments:
            continue
        for offer_id in (draft_id, paid_id):
            path = rule.rule.replace("<int:offer_id>", str(offer_id)).replace(
                "<int:file_id>", str(file_id))
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
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

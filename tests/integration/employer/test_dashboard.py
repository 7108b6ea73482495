"""The dashboard's offer queue and its CSV export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import event, insert

from portal.extensions import db
from portal.models import Offer
from tests.factories import UserFactory
from tests.offers_helpers import complete_draft

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _bulk_offers(employer_id: int, n: int, *, start: int = 0) -> None:
    rows: list[dict[str, object]] = [
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


def _count_queries(app: Flask, client, url: str) -> int:
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
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

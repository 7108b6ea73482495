"""The dashboard's offer queue and its CSV export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from flask import Flask
from sqlalchemy import event, insert

from portal.extensions import db
from portal.models import Offer
from tests.conftest import TEST_PASSWORD
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
    # 13: the standing reads exemptions, bans and (issue 19) unpaid inspection penalties.
    assert many == few <= 13
    assert client.get("/employer/").text.count("/employer/offers/") >= 50


def _search(client, **criteria: str):
    """Post the dashboard's search; returns (the page it redirects to, that page's address)."""
    response = client.post("/employer/", data=criteria)
    assert response.status_code == 302
    location = response.headers["Location"]
    return client.get(location).text, location


def test_search_filter_sort_and_paginate(client, signed_in):
    _bulk_offers(signed_in.employer_id, 60)
    page1 = client.get("/employer/").text
    assert "Page 1 of 2" in page1
    _, location = _search(client, sort="number", order="asc")
    assert "Family59" in client.get(location.split("#")[0] + "&page=2").text
    assert "A0000007" in _search(client, q="A0000007")[0]
    found = _search(client, q="family12")[0]
    assert "Family12" in found and "Family13" not in found
    assert "30 offers" in _search(client, code="T36")[0]
    assert "No offer matches" in _search(client, status="withdrawn")[0]


def test_the_search_is_posted_and_held_so_the_name_never_enters_an_address(client, signed_in):
    _bulk_offers(signed_in.employer_id, 60)
    page, location = _search(client, q="Family1", sort="number")
    assert "family" not in location.lower() and "/employer/?s=" in location
    assert "Family12" in page and "Family22" not in page
    # The pagination and CSV links carry the token only, and keep the search.
    assert "family1" not in page.lower().split("<tbody>")[0].split("</form>")[-1]
    token = location.split("s=")[1].split("#")[0]
    assert f"/employer/offers/export?s={token}" in page
    exported = client.get(f"/employer/offers/export?s={token}").text
    assert "Family12" in exported and "Family22" not in exported
    # A name put in the address by hand is not read.
    assert "Family22" in client.get("/employer/?q=Family1").text


def test_a_held_search_is_the_users_own_and_lasts_24_hours(app, client, signed_in):
    from portal import clock

    _bulk_offers(signed_in.employer_id, 3)
    _, location = _search(client, q="Family1")
    other = UserFactory()
    _bulk_offers(other.employer_id, 2, start=100)
    client.post("/sign-out")
    client.post("/sign-in", data={"email": other.email, "password": TEST_PASSWORD})
    # The other user's token shows them their own unfiltered queue, not the search.
    page = client.get(location).text
    assert "Family100" in page and "Family101" in page
    client.post("/sign-out")
    client.post("/sign-in", data={"email": signed_in.email, "password": TEST_PASSWORD})
    assert "Family2" not in client.get(location).text
    clock.freeze(clock.now() + timedelta(hours=25))
    later = app.test_client()
    later.post("/sign-in", data={"email": signed_in.email, "password": TEST_PASSWORD})
    assert "Family2" in later.get(location).text  # expired: the queue unfiltered


def test_an_invalid_search_is_shown_with_its_message_and_not_held(client, signed_in):
    response = client.post("/employer/", data={"q": "x" * 101})
    assert response.status_code == 400
    assert "Field cannot be longer than 100 characters." in response.text


def test_csv_export_has_the_employers_offers_and_no_passport_numbers(client, signed_in):
    _bulk_offers(signed_in.employer_id, 3)
    other = UserFactory()
    _bulk_offers(other.employer_id, 2, start=100)
    response = client.get("/employer/offers/export")
    assert response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads accents right
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][0] == "offer_number" and len(rows) == 4
    assert "PASS" not in response.get_data(as_text=True)
    assert "Family100" not in response.get_data(as_text=True)


def test_csv_export_keeps_accented_names_for_excel(client, signed_in):
    """Issue 13 item 25: without a byte order mark Excel garbled "García Núñez"."""
    offer = complete_draft(signed_in)
    stored = db.session.get(Offer, offer.id)
    stored.worker_family_name, stored.worker_given_names = "García Núñez", "Zoë"
    db.session.commit()
    data = client.get("/employer/offers/export").data
    assert data.startswith("\ufeff".encode())
    assert "García Núñez".encode() in data and data.count(b"\xef\xbb\xbf") == 1


def test_csv_export_defuses_spreadsheet_formulas(client, signed_in):
    offer = complete_draft(signed_in)
    db.session.get(Offer, offer.id).job_title = "=HYPERLINK(\"x\")"
    db.session.commit()
    text = client.get("/employer/offers/export").get_data(as_text=True)
    assert "'=HYPERLINK" in text

"""Issue 18's acceptance: a new user downloads the template, fills 20 rows (two of them wrong),
sees the two errors, fixes them, and ends with 20 pending offers with numbers and PDFs."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Batch, Offer, OfferStatus, Payment
from portal.services.batches.columns import COLUMN_KEYS
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.batches_helpers import good_row


def _fill(template: str, rows: list[dict[str, str]]) -> bytes:
    header = next(csv.reader(io.StringIO(template.lstrip("\ufeff"))))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[key] for key in COLUMN_KEYS])
    return buffer.getvalue().encode("utf-8")


def _upload(client, data: bytes):
    return client.post("/employer/batches/", data={
        "file": (io.BytesIO(data), "team.csv"), "check": "1"},
        content_type="multipart/form-data")


def test_twenty_rows_two_wrong_fixed_then_twenty_pending_offers_with_pdfs(client, signed_in):
    template = client.get("/employer/batches/template.csv").get_data(as_text=True)
    rows = [good_row(i) for i in range(1, 21)]
    rows[4] = good_row(5, worker_citizenship="France")
    rows[11] = good_row(12, end_date="2020-01-01")
    first = _upload(client, _fill(template, rows))
    page = client.get(first.headers["Location"]).get_data(as_text=True)
    assert "2 rows have errors." in page
    assert "Country of citizenship (code)</strong>: Enter the country" in page
    assert "End date (YYYY-MM-DD)</strong>:" in page
    rows[4], rows[11] = good_row(5), good_row(12)
    fixed = _upload(client, _fill(template, rows)).headers["Location"]
    assert fixed != first.headers["Location"]
    assert "No errors: every row can become a draft." in client.get(fixed).get_data(
        as_text=True)
    client.post(f"{fixed}/confirm", data={f"attest_{k}": "y" for k in ATTESTATION_IDS})
    done = client.post(f"{fixed}/pay-and-submit", follow_redirects=True).get_data(as_text=True)
    assert "20 offers paid and submitted." in done
    again = client.post(f"{fixed}/pay-and-submit", follow_redirects=True).get_data(as_text=True)
    assert "0 offers paid and submitted." in again  # a retry pays nothing twice
    assert db.session.scalar(select(func.count(Payment.id))) == 20
    batch = db.session.get(Batch, int(fixed.rsplit("/", 1)[-1]))
    offers = [db.session.get(Offer, row.offer_id) for row in batch.rows]
    assert all(o.status == OfferStatus.PENDING and o.number for o in offers)
    assert len(offers) == 20
    for offer in offers[:2]:
        assert offer.number in done
        pdf = client.get(f"/employer/offers/{offer.id}/confirmation.pdf")
        assert pdf.status_code == 200 and pdf.data[:4] == b"%PDF"

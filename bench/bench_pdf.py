# ruff: noqa: E402  (the repository root goes on sys.path before the portal imports)
"""Benchmark of the offer confirmation PDF.

Prints, for a realistic submitted offer (every section filled in, 2-3 pages):
- the time to import WeasyPrint, and the first render in a fresh process (stylesheet parsing
  and font loading included);
- the median and the 95th percentile of the next 20 renders (the parsed CSS and the font
  configuration are reused, as in the app);
- the median time of a cached download over HTTP: gunicorn (2 sync workers) serving the app
  on a temporary SQLite file, signed in as the employer, GET the PDF that is already stored.

    .venv/bin/python bench/bench_pdf.py [--renders 20] [--downloads 50]

The HTTP part runs gunicorn with PORTAL_CONFIG=testing only so the script can sign in without
a CSRF token and over plain http; everything else is the production code path.
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import render_template
from flask_babel import force_locale
from pypdf import PdfReader

from bench.schema import rebuild_schema
from config import TestingConfig
from portal import create_app, passwords
from portal.extensions import db
from portal.models import (
    Employer,
    FeeStatus,
    Offer,
    OfferLocation,
    OfferStatus,
    Payment,
    PaymentResult,
    User,
)
from portal.services.documents import confirmation as documents
from portal.services.offers.details import offer_details
from portal.services.offers.drafts import ATTESTATION_IDS

PASSWORD = "bench-orbit-canvas-lantern-42"  # noqa: S105  (a throwaway benchmark user)
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def build_app(url: str):
    config = type("BenchConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": url})
    return create_app(config)


def fill() -> tuple[str, int]:
    """One employer, its primary user and a submitted (pending, paid) offer. Returns the user's
    email and the offer id."""
    employer = Employer(
        legal_name="Bench Robotics Canada Inc.", operating_name="Bench Robotics",
        business_number="100000009", business_type="corporation",
        address_line1="1 Main Street", address_line2="Suite 400", city="Ottawa", province="ON",
        postal_code="K1P 1J9", phone="613-555-0100", contact_name="Pat Bench",
        contact_email="pat@bench.example", created_at=NOW, updated_at=NOW,
    )
    db.session.add(employer)
    db.session.flush()
    user = User(email="user@bench.example", full_name="Pat Bench",
                password_hash=passwords.hash_password(PASSWORD), role="employer_primary",
                employer_id=employer.id, preferred_language="en", email_confirmed_at=NOW)
    duties = " ".join(
        f"Design, build and review component {n} of the robotics control software; write "
        f"tests and documentation; work with the hardware team on integration." for n in range(8)
    )
    offer = Offer(
        employer_id=employer.id, number="A1234567", status=OfferStatus.PENDING, version=2,
        code_key="C10", explanation="Significant benefit.", worker_family_name="DUBOIS",
        worker_given_names="Marie Claire", worker_sex="F", worker_date_of_birth=date(1990, 5, 17),
        worker_country_of_birth="FR", worker_citizenship="FR", worker_residence_country="FR",
        worker_passport_number="19FX98765", worker_passport_expiry=date(2031, 1, 1),
        job_title="Senior robotics software developer", noc_code="21231", teer=1, duties=duties,
        start_date=date(2027, 2, 1), end_date=date(2029, 1, 31), hours_per_week=Decimal("37.5"),
        full_time=True, wage_cents=5250, wage_unit="hour",
        overtime="1.5 times the hourly wage after 40 hours a week.", vacation="3 weeks a year",
        benefit_health=True, benefit_dental=True, benefit_pension=True,
        attestations=list(ATTESTATION_IDS), attested_at=NOW, fee_status=FeeStatus.PAID,
        submitted_at=NOW, created_at=NOW, updated_at=NOW,
    )
    offer.locations.append(OfferLocation(position=1, address_line1="1 Main Street",
                                         city="Ottawa", province="ON", postal_code="K1P 1J9"))
    db.session.add_all([user, offer])
    db.session.flush()
    db.session.add(Payment(offer_id=offer.id, amount_cents=23000, card_brand="visa",
                           card_last4="4242", result=PaymentResult.SUCCEEDED,
                           receipt_number="R0000000001", idempotency_key="bench-key-0000000001",
                           created_at=NOW))
    db.session.commit()
    return user.email, offer.id


def confirmation_html(app, offer_id: int, language: str = "en") -> str:
    """The offer's confirmation document as the app renders it (the HTML WeasyPrint gets)."""
    with app.test_request_context("/"), force_locale(language):
        offer = db.session.get(Offer, offer_id)
        assert offer is not None, offer_id
        context = documents._context(
            offer_details(offer), language, app.config["SECRET_KEY"].encode(),
            "http://localhost/verify-offer",
        )
        return render_template("pdf/offer_confirmation.html", doc=context)


def render_timings(app, offer_id: int, renders: int) -> None:
    html = confirmation_html(app, offer_id)
    start = time.perf_counter()
    import weasyprint  # noqa: F401  (what the first render in a worker pays once)

    imported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    pdf = documents.render_pdf(html)
    first = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(renders):
        start = time.perf_counter()
        documents.render_pdf(html)
        samples.append((time.perf_counter() - start) * 1000)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"document: {pages} pages, {len(pdf):,} bytes")
    print(f"import weasyprint                 {imported:8.0f} ms")
    print(f"first render (fresh process)      {first:8.0f} ms")
    print(f"renders, median of {renders:<3}            {statistics.median(samples):8.0f} ms")
    print(f"renders, p95 of {renders:<3}               {percentile(samples, 95):8.0f} ms")


def percentile(samples: list[float], pct: int) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, *, body: str | None = None,
            cookie: str | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    if cookie:
        headers["Cookie"] = cookie
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def http_timings(url: str, email: str, offer_id: int, downloads: int) -> None:
    port = free_port()
    env = {**os.environ, "PORTAL_CONFIG": "testing", "DATABASE_URL": url}
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                request(port, "GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        signed_in = request(port, "POST", "/sign-in",
                            body=urlencode({"email": email, "password": PASSWORD}))
        assert signed_in.status == 302, signed_in.status
        cookie = "; ".join(
            value.split(";", 1)[0] for key, value in signed_in.getheaders()
            if key.lower() == "set-cookie"
        )
        path = f"/employer/offers/{offer_id}/confirmation.pdf?lang=en"
        start = time.perf_counter()
        first = request(port, "GET", path, cookie=cookie)
        assert first.status == 200 and first.getheader("Content-Type") == "application/pdf"
        print(f"HTTP first download (render+store){(time.perf_counter() - start) * 1000:8.0f} ms"
              "  (one worker; may include that worker's weasyprint import)")
        samples = []
        for _ in range(downloads):
            start = time.perf_counter()
            response = request(port, "GET", path, cookie=cookie)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status == 200
        print(f"HTTP cached download, median of {downloads:<3}{statistics.median(samples):8.1f} ms"
              f"  (p95 {percentile(samples, 95):.1f} ms; gunicorn -w 2, SQLite)")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--downloads", type=int, default=50)
    args = parser.parse_args()
    url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    app = build_app(url)
    with app.app_context():
        rebuild_schema()
        email, offer_id = fill()
        render_timings(app, offer_id, args.renders)
        db.session.remove()
        db.engine.dispose()
    http_timings(url, email, offer_id, args.downloads)


if __name__ == "__main__":
    main()

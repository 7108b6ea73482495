"""Benchmark of the employer dashboard and of submitting an offer, on a full-size database.

Fills a fresh database with 100,000 offers across 1,000 employers (bulk inserts through
SQLAlchemy Core), then times, through the real HTTP stack (Flask test client, signed in):
- the dashboard's first page, a search by worker name, a filter by status;
- a submission: paying the compliance fee with the test card (review, payment, number, status,
  audit in one transaction).
It prints the median and the 95th percentile of each, in milliseconds.

    .venv/bin/python bench/bench_offers.py                      # SQLite file in a temp folder
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench .venv/bin/python bench/bench_offers.py

The database named by DATABASE_URL is EMPTIED (all tables dropped and recreated): use a
throwaway one. Options: --employers, --per-employer, --runs. The schema comes from the migrations
(`flask db upgrade`), as in production.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from bench.schema import rebuild_schema
from config import TestingConfig, _database_url
from portal import create_app, passwords
from portal.extensions import db
from portal.models import Employer, Offer, Payment, User
from portal.services.actor import Actor
from portal.services.offers.drafts import ATTESTATION_IDS, create_draft, save_section

PASSWORD = "bench-orbit-canvas-lantern-42"  # noqa: S105  (a throwaway benchmark user)
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
FAMILY = ["Nguyen", "Garcia", "Smith", "Tremblay", "Kumar", "Chen", "Okafor", "Müller", "Rossi",
          "Kowalski", "Silva", "Haddad", "Ivanova", "Sato", "Dupont", "Martin"]
GIVEN = ["Anna", "Luis", "Mei", "Omar", "Priya", "Jean", "Sofia", "Kwame", "Yuki", "Ines"]
CODES = ["C10", "T36", "C16", "C21-YP", "C11", "F12", "T37", "C31"]


def build_app(url: str):
    config = type("BenchConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": url})
    return create_app(config)


def fill(employers: int, per_employer: int) -> int:
    """Bulk-insert employers, one user each, and their offers. Returns the first employer's id."""
    rng = random.Random(20261124)
    password_hash = passwords.hash_password(PASSWORD)
    db.session.execute(insert(Employer), [
        {"legal_name": f"Bench Employer {i} Inc.", "operating_name": f"Bench {i}",
         "business_number": f"{100000000 + i}", "business_type": "corporation",
         "address_line1": "1 Main St", "address_line2": "", "city": "Ottawa", "province": "ON",
         "postal_code": "K1P 1J9", "phone": "613-555-0100", "contact_name": "Pat",
         "contact_email": f"c{i}@bench.example", "created_at": NOW, "updated_at": NOW}
        for i in range(employers)
    ])
    employer_ids = list(db.session.scalars(select(Employer.id).order_by(Employer.id)))
    db.session.execute(insert(User), [
        {"email": f"user{i}@bench.example", "full_name": f"Bench User {i}",
         "password_hash": password_hash, "role": "employer_primary", "employer_id": eid,
         "preferred_language": "en", "session_version": 1, "is_active_account": True,
         "created_at": NOW, "password_changed_at": NOW, "email_confirmed_at": NOW}
        for i, eid in enumerate(employer_ids)
    ])
    numbers = iter(rng.sample(range(10**7), employers * per_employer))
    for eid in employer_ids:
        add_offers(eid, per_employer, rng, numbers)
    db.session.commit()
    return employer_ids[0]


def add_offers(employer_id: int, count: int, rng: random.Random, numbers: Iterator[int]) -> None:
    """Bulk-insert `count` offers of one employer (Core inserts, 5,000 a statement): 20 % drafts,
    70 % pending, 5 % matched, 5 % withdrawn, spread over two years. `numbers` gives each
    submitted offer's number (A + 7 digits); the caller commits."""
    batch: list[dict] = []
    for j in range(count):
        roll = rng.random()
        status, fee = (("draft", "unpaid") if roll < 0.2 else ("pending", "paid") if roll < 0.9
                       else ("matched", "paid") if roll < 0.95 else ("withdrawn", "refunded"))
        when = NOW - timedelta(days=rng.randrange(700), minutes=j)
        batch.append({
            "employer_id": employer_id, "status": status, "fee_status": fee, "version": 1,
            "number": None if status == "draft" else f"A{next(numbers):07d}",
            "code_key": rng.choice(CODES), "answers": {}, "attestations": [],
            "worker_family_name": rng.choice(FAMILY), "worker_given_names": rng.choice(GIVEN),
            "worker_citizenship": "FR", "worker_passport_number": f"P{rng.randrange(10**8)}",
            "job_title": f"Job title {j}", "noc_code": "21232", "teer": 1,
            "start_date": date(2027, 1, 1), "end_date": date(2028, 1, 1),
            "wage_cents": 4500, "wage_unit": "hour",
            "created_at": when, "updated_at": when,
            "submitted_at": None if status == "draft" else when,
        })
        if len(batch) >= 5000:
            db.session.execute(insert(Offer), batch)
            batch = []
    if batch:
        db.session.execute(insert(Offer), batch)


def ready_draft(actor: Actor) -> int:
    offer = create_draft(actor=actor)
    values: dict[str, dict[str, Any]] = {
        "code": {"code_key": "C10", "explanation": "Significant cultural benefit.", "answers": {}},
        "worker": {"worker_family_name": "Bench", "worker_given_names": "Worker", "worker_sex": "F",
                   "worker_date_of_birth": date(1990, 1, 1), "worker_country_of_birth": "FR",
                   "worker_citizenship": "FR", "worker_residence_country": "FR",
                   "worker_passport_number": "18AV12345",
                   "worker_passport_expiry": date(2032, 1, 1)},
        "job": {"job_title": "Developer", "noc_code": "21232", "duties": "Write software.",
                "start_date": date(2027, 3, 1), "end_date": date(2028, 3, 1), "full_time": True,
                "locations": [{"address_line1": "1 Main St", "city": "Ottawa", "province": "ON",
                               "postal_code": "K1P 1J9"}]},
        "wages": {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40},
        "attestations": {"attestations": list(ATTESTATION_IDS)},
    }
    for section, section_values in values.items():
        save_section(offer_id=offer.id, actor=actor, section=section, values=section_values)
    return offer.id


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--employers", type=int, default=1000)
    parser.add_argument("--per-employer", type=int, default=100)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    url = _database_url(url) if url else f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    app = build_app(url)
    with app.app_context():
        print(f"database: {db.engine.dialect.name}")
        rebuild_schema()
        start = time.perf_counter()
        employer_id = fill(args.employers, args.per_employer)
        total = db.session.scalar(select(db.func.count(Offer.id)))
        print(f"filled {total:,} offers across {args.employers:,} employers "
              f"in {time.perf_counter() - start:.1f} s")
        user = db.session.scalar(select(User).where(User.employer_id == employer_id))
        assert user is not None, employer_id
        actor = Actor(user_id=user.id, employer_id=employer_id)
        drafts = [ready_draft(actor) for _ in range(args.runs)]
        email = user.email
        db.session.commit()
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code

    def get(path: str):
        def run() -> None:
            r = client.get(path)
            assert r.status_code == 200, (path, r.status_code)
        return run

    def held(**criteria: str) -> str:
        """The dashboard's search is posted and held on the server: the page it redirects to."""
        r = client.post("/employer/", data=criteria)
        assert r.status_code == 302, r.status_code
        return r.headers["Location"].split("#")[0]

    results = {
        "dashboard, first page": timed(get("/employer/"), args.runs),
        "dashboard, search by name": timed(get(held(q="nguyen")), args.runs),
        "dashboard, filter by status": timed(get(held(status="pending", sort="number")),
                                             args.runs),
    }
    queue = iter(drafts)

    def submit() -> None:
        offer_id = next(queue)
        r = client.post(f"/employer/offers/{offer_id}/pay", data={
            "card_number": "4242424242424242", "expiry": "12/29", "cvc": "123",
            "idempotency_key": f"bench-{offer_id:020d}", "pay": "1"})
        assert r.status_code == 302 and r.headers["Location"].endswith("/confirmation"), r.text

    results["submission (pay and submit)"] = timed(submit, args.runs)
    with app.app_context():
        paid = db.session.scalar(select(db.func.count(Payment.id)))
        assert paid == args.runs
    print(f"{'operation':32} {'median ms':>10} {'p95 ms':>10}   ({args.runs} runs each)")
    for name, (median, p95) in results.items():
        print(f"{name:32} {median:10.1f} {p95:10.1f}")


if __name__ == "__main__":
    main()

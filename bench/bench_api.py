"""Benchmark of the JSON API on a full-size database: reading an offer and listing offers next
to the bare endpoint (GET /healthz: no database, no template), in one run, so the ratios are the
figures.

Fills a fresh database with 100,000 offers across 1,000 employers (bench_offers.fill), makes an
API key for the first employer's primary user, then times through the real HTTP stack (Flask
test client, `Authorization: Bearer`):
- GET /healthz (the bare endpoint) and GET /api/v1/me (the key check alone);
- GET /api/v1/offers/{id};
- GET /api/v1/offers: the first page, filtered by status, and a page deep in the list (its
  cursor): keyset pagination, so the deep page costs what the first does (the list stays flat).
It prints the median and 95th percentile of each in milliseconds, and each median over the bare
endpoint's.

    .venv/bin/python bench/bench_api.py                      # SQLite file in a temp folder
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench .venv/bin/python bench/bench_api.py

The database named by DATABASE_URL is EMPTIED (all tables dropped and recreated): use a
throwaway one. Options: --employers, --per-employer, --runs. Rate limits are off (testing
config), so the figure is the work itself.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from bench.bench_offers import NOW, build_app, fill, timed
from bench.schema import rebuild_schema
from config import _database_url
from portal.extensions import db
from portal.models import Offer, User
from portal.services.api_keys import keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--employers", type=int, default=1000)
    parser.add_argument("--per-employer", type=int, default=100)
    parser.add_argument("--runs", type=int, default=100)
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
        user.email_confirmed_at = NOW  # bench_offers.fill's users are unconfirmed: keys need it
        db.session.commit()
        _key, token = keys.create_key_for_user(email=user.email, scopes=["read"])
        offer_id = db.session.scalar(select(Offer.id).where(Offer.employer_id == employer_id))
        db.session.commit()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}

    def get(path: str, *, auth: bool = True):
        def run() -> None:
            r = client.get(path, headers=headers if auth else {})
            assert r.status_code == 200, (path, r.status_code, r.get_data(as_text=True)[:300])
        return run

    deep = "/api/v1/offers?limit=20"
    for _ in range(4):  # four pages in: the fifth page's cursor
        cursor = client.get(deep, headers=headers).get_json()["next_cursor"]
        deep = f"/api/v1/offers?limit=20&cursor={cursor}"
    results = {
        "GET /healthz (bare endpoint)": timed(get("/healthz", auth=False), args.runs),
        "GET /api/v1/me (key check)": timed(get("/api/v1/me"), args.runs),
        "GET /api/v1/offers/{id}": timed(get(f"/api/v1/offers/{offer_id}"), args.runs),
        "GET /api/v1/offers (first page)": timed(get("/api/v1/offers?limit=20"), args.runs),
        "GET /api/v1/offers?status=pending": timed(
            get("/api/v1/offers?limit=20&status=pending"), args.runs),
        "GET /api/v1/offers (fifth page)": timed(get(deep), args.runs),
    }
    bare = results["GET /healthz (bare endpoint)"][0]
    print(f"{'operation':36} {'median ms':>10} {'p95 ms':>10} {'x bare':>8}   "
          f"({args.runs} runs each)")
    for name, (median, p95) in results.items():
        print(f"{name:36} {median:10.2f} {p95:10.2f} {median / bare:8.1f}")


if __name__ == "__main__":
    main()

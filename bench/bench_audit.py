"""Benchmark of audited writes under gunicorn: the same load of worker offer checks (each one an
audited write transaction: the attempt log and an audit event in the offer's employer's stream)
with 1 and with 4 sync workers, then `verify_chain` on what the load wrote.

The figure is the throughput ratio -w 4 / -w 1 (2 cores: at most 2x); the check is that the
audit log verifies after the concurrent load (no fork, no gap in any stream). Offers are spread
over many employers, as production traffic is; `--employers 1` puts every write in one stream
(one employer's writes serialise by design).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_audit \
        .venv/bin/python bench/bench_audit.py
    .venv/bin/python bench/bench_audit.py     # SQLite (one write lock: no scaling expected)

The database named by DATABASE_URL is EMPTIED (tables dropped and rebuilt by the migrations):
use a throwaway one. Exits 1 when the audit log does not verify.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_verify import (  # noqa: E402
    DOB,
    NOW,
    BenchConfig,
    drive,
    free_port,
    report,
    wait_until_up,
)
from bench.schema import rebuild_schema  # noqa: E402
from config import _database_url  # noqa: E402


def seed(url: str, employers: int, offers_each: int) -> list[tuple[str, str]]:
    """Rebuild the schema; `employers` employers with `offers_each` pending offers each."""
    from sqlalchemy import insert, select

    from portal import create_app
    from portal.extensions import db
    from portal.models import Employer, Offer

    app = create_app(type("SeedConfig", (BenchConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    rng = random.Random(20261202)
    with app.app_context():
        rebuild_schema()
        db.session.execute(insert(Employer), [{
            "legal_name": f"Bench Employer {n} Inc.", "operating_name": f"Bench {n}",
            "business_number": f"{100000000 + n}", "business_type": "corporation",
            "address_line1": "1 Main St", "address_line2": "", "city": "Ottawa",
            "province": "ON", "postal_code": "K1P 1J9", "phone": "613-555-0100",
            "contact_name": "Pat", "contact_email": f"c{n}@bench.example",
            "created_at": NOW, "updated_at": NOW,
        } for n in range(employers)])
        employer_ids = list(db.session.scalars(select(Employer.id)))
        numbers = rng.sample(range(10**7), employers * offers_each)
        pairs = [(f"A{n:07d}", f"P{rng.randrange(10**8):08d}") for n in numbers]
        db.session.execute(insert(Offer), [{
            "employer_id": employer_ids[i % employers], "number": number, "status": "pending",
            "version": 1, "created_at": NOW, "updated_at": NOW, "code_key": "T36",
            "answers": {}, "attestations": [], "worker_family_name": "Bench",
            "worker_date_of_birth": DOB, "worker_citizenship": "US",
            "worker_passport_number": passport, "job_title": "Software engineer",
            "noc_code": "21231", "teer": 1, "fee_status": "paid", "submitted_at": NOW,
            "benefit_health": False, "benefit_dental": False, "benefit_pension": False,
            "benefit_disability": False,
        } for i, (number, passport) in enumerate(pairs)])
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return pairs


def run_load(url: str, workers: int, pairs: list[tuple[str, str]], args: argparse.Namespace
             ) -> float:
    """Start gunicorn with `workers` sync workers and drive the checks; returns req/s."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--worker-class", "sync",
         "--bind", f"127.0.0.1:{port}", "--pythonpath", str(ROOT), "--log-level", "warning",
         "bench.bench_verify:make_bench_app()"],
        cwd=ROOT, env={**os.environ, "BENCH_DATABASE_URI": url},
    )

    def check(rng: random.Random) -> tuple[str, str, str, dict[str, str]]:
        number, passport = rng.choice(pairs)
        body = urlencode({"number": number, "passport_number": passport,
                          "date_of_birth": DOB.isoformat()})
        return "POST", "/verify-offer", body, {
            "Content-Type": "application/x-www-form-urlencoded"}

    try:
        wait_until_up(port)
        drive(port, check, 100, args.threads, 10)  # warm-up
        return report(f"POST /verify-offer  -w {workers}",
                      *drive(port, check, args.requests, args.threads, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)


def verify(url: str) -> bool:
    from portal import create_app
    from portal.extensions import db
    from portal.services.audit.verify import verify_chain

    app = create_app(type("VerifyConfig", (BenchConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    with app.app_context():
        result = verify_chain()
        db.session.remove()
        db.engine.dispose()
    if result.ok:
        print(f"audit log intact after the load: {result.checked} events in "
              f"{result.streams} streams")
    else:
        print(f"AUDIT LOG BROKEN after the load: {result.breaks}")
    return result.ok


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--employers", type=int, default=50)
    parser.add_argument("--offers", type=int, default=20, help="offers per employer")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-audit-")
    url = _database_url("") if os.environ.get("DATABASE_URL") else _database_url(
        f"sqlite:///{tmp}/bench.sqlite")
    print(f"database: {url.split('@')[-1]}  employers: {args.employers}  offers each: "
          f"{args.offers}  client threads: {args.threads}")
    pairs = seed(url, args.employers, args.offers)
    one = run_load(url, 1, pairs, args)
    four = run_load(url, 4, pairs, args)
    print(f"ratio -w 4 / -w 1 throughput: {four / one:.2f} (goal >= 1.8 on PostgreSQL)")
    if not verify(url):
        raise SystemExit(1)


if __name__ == "__main__":
    main()

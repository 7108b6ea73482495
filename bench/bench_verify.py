"""Benchmark of the worker's offer check (POST /verify-offer) under gunicorn, next to a bare
endpoint of the same app (GET /healthz), measured in the same run: the ratio is the figure.

Seeds a throwaway database with offers, starts gunicorn (2 sync workers, loopback only) on it,
then drives both endpoints with a small load generator (threads + http.client), bounded by a
request count and a time limit, and prints requests per second and p50/p95 latency for each.

    .venv/bin/python bench/bench_verify.py                      # SQLite file in a temp folder
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench .venv/bin/python bench/bench_verify.py

The database named by DATABASE_URL is EMPTIED (tables dropped and recreated): use a throwaway
one. Options: --offers, --requests, --threads, --seconds, --workers. Rate limits are off (the
RATELIMIT_ENABLED knob also turns off the per-number failure count) and CSRF is off, so the
figure is the check itself: a lookup, the attempt log and the audit event (one write
transaction per check), and the page.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.schema import rebuild_schema  # noqa: E402
from config import TestingConfig, _database_url  # noqa: E402

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
DOB = date(1990, 4, 25)


class BenchConfig(TestingConfig):
    SQLALCHEMY_DATABASE_URI = os.environ.get("BENCH_DATABASE_URI", "sqlite://")
    RATELIMIT_ENABLED = False
    WTF_CSRF_ENABLED = False


def make_bench_app():
    """What gunicorn loads (bench.bench_verify:make_bench_app())."""
    from portal import create_app

    return create_app(BenchConfig)


def seed(url: str, offers: int) -> list[tuple[str, str]]:
    """Recreate the schema and insert `offers` pending offers. Returns (number, passport)."""
    from sqlalchemy import insert, select

    from portal import create_app
    from portal.extensions import db
    from portal.models import Employer, Offer, OfferLocation

    os.environ["BENCH_DATABASE_URI"] = url
    app = create_app(type("SeedConfig", (BenchConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    rng = random.Random(20261124)
    with app.app_context():
        rebuild_schema()
        db.session.execute(insert(Employer), [{
            "legal_name": "Bench Employer Inc.", "operating_name": "Bench Employer",
            "business_number": "100000001", "business_type": "corporation",
            "address_line1": "1 Main St", "address_line2": "", "city": "Ottawa",
            "province": "ON", "postal_code": "K1P 1J9", "phone": "613-555-0100",
            "contact_name": "Pat", "contact_email": "c@bench.example",
            "created_at": NOW, "updated_at": NOW,
        }])
        employer_id = db.session.scalar(select(Employer.id))
        pairs = [(f"A{n:07d}", f"P{rng.randrange(10**8):08d}")
                 for n in rng.sample(range(10**7), offers)]
        db.session.execute(insert(Offer), [{
            "employer_id": employer_id, "number": number, "status": "pending", "version": 1,
            "created_at": NOW, "updated_at": NOW, "code_key": "T36", "answers": {},
            "attestations": [], "worker_family_name": "Bench", "worker_date_of_birth": DOB,
            "worker_citizenship": "US", "worker_passport_number": passport,
            "job_title": "Software engineer", "noc_code": "21231", "teer": 1,
            "start_date": date(2027, 3, 1), "fee_status": "paid", "submitted_at": NOW,
            "benefit_health": False, "benefit_dental": False, "benefit_pension": False,
            "benefit_disability": False,
        } for number, passport in pairs])
        ids = list(db.session.scalars(select(Offer.id)))
        db.session.execute(insert(OfferLocation), [
            {"offer_id": oid, "position": 1, "city": "Ottawa", "province": "ON"} for oid in ids
        ])
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return pairs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def drive(port: int, make_request, total: int, threads: int, seconds: float):
    """Send up to `total` requests from `threads` threads, for at most `seconds`. Returns
    (latencies in seconds, wall time, errors)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    remaining = [total]
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        rng = random.Random()
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            method, path, body, headers = make_request(rng)
            start = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn.close()
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                errors[0] += 0 if ok else 1
        conn.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    started = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, time.perf_counter() - started, errors[0]


def report(name: str, latencies: list[float], wall: float, errors: int) -> float:
    ordered = sorted(latencies)
    rps = len(ordered) / wall if wall else 0.0
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000
    print(f"{name:<28} {len(ordered):>6} req  {rps:>8.1f} req/s  p50 {p50:7.2f} ms  "
          f"p95 {p95:7.2f} ms  errors {errors}")
    return rps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-verify-")
    url = _database_url(f"sqlite:///{tmp}/bench.sqlite") if not os.environ.get(
        "DATABASE_URL") else _database_url("")
    print(f"database: {url.split('@')[-1]}  offers: {args.offers}  gunicorn sync workers: "
          f"{args.workers}  client threads: {args.threads}")
    pairs = seed(url, args.offers)
    port = free_port()
    env = {**os.environ, "BENCH_DATABASE_URI": url}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(args.workers), "--worker-class",
         "sync", "--bind", f"127.0.0.1:{port}", "--pythonpath", str(ROOT), "--log-level",
         "warning", "bench.bench_verify:make_bench_app()"],
        cwd=ROOT, env=env,
    )
    try:
        wait_until_up(port)

        def bare(_rng):
            return "GET", "/healthz", None, {}

        def check(rng):
            number, passport = rng.choice(pairs)
            body = urlencode({"number": number, "passport_number": passport,
                              "date_of_birth": DOB.isoformat()})
            return "POST", "/verify-offer", body, {
                "Content-Type": "application/x-www-form-urlencoded"}

        drive(port, bare, 200, args.threads, 10)  # warm-up: imports, pools, caches
        drive(port, check, 100, args.threads, 10)
        bare_rps = report("GET /healthz (bare)", *drive(port, bare, args.requests, args.threads,
                                                       args.seconds))
        check_rps = report("POST /verify-offer", *drive(port, check, args.requests,
                                                        args.threads, args.seconds))
        print(f"ratio verify/bare throughput: {check_rps / bare_rps:.3f} "
              f"(the check runs at {100 * check_rps / bare_rps:.1f}% of the bare endpoint's rate)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

"""Rows: the dashboard of ONE employer at `opts.large` offers vs the same employer at
`opts.small` offers (first page, status filter, search, page 3).

The employer is built with `opts.small` offers (bench_offers.fill: Core inserts), each view is
measured, then `opts.large - opts.small` more offers are bulk-added to the same employer, the
statistics refreshed (ANALYZE, as autovacuum would), and each view measured again. A view's
figure is wrk's median latency with one connection on gunicorn -w 1 (the database's time
included: the dashboard is mostly queries); `opts.pairs` repetitions at each size give as many
ratios large/small (repetition i against repetition i)."""

from __future__ import annotations

import random
import sys
import time
from contextlib import redirect_stdout

from sqlalchemy import select, text

from bench import bench_offers
from bench.load import Load, Server, run_load
from bench.options import Options
from bench.run_table import AT_MOST, Row, failed_row, ratio_row
from bench.schema import rebuild_schema

VIEWS = ("first page", "status filter", "search", "page 3")
USER = "user0@bench.example"


def name(view: str, opts: Options) -> str:
    return f"dashboard, one employer {opts.large:,} vs {opts.small:,} offers: {view}"


def dashboard_rows(opts: Options) -> list[Row]:
    try:
        return _measure(opts)
    except Exception as error:
        return [failed_row(name(view, opts), "<= 1.5x", error) for view in VIEWS]


def _measure(opts: Options) -> list[Row]:
    url = opts.fresh_url("dashboard")
    app = bench_offers.build_app(url)
    with app.app_context(), redirect_stdout(sys.stderr):
        rebuild_schema()
        employer_id = bench_offers.fill(1, opts.small)
        _analyze()
    small = _latencies(url, opts)
    with app.app_context():
        start = time.perf_counter()
        _add(employer_id, opts.large - opts.small)
        _analyze()
        added = time.perf_counter() - start
        bench_offers.db.session.remove()
        bench_offers.db.engine.dispose()
    large = _latencies(url, opts)
    rows = []
    for view in VIEWS:
        ratios = [b / a for a, b in zip(small[view], large[view], strict=True)]
        note = (f"median {_ms(small[view])} -> {_ms(large[view])} ms"
                + (f"; +{opts.large - opts.small:,} offers in {added:.0f} s" if view == "search"
                   else ""))
        rows.append(ratio_row(name(view, opts), ratios, AT_MOST, 1.5, unit="x", note=note))
    return rows


def _ms(samples: list[float]) -> str:
    return f"{sorted(samples)[len(samples) // 2]:.1f}"


def _add(employer_id: int, count: int) -> None:
    db = bench_offers.db
    taken = set(db.session.scalars(select(bench_offers.Offer.number)))
    rng = random.Random(20261203)
    numbers = (n for n in rng.sample(range(10**7), count + len(taken))
               if f"A{n:07d}" not in taken)
    bench_offers.add_offers(employer_id, count, rng, numbers)
    db.session.commit()


def _analyze() -> None:
    db = bench_offers.db
    db.session.commit()
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        else:
            conn.execute(text("ANALYZE"))
            conn.commit()


def _latencies(url: str, opts: Options) -> dict[str, list[float]]:
    """Each view's median latency (ms), `opts.pairs` times, interleaved view by view."""
    with Server(url, workers=1) as server:
        cookie = server.sign_in(USER, bench_offers.PASSWORD)
        paths = {
            "first page": "/employer/",
            "status filter": _held(server, cookie, "status=pending"),
            "search": _held(server, cookie, "q=nguyen"),
            "page 3": "/employer/?page=3",
        }
        loads = {view: Load("GET", path, {"Cookie": cookie}) for view, path in paths.items()}
        for load in loads.values():  # warm-up; and a failing page fails here, not in a figure
            response = server.fetch("GET", load.path, cookie=cookie)
            if response.status != 200:
                raise RuntimeError(f"{load.path} answered {response.status}")
            run_load(server.port, load, 1, 1)
        found: dict[str, list[float]] = {view: [] for view in VIEWS}
        for _ in range(opts.pairs):
            for view, load in loads.items():
                result = run_load(server.port, load, opts.seconds / 2, 1)
                if result.errors or not result.requests:
                    raise RuntimeError(f"{load.path}: {result.errors} errors")
                found[view].append(result.p50_ms)
        return found


def _held(server: Server, cookie: str, criteria: str) -> str:
    """The dashboard's search is posted and held on the server: the address it redirects to."""
    response = server.fetch("POST", "/employer/", body=criteria, cookie=cookie)
    location = response.getheader("Location") or ""
    if response.status != 302 or "s=" not in location:
        raise RuntimeError(f"the dashboard's search answered {response.status}")
    return location.split("#")[0].removeprefix(f"http://127.0.0.1:{server.port}")

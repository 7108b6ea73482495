"""Rows: the worker's offer check and the cached PDF download, each next to the bare /healthz of
the same gunicorn (2 sync workers), as server CPU per request: healthz's CPU/request divided by
the path's (1.0 = as cheap as a bare endpoint). A/B/A/B: healthz, path, healthz, path..."""

from __future__ import annotations

import sys
from contextlib import redirect_stdout
from urllib.parse import urlencode

from bench import bench_pdf, bench_verify
from bench.load import Load, Server, cpu_per_request
from bench.options import Options
from bench.run_table import AT_LEAST, Row, failed_row, ratio_row
from bench.schema import rebuild_schema

HEALTHZ = Load("GET", "/healthz")
CONNECTIONS = 4
VERIFY = "worker verification (POST /verify-offer) vs bare /healthz, CPU/req"
PDF = "cached PDF download vs bare /healthz, CPU/req"


def alternate(server: Server, path_load: Load, opts: Options) -> tuple[list[float], str]:
    """Warm both, then `opts.pairs` pairs of (healthz, path); the per-pair ratios and a note."""
    cpu_per_request(server, HEALTHZ, 1, CONNECTIONS)
    cpu_per_request(server, path_load, 1, CONNECTIONS)
    ratios, bare_us, path_us, rates = [], [], [], []
    for _ in range(opts.pairs):
        bare, _result = cpu_per_request(server, HEALTHZ, opts.seconds, CONNECTIONS)
        cost, result = cpu_per_request(server, path_load, opts.seconds, CONNECTIONS)
        ratios.append(bare / cost)
        bare_us.append(bare * 1e6)
        path_us.append(cost * 1e6)
        rates.append(result.rate)
    note = (f"CPU/req {min(bare_us):.0f}-{max(bare_us):.0f} us bare, "
            f"{min(path_us):.0f}-{max(path_us):.0f} us path; path {min(rates):.0f}-"
            f"{max(rates):.0f} req/s")
    return ratios, note


def verification_row(opts: Options) -> Row:
    try:
        url = opts.fresh_url("verify")
        with redirect_stdout(sys.stderr):
            pairs = bench_verify.seed(url, 2_000)
        bodies = tuple(urlencode({"number": number, "passport_number": passport,
                                  "date_of_birth": bench_verify.DOB.isoformat()})
                       for number, passport in pairs[:500])
        with Server(url, workers=2) as server:
            ratios, note = alternate(server, Load("POST", "/verify-offer", bodies=bodies), opts)
        return ratio_row(VERIFY, ratios, AT_LEAST, 0.5, note=note)
    except Exception as error:
        return failed_row(VERIFY, ">= 0.5", error)


def pdf_download_row(opts: Options) -> Row:
    try:
        url = opts.fresh_url("pdf")
        app = bench_pdf.build_app(url)
        with app.app_context():
            rebuild_schema()
            email, offer_id = bench_pdf.fill()
            bench_pdf.db.session.remove()
            bench_pdf.db.engine.dispose()
        path = f"/employer/offers/{offer_id}/confirmation.pdf?lang=en"
        with Server(url, workers=2) as server:
            cookie = server.sign_in(email, bench_pdf.PASSWORD)
            first = server.fetch("GET", path, cookie=cookie)  # renders and stores it
            if first.status != 200 or first.getheader("Content-Type") != "application/pdf":
                raise RuntimeError(f"the PDF download answered {first.status}")
            ratios, note = alternate(server, Load("GET", path, {"Cookie": cookie}), opts)
        return ratio_row(PDF, ratios, AT_LEAST, 0.5, note=note)
    except Exception as error:
        return failed_row(PDF, ">= 0.5", error)

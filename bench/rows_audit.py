"""Rows: audited writes on PostgreSQL, gunicorn -w 4 vs -w 1, then the audit log verified.

The load is worker offer checks (POST /verify-offer: the attempt log and an audit event in the
offer's employer's stream, one write transaction each) over 50 employers x 20 offers
(bench_audit.seed), 16 connections. `opts.pairs` pairs of (-w 1, -w 4), each a fresh gunicorn;
the figure is the median of the per-pair throughput ratios (2 cores: at most 2). Afterwards
`verify_chain` runs on everything the loads wrote (bench_audit.verify)."""

from __future__ import annotations

import sys
from contextlib import redirect_stdout
from urllib.parse import urlencode

from bench import bench_audit
from bench.bench_verify import DOB
from bench.load import Load, Server, run_load
from bench.options import Options
from bench.run_table import AT_LEAST, Row, check_row, failed_row, ratio_row, skipped_row

SCALE = "audited writes on PostgreSQL (offer checks), throughput -w 4 / -w 1"
VERIFIED = "audit log verifies after the -w 4 load"
CONNECTIONS = 16


def audit_rows(opts: Options) -> list[Row]:
    if opts.dialect != "postgresql":
        why = "PostgreSQL only: run with DATABASE_URL=postgresql://..."
        return [skipped_row(SCALE, ">= 1.8", why), skipped_row(VERIFIED, "verifies", why)]
    url = opts.fresh_url("audit")
    try:
        with redirect_stdout(sys.stderr):
            pairs = bench_audit.seed(url, 50, 20)
        bodies = tuple(urlencode({"number": number, "passport_number": passport,
                                  "date_of_birth": DOB.isoformat()})
                       for number, passport in pairs)
        load = Load("POST", "/verify-offer", bodies=bodies)
        ratios, rates = [], {1: [], 4: []}  # type: ignore[var-annotated]
        for _ in range(opts.pairs):
            for workers in (1, 4):
                with Server(url, workers=workers) as server:
                    run_load(server.port, load, 1, CONNECTIONS)  # warm-up
                    result = run_load(server.port, load, opts.seconds, CONNECTIONS)
                if result.errors or not result.requests:
                    raise RuntimeError(f"-w {workers}: {result.errors} errors")
                rates[workers].append(result.rate)
            ratios.append(rates[4][-1] / rates[1][-1])
        note = (f"-w 1 {min(rates[1]):.0f}-{max(rates[1]):.0f} req/s, "
                f"-w 4 {min(rates[4]):.0f}-{max(rates[4]):.0f} req/s")
        scale = ratio_row(SCALE, ratios, AT_LEAST, 1.8, note=note)
    except Exception as error:
        return [failed_row(SCALE, ">= 1.8", error), failed_row(VERIFIED, "verifies", error)]
    try:
        with redirect_stdout(sys.stderr):
            ok = bench_audit.verify(url)
        return [scale, check_row(VERIFIED, ok, note="flask audit verify's check (verify_chain)")]
    except Exception as error:
        return [scale, failed_row(VERIFIED, "verifies", error)]

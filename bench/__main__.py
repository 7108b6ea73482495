"""The benchmark table of issue 14: `bench/run` or `python -m bench` [--quick] [--only GROUP...].

One run measures ONE database: SQLite (a temporary file per row group) unless DATABASE_URL
names a PostgreSQL database, which is then EMPTIED (its public schema dropped) and rebuilt by
the migrations for each row group. Run it twice for both databases. Progress goes to stderr;
the table to stdout, its last line `goals met: N of M` (rows not run here are not counted).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.options import Options  # noqa: E402
from bench.run_table import Row, format_table  # noqa: E402
from config import _database_url  # noqa: E402

GROUPS = ("verify", "pdf-download", "dashboard", "audit", "pdf")


def measure(group: str, opts: Options) -> list[Row]:
    from bench.rows_audit import audit_rows
    from bench.rows_dashboard import dashboard_rows
    from bench.rows_http import pdf_download_row, verification_row
    from bench.rows_pdf import pdf_rows

    return {
        "verify": lambda: [verification_row(opts)],
        "pdf-download": lambda: [pdf_download_row(opts)],
        "dashboard": lambda: dashboard_rows(opts),
        "audit": lambda: audit_rows(opts),
        "pdf": lambda: pdf_rows(opts),
    }[group]()


def database(url: str | None) -> str | None:
    """The PostgreSQL URL to empty and use, or None (SQLite files)."""
    if not url:
        return None
    url = _database_url(url)
    if not url.startswith("postgresql"):
        raise SystemExit(f"DATABASE_URL must name a PostgreSQL database (or be unset): {url}")
    return url


def title(opts: Options, seconds: float) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "?"
    where = (opts.database_url or "").rsplit("@", 1)[-1] if opts.database_url else "temp files"
    load = "wrk" if subprocess.run(["sh", "-c", "command -v wrk"],
                                   capture_output=True).returncode == 0 else "bench.client"
    return (f"issue 14 benchmark table: {opts.dialect} ({where}), "
            f"{'quick' if opts.quick else 'full'} run, {opts.pairs} repetitions, load {load}, "
            f"commit {commit}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {seconds / 60:.1f} min\n"
            "figures are ratios measured in this run; medians of the repetitions, spread min-max")


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a short run: fewer requests, 10,000 offers instead of 100,000")
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS),
                        help="measure only these row groups")
    args = parser.parse_args()
    opts = Options.for_run(database(os.environ.get("DATABASE_URL")), args.quick)
    started = time.monotonic()
    rows: list[Row] = []
    for group in GROUPS:
        if group in args.only:
            print(f"[bench] {group}...", file=sys.stderr, flush=True)
            rows += measure(group, opts)
    print(format_table(rows, title(opts, time.monotonic() - started)))


if __name__ == "__main__":
    main()

"""Benchmark of a batch's dry run: the time to check a 500-row spreadsheet (the limit) as the
upload does, every row through the cell checks, the sections' meaning and the review's
blocking findings, and the batch with its rows written.

Builds a fresh database with the migrations, one employer (bench_offers.fill), then times
`checking.check_upload` on a new 500-row CSV each run (a file seen before would be found by its
digest instead of checked), and prints the median and the 95th percentile in milliseconds, and
the time per row.

    .venv/bin/python bench/bench_batches.py                  # SQLite file in a temp folder
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench .venv/bin/python bench/bench_batches.py

The database named by DATABASE_URL is EMPTIED (all tables dropped and recreated): use a
throwaway one. Options: --rows, --runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from bench.bench_offers import build_app, fill, timed
from bench.schema import rebuild_schema
from config import _database_url
from portal.catalogue.batches import header_aliases
from portal.extensions import db
from portal.models import User
from portal.services.actor import Actor
from portal.services.batches import checking
from tests.batches_helpers import csv_bytes, good_row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    url = _database_url(url) if url else f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    app = build_app(url)
    with app.app_context(), app.test_request_context():
        print(f"database: {db.engine.dialect.name}")
        rebuild_schema()
        employer_id = fill(1, 0)
        user = db.session.scalar(select(User).where(User.employer_id == employer_id))
        assert user is not None  # fill() made one
        actor = Actor(user_id=user.id, employer_id=employer_id)
        aliases = header_aliases()
        files = iter(
            csv_bytes([good_row(run * args.rows + i) for i in range(args.rows)])
            for run in range(args.runs + 1))

        def check() -> None:
            batch = checking.check_upload(actor=actor, file_name="bench.csv", data=next(files),
                                          aliases=aliases)
            assert batch.row_count == args.rows  # every row read

        median, p95 = timed(check, args.runs)
        print(f"dry run of {args.rows} rows: median {median:.0f} ms, p95 {p95:.0f} ms "
              f"({median / args.rows:.2f} ms a row)")


if __name__ == "__main__":
    main()

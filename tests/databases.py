"""Throwaway databases for the tests: the suite's own (one per xdist worker, tests/conftest.py),
the live portal's (tests/live_portal.py) and the migration tests' (a database migrated to a
given revision). On SQLite each is a file in a temporary folder; on PostgreSQL (with
TEST_DATABASE_URL) each is a database beside the named one, made fresh and dropped at the end."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from config import TestingConfig
from portal import create_app
from portal.extensions import db


def postgresql_url(url: str) -> str:
    """`url` with the psycopg 3 driver named (postgresql:// alone would pick psycopg2)."""
    return "postgresql+psycopg://" + url.split("://", 1)[1]


@contextmanager
def postgresql_database(url: str, name: str) -> Iterator[str]:
    """A fresh database called `name` on the server of `url` (which must exist): dropped first
    if a killed earlier run left it behind, and dropped again when the block ends."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def throwaway_database(folder: Path, suffix: str) -> Iterator[str]:
    """A SQLite file in `folder`, or with TEST_DATABASE_URL a PostgreSQL database named after
    the test one and `suffix`."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        yield f"sqlite:///{folder / f'{suffix}.sqlite'}"
        return
    url = postgresql_url(url)
    with postgresql_database(url, f"{make_url(url).database}_{suffix}") as made:
        yield made


@contextmanager
def app_at_revision(folder: Path, revision: str = "head") -> Iterator[Flask]:
    """An app on a throwaway database that `flask db upgrade` took to `revision`, inside its
    app context for the block."""
    with throwaway_database(folder, f"migr_{uuid.uuid4().hex[:12]}") as url:
        app = create_app(type("MigrationConfig", (TestingConfig,),
                              {"SQLALCHEMY_DATABASE_URI": url}))
        with app.app_context():
            upgrade(revision=revision)
            try:
                yield app
            finally:
                db.session.remove()
                db.engine.dispose()

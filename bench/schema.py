"""Benchmarks build their databases the way production does: with the migrations."""

from __future__ import annotations

from flask_migrate import upgrade
from sqlalchemy import text

from portal.extensions import db


def rebuild_schema() -> None:
    """Empty the current app's database and build it with `flask db upgrade` (app context)."""
    db.drop_all()
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade()

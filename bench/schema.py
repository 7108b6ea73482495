"""Benchmarks build their databases the way production does: with the migrations."""

from __future__ import annotations

from flask_migrate import upgrade
from sqlalchemy import text

from portal.extensions import db


def rebuild_schema() -> None:
    """Empty the current app's database and build it with `flask db upgrade` (app context).
    PostgreSQL: the public schema is dropped and made again, so extensions, triggers and
    functions the migrations made go too (a second run starts from the same nothing)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade()

"""Migration 0031: refunds get a state and the days of their steps; a refund made before it was
issued at once, so it becomes 'issued' on its created day (UTC); downgrading removes them."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from portal.extensions import db
from tests.databases import app_at_revision

NEW_COLUMNS = {"state", "requested_on", "approved_on", "issued_on"}


@pytest.fixture
def app_at_0030(tmp_path):
    with app_at_revision(tmp_path, "0030") as app:
        yield app


def _columns() -> set[str]:
    return {c["name"] for c in sa.inspect(db.engine).get_columns("refund")}


def _insert_refund(created_at: dt.datetime) -> None:
    """A refund alone, its payment's row not needed: foreign keys off for this connection."""
    row = {"id": 1, "payment_id": 1, "amount_cents": 23000, "reason": "offer_withdrawn"}
    if db.engine.dialect.name == "sqlite":
        raw = db.engine.raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        driver.execute(
            "INSERT INTO refund (id, payment_id, amount_cents, reason, created_at) "
            "VALUES (:id, :payment_id, :amount_cents, :reason, :created_at)",
            {**row, "created_at": created_at.replace(tzinfo=None).isoformat(" ")})
        raw.close()
    else:
        with db.engine.begin() as conn:
            conn.execute(text("SET session_replication_role = replica"))
            conn.execute(text("INSERT INTO refund (id, payment_id, amount_cents, reason, "
                              "created_at) VALUES (:id, :payment_id, :amount_cents, :reason, "
                              ":created_at)"), {**row, "created_at": created_at})


def test_0031_makes_existing_refunds_issued_on_their_created_day(app_at_0030):
    assert not NEW_COLUMNS & _columns()
    _insert_refund(dt.datetime(2026, 3, 10, 23, 30, tzinfo=dt.UTC))

    upgrade(revision="0031")

    assert _columns() >= NEW_COLUMNS
    with db.engine.connect() as conn:
        state, requested, approved, issued = conn.execute(text(
            "SELECT state, requested_on, approved_on, issued_on FROM refund")).one()
    assert state == "issued"
    assert {str(requested), str(approved), str(issued)} == {"2026-03-10"}
    with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as conn:
        conn.execute(text("UPDATE refund SET state = 'paid'"))

    downgrade(revision="0030")

    assert not NEW_COLUMNS & _columns()

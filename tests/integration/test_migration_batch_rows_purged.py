"""Migration 0030: a batch made before it keeps working (nothing purged yet: rows_purged_at is
empty, its rows keep their cells), and the downgrade removes the column and keeps the batch."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from tests.databases import app_at_revision


@pytest.fixture
def app_at_0029(tmp_path):
    with app_at_revision(tmp_path, "0029") as app:
        yield app


def _columns() -> set[str]:
    return {column["name"] for column in sa.inspect(db.engine).get_columns("batch")}


def test_0030_adds_an_empty_purge_time_to_an_existing_batch_and_back(app_at_0029):
    db.session.execute(sa.text(
        "INSERT INTO employer (id, legal_name, operating_name, business_number, business_type,"
        " address_line1, address_line2, city, province, postal_code, phone, contact_name,"
        " contact_email, created_at, updated_at, second_factor_required) VALUES (1,"
        " 'Old Business Inc.', 'Old Business', '872345673', 'corporation', '1 Main Street', '',"
        " 'Ottawa', 'ON', 'K1P 1J9', '613-555-0100', 'Pat Contact', 'pat@example.com',"
        " '2026-01-01 12:00:00+00:00', '2026-01-01 12:00:00+00:00', false)"))
    db.session.execute(sa.text(
        "INSERT INTO batch (id, employer_id, file_name, file_digest, row_count, created_at)"
        " VALUES (1, 1, 'team.csv', 'abc', 1, '2026-12-01 12:00:00+00:00')"))
    db.session.execute(sa.text(
        "INSERT INTO batch_row (id, batch_id, row_number, status, cells, errors)"
        " VALUES (1, 1, 2, 'valid', '{\"worker_family_name\": \"Dupont\"}', '[]')"))
    db.session.commit()
    assert "rows_purged_at" not in _columns()

    upgrade(revision="0030")

    assert "rows_purged_at" in _columns()
    row = db.session.execute(sa.text(
        "SELECT b.file_name, b.rows_purged_at, r.cells FROM batch b JOIN batch_row r"
        " ON r.batch_id = b.id")).one()
    assert row[0] == "team.csv" and row[1] is None and "Dupont" in str(row[2])
    db.session.commit()  # end the read: the downgrade alters the table from another connection

    downgrade(revision="0029")

    assert "rows_purged_at" not in _columns()
    assert db.session.execute(sa.text("SELECT count(*) FROM batch")).scalar() == 1

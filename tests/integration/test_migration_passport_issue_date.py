"""Migration 0028: the worker's application gains the passport's issue date (issue 13 item 14),
empty on applications made before it; the downgrade removes it and keeps the application."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from tests.databases import app_at_revision


@pytest.fixture
def app_at_0027(tmp_path):
    with app_at_revision(tmp_path, "0027") as app:
        yield app


def _columns() -> dict[str, Any]:
    return {c["name"]: c for c in sa.inspect(db.engine).get_columns("work_permit_application")}


def _insert_application() -> None:
    """An application as 0027 stores it: every required column given a plain value."""
    plain = {sa.Integer: 1, sa.Boolean: False, sa.Date: dt.date(2026, 1, 2),
             sa.DateTime: dt.datetime(2026, 1, 2, 12, 0, tzinfo=dt.UTC), sa.JSON: []}
    values = {}
    for name, column in _columns().items():
        if column["nullable"] or column.get("default") is not None or name == "id":
            continue
        kind = next((v for t, v in plain.items() if isinstance(column["type"], t)), "x")
        values[name] = kind
    values.update(number="W123456789", family_name="Rivera", passport_number="P1",
                  permit_type="open", status="submitted", applies_from="outside",
                  biometrics="within_14_days", travel_document="none", citizenship="US",
                  residence_country="US", language="en")
    table = sa.table("work_permit_application",
                     *(sa.column(n, sa.JSON if v == [] else None) for n, v in values.items()))
    with db.engine.begin() as connection:
        connection.execute(table.insert().values(**values))


# SQLite's batch mode rebuilds the table on the downgrade, reflecting the offer table it refers
# to, whose expression indexes SQLAlchemy cannot reflect (as in test_migrations.py).
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning")
def test_0028_adds_an_empty_issue_date_to_an_existing_application_and_back(app_at_0027):
    _insert_application()
    assert "passport_issue_date" not in _columns()

    upgrade(revision="0028")

    assert _columns()["passport_issue_date"]["nullable"]
    with db.engine.connect() as connection:
        row = connection.execute(sa.text(
            "SELECT number, passport_issue_date FROM work_permit_application")).one()
    assert tuple(row) == ("W123456789", None)

    downgrade(revision="0027")

    assert "passport_issue_date" not in _columns()
    with db.engine.connect() as connection:
        assert connection.execute(sa.text(
            "SELECT number FROM work_permit_application")).scalar() == "W123456789"

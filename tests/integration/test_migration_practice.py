"""Migration 0029 (issue 17 item 4): an existing employer stays a real one (no practice case, no
learner), an existing user is no instructor, and graded attempts get their table; the downgrade
removes them all and keeps the employer."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from tests.databases import app_at_revision


@pytest.fixture
def app_at_0028(tmp_path):
    with app_at_revision(tmp_path, "0028") as app:
        yield app


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(db.engine).get_columns(table)}


def _insert_employer() -> None:
    with db.engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO employer (id, legal_name, operating_name, business_number, "
            "business_type, address_line1, address_line2, city, province, postal_code, phone, "
            "contact_name, contact_email, created_at, updated_at, second_factor_required) "
            "VALUES (1, 'Maple Inc.', 'Maple', '123456782', 'corporation', '1 Main St', '', "
            "'Ottawa', 'ON', 'K1A 0B1', '613-555-0100', 'A B', 'a@example.com', "
            "'2026-01-02 12:00:00', '2026-01-02 12:00:00', false)"))


@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning")
def test_0029_keeps_existing_employers_real_and_back(app_at_0028):
    _insert_employer()
    upgrade(revision="0029")

    assert {"practice_case_id", "practice_learner_id"} <= _columns("employer")
    assert "is_instructor" in _columns("user_account")
    assert "practice_result" in sa.inspect(db.engine).get_table_names()
    with db.engine.connect() as connection:
        row = connection.execute(sa.text(
            "SELECT legal_name, practice_case_id, practice_learner_id FROM employer")).one()
    assert tuple(row) == ("Maple Inc.", None, None)

    downgrade(revision="0028")

    assert "practice_case_id" not in _columns("employer")
    assert "is_instructor" not in _columns("user_account")
    assert "practice_result" not in sa.inspect(db.engine).get_table_names()
    with db.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT legal_name FROM employer")).scalar() == (
            "Maple Inc.")

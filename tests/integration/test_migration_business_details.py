"""Migration 0024: an employer registered before the business details keeps working (its new
details are empty, which the profile completes), the database refuses impossible values, and
the downgrade removes the columns and keeps the employer."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from tests.databases import app_at_revision

NEW_COLUMNS = {
    "employees_in_canada", "gross_annual_revenue_cents", "business_started_on",
    "principal_activity", "contact_job_title", "contact_phone", "mailing_address_line1",
    "mailing_address_line2", "mailing_city", "mailing_province", "mailing_postal_code",
}


@pytest.fixture
def app_at_0023(tmp_path):
    with app_at_revision(tmp_path, "0023") as app:
        yield app


def _insert_employer() -> None:
    db.session.execute(sa.text(
        "INSERT INTO employer (id, legal_name, operating_name, business_number, business_type,"
        " address_line1, address_line2, city, province, postal_code, phone, contact_name,"
        " contact_email, created_at, updated_at, second_factor_required) VALUES (1,"
        " 'Old Business Inc.', 'Old Business', '872345673', 'corporation', '1 Main Street', '',"
        " 'Ottawa', 'ON', 'K1P 1J9', '613-555-0100', 'Pat Contact', 'pat@example.com',"
        " '2026-01-01 12:00:00+00:00', '2026-01-01 12:00:00+00:00', false)"))
    db.session.commit()


def _columns() -> set[str]:
    return {column["name"] for column in sa.inspect(db.engine).get_columns("employer")}


def test_0024_adds_empty_details_to_an_existing_employer_and_back(app_at_0023):
    _insert_employer()
    assert not NEW_COLUMNS & _columns()

    upgrade(revision="0024")

    assert _columns() >= NEW_COLUMNS
    row = db.session.execute(sa.text(
        "SELECT legal_name, employees_in_canada, contact_phone, mailing_city FROM employer"
    )).one()
    assert tuple(row) == ("Old Business Inc.", None, None, None)
    db.session.execute(sa.text(
        "UPDATE employer SET employees_in_canada = 12, gross_annual_revenue_cents = 250000000,"
        " business_started_on = '2015-04-01', mailing_province = 'QC'"))
    db.session.commit()

    downgrade(revision="0023")

    assert not NEW_COLUMNS & _columns()
    assert db.session.execute(sa.text("SELECT legal_name FROM employer")).scalar() == (
        "Old Business Inc.")


@pytest.mark.parametrize("change", [
    "employees_in_canada = 0",
    "gross_annual_revenue_cents = -1",
    "mailing_province = 'ZZ'",
])
def test_0024_refuses_impossible_details(app_at_0023, change):
    _insert_employer()
    upgrade(revision="0024")

    with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
        connection.execute(sa.text(f"UPDATE employer SET {change}"))

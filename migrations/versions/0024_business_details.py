"""the business profile holds what the real portal's business section asks: employees in Canada,
gross annual revenue, business start date, principal activity, the primary contact's job title
and phone, and a mailing address when different (issue 13 item 27). Existing employers get
empty values, which the profile completes before their next offer is submitted.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

PROVINCES = "('AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT')"
_COLUMNS = (
    ("employees_in_canada", sa.Integer()),
    ("gross_annual_revenue_cents", sa.BigInteger()),
    ("business_started_on", sa.Date()),
    ("principal_activity", sa.String(length=200)),
    ("contact_job_title", sa.String(length=200)),
    ("contact_phone", sa.String(length=32)),
    ("mailing_address_line1", sa.String(length=200)),
    ("mailing_address_line2", sa.String(length=200)),
    ("mailing_city", sa.String(length=100)),
    ("mailing_province", sa.String(length=2)),
    ("mailing_postal_code", sa.String(length=7)),
)
_CHECKS = (
    ("ck_employer_employees_at_least_one", "employees_in_canada >= 1"),
    ("ck_employer_revenue_not_negative", "gross_annual_revenue_cents >= 0"),
    ("ck_employer_mailing_province_code",
     f"mailing_province IS NULL OR mailing_province IN {PROVINCES}"),
)


def upgrade():
    with op.batch_alter_table("employer", schema=None) as batch_op:
        for name, kind in _COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
        for name, condition in _CHECKS:
            batch_op.create_check_constraint(op.f(name), condition)


def downgrade():
    with op.batch_alter_table("employer", schema=None) as batch_op:
        for name, _ in _CHECKS:
            batch_op.drop_constraint(op.f(name), type_="check")
        for name, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)

"""a work permit application that does not match its offer is accepted and stays unmatched

Revision ID: 0019
Revises: 0018

IRCC accepts an employer-specific application whose passport number or citizenship differs
from the offer; it stays unmatched (domain.md 9.2). The application keeps the offer number as
typed and the fields that differ, and the check constraint allows an employer-specific
application with either an offer or a mismatch.
"""

import warnings
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

MATCHED_OR_MISMATCH = (
    "CASE WHEN permit_type = 'employer_specific' "
    "THEN (offer_id IS NULL) <> (mismatch IS NULL) "
    "ELSE offer_id IS NULL AND mismatch IS NULL END"
)


@contextmanager
def _offer_expression_indexes_unreflected():
    """SQLite's batch copy reflects the offer table (the foreign key) and cannot read its
    expression indexes (migration 0013): it warns and skips them, which is harmless here (the
    offer table is not changed)."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Skipped unsupported reflection of expression-based index",
            category=sa.exc.SAWarning,
        )
        yield


def upgrade():
    with _offer_expression_indexes_unreflected(), op.batch_alter_table(
        "work_permit_application", schema=None
    ) as batch_op:
        batch_op.add_column(sa.Column("offer_number", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("mismatch", sa.String(length=64), nullable=True))
        batch_op.drop_constraint(
            op.f("ck_work_permit_application_offer_iff_employer_specific"), type_="check"
        )
        batch_op.create_check_constraint("matched_or_mismatch", MATCHED_OR_MISMATCH)
    op.execute(
        "UPDATE work_permit_application SET offer_number = "
        "(SELECT number FROM offer WHERE offer.id = work_permit_application.offer_id) "
        "WHERE offer_id IS NOT NULL"
    )


def downgrade():
    op.execute(
        "DELETE FROM work_permit_application "
        "WHERE permit_type = 'employer_specific' AND offer_id IS NULL"
    )
    with _offer_expression_indexes_unreflected(), op.batch_alter_table(
        "work_permit_application", schema=None
    ) as batch_op:
        batch_op.drop_constraint(
            op.f("ck_work_permit_application_matched_or_mismatch"), type_="check"
        )
        batch_op.create_check_constraint(
            "offer_iff_employer_specific",
            "(permit_type = 'employer_specific') = (offer_id IS NOT NULL)",
        )
        batch_op.drop_column("mismatch")
        batch_op.drop_column("offer_number")

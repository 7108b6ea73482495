"""refunds get states (issue 17 item 1): requested -> approved -> issued on the business days of
portal.rules.refunds, with the day of each step reached (requested_on, approved_on,
issued_on); the expected days are computed from requested_on, never stored. A refund made
before this migration was issued at once: it becomes 'issued' on the day it was created.

Revision ID: 0031
Revises: 0030
"""

import warnings
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


# An existing refund was issued at once: every step on its created day (created_at is UTC;
# SQLite stores it as text, PostgreSQL as timestamp with time zone).
ISSUED_ON_CREATED_DAY = {
    "postgresql": "UPDATE refund SET state = 'issued', "
                  "requested_on = CAST(created_at AT TIME ZONE 'UTC' AS DATE), "
                  "approved_on = CAST(created_at AT TIME ZONE 'UTC' AS DATE), "
                  "issued_on = CAST(created_at AT TIME ZONE 'UTC' AS DATE)",
    "sqlite": "UPDATE refund SET state = 'issued', requested_on = date(created_at), "
              "approved_on = date(created_at), issued_on = date(created_at)",
}


@contextmanager
def _batch():
    """SQLite's batch copy of refund reflects payment and offer (the foreign keys) and cannot
    read the offer's expression indexes (migration 0013): harmless here, offer is unchanged."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Skipped unsupported reflection of expression-based index",
            category=sa.exc.SAWarning,
        )
        with op.batch_alter_table("refund", schema=None) as batch_op:
            yield batch_op


def upgrade():
    with _batch() as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("requested_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("approved_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("issued_on", sa.Date(), nullable=True))
    op.execute(ISSUED_ON_CREATED_DAY[op.get_bind().dialect.name])
    with _batch() as batch_op:
        batch_op.alter_column("state", existing_type=sa.String(length=20), nullable=False)
        batch_op.alter_column("requested_on", existing_type=sa.Date(), nullable=False)
        batch_op.create_check_constraint(
            "state_known", "state IN ('requested','approved','issued')")
        batch_op.create_check_constraint(
            "approved_on_iff_approved", "(state = 'requested') = (approved_on IS NULL)")
        batch_op.create_check_constraint(
            "issued_on_iff_issued", "(state = 'issued') = (issued_on IS NOT NULL)")
        batch_op.create_index(batch_op.f("ix_refund_state"), ["state"], unique=False)


def downgrade():
    with _batch() as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_state"))
        batch_op.drop_constraint(op.f("ck_refund_issued_on_iff_issued"), type_="check")
        batch_op.drop_constraint(op.f("ck_refund_approved_on_iff_approved"), type_="check")
        batch_op.drop_constraint(op.f("ck_refund_state_known"), type_="check")
        batch_op.drop_column("issued_on")
        batch_op.drop_column("approved_on")
        batch_op.drop_column("requested_on")
        batch_op.drop_column("state")

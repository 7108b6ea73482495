"""Compliance exemptions and bans: when the employer was told of the end on its date

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("compliance_exemption", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expiry_announced_at", sa.DateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table("employer_ban", schema=None) as batch_op:
        batch_op.add_column(sa.Column("end_announced_at", sa.DateTime(timezone=True),
                                      nullable=True))
    # What ended before this revision is not announced now, long after its date.
    op.execute("UPDATE compliance_exemption SET expiry_announced_at = CURRENT_TIMESTAMP "
               "WHERE expiry_date IS NOT NULL AND expiry_date <= CURRENT_DATE")
    op.execute("UPDATE employer_ban SET end_announced_at = CURRENT_TIMESTAMP "
               "WHERE end_date IS NOT NULL AND end_date < CURRENT_DATE")


def downgrade():
    with op.batch_alter_table("employer_ban", schema=None) as batch_op:
        batch_op.drop_column("end_announced_at")
    with op.batch_alter_table("compliance_exemption", schema=None) as batch_op:
        batch_op.drop_column("expiry_announced_at")

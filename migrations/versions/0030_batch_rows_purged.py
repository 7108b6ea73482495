"""a batch's rows keep the uploaded cells (workers' names, passports) only for a while (issue 18):
the moment they were emptied. The rows' statuses, errors and offers stay, so the batch page keeps
its counts and its offers.

Revision ID: 0030
Revises: 0029
"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("batch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rows_purged_at", sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table("batch", schema=None) as batch_op:
        batch_op.drop_column("rows_purged_at")

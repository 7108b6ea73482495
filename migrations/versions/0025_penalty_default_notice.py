"""an inspection's penalty that goes into default is announced to the employer once (issue 19):
the day it was announced. What applies never depends on it (default follows from the due day
and the payment); it only keeps the periodic task from telling the employer twice.

Revision ID: 0025
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.add_column(sa.Column("penalty_default_announced_at",
                                      sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.drop_column("penalty_default_announced_at")

"""an employer's primary user can require the second factor for the whole team

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("second_factor_required", sa.Boolean(), server_default=sa.false(),
                      nullable=False)
        )


def downgrade():
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.drop_column("second_factor_required")

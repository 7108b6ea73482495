"""Failed queue task attempts, for the admin's figures

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "failed_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_name", sa.String(length=64), nullable=False),
        sa.Column("task_id", sa.String(length=64), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("error", sa.String(length=64), nullable=False),
        sa.Column("will_retry", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failed_task")),
    )
    with op.batch_alter_table("failed_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_failed_task_failed_at"), ["failed_at"], unique=False)


def downgrade():
    with op.batch_alter_table("failed_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_failed_task_failed_at"))
    op.drop_table("failed_task")

"""the sandbox clock (issue 17 item 1): one row holding how far simulated time runs ahead of
the real time, only ever moved forwards; no row means no offset.

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sandbox_clock",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("offset_seconds", sa.BigInteger(), nullable=False),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("moved_by_user_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_sandbox_clock_one_row")),
        sa.CheckConstraint("offset_seconds >= 0", name=op.f("ck_sandbox_clock_forwards")),
        sa.ForeignKeyConstraint(["moved_by_user_id"], ["user_account.id"],
                                name=op.f("fk_sandbox_clock_moved_by_user_id_user_account"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sandbox_clock")),
    )


def downgrade():
    op.drop_table("sandbox_clock")

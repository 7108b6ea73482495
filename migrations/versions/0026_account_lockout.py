"""Per-account sign-in limits (issue 12 item 5): failures of a password or a second-factor
code counted per account from every address, and the account's lockout

Revision ID: 0026
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "account_guard",
        sa.Column("account_key", sa.String(length=80), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failures_at_lock", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_account_guard_user_id_user_account"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_key", name=op.f("pk_account_guard")),
    )
    with op.batch_alter_table("account_guard", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_guard_updated_at"), ["updated_at"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_account_guard_user_id"), ["user_id"], unique=False)
    op.create_table(
        "sign_in_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_key", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failure")),
    )
    with op.batch_alter_table("sign_in_failure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_failure_created_at"), ["created_at"],
                              unique=False)
        batch_op.create_index("ix_sign_in_failure_key_time", ["account_key", "created_at"],
                              unique=False)


def downgrade():
    with op.batch_alter_table("sign_in_failure", schema=None) as batch_op:
        batch_op.drop_index("ix_sign_in_failure_key_time")
        batch_op.drop_index(batch_op.f("ix_sign_in_failure_created_at"))
    op.drop_table("sign_in_failure")
    with op.batch_alter_table("account_guard", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_guard_user_id"))
        batch_op.drop_index(batch_op.f("ix_account_guard_updated_at"))
    op.drop_table("account_guard")

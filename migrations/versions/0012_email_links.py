"""email confirmation and password reset links; users' confirmed addresses

Revision ID: 0012
Revises: 0011

Accounts that exist before this revision were made before the portal asked for proof of the
address; they are marked confirmed as of their creation so that nobody is locked out.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_confirmed_at", sa.DateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE user_account SET email_confirmed_at = created_at")
    op.create_table(
        "email_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "purpose IN ('confirm_email','reset_password')",
            name=op.f("ck_email_link_purpose_known"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"],
            name=op.f("fk_email_link_user_id_user_account"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_link")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_email_link_token_hash")),
    )
    with op.batch_alter_table("email_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_email_link_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_email_link_expires_at"), ["expires_at"], unique=False)


def downgrade():
    with op.batch_alter_table("email_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_link_expires_at"))
        batch_op.drop_index(batch_op.f("ix_email_link_user_id"))
    op.drop_table("email_link")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("email_confirmed_at")

"""Form input held on the server: dashboard searches and what an expired session posted

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "held_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=43), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('search','timeout')", name=op.f("ck_held_form_purpose_known")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"],
            name=op.f("fk_held_form_user_id_user_account"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_form")),
        sa.UniqueConstraint("token", name=op.f("uq_held_form_token")),
    )
    with op.batch_alter_table("held_form", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_held_form_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_held_form_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("held_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_held_form_user_id"))
        batch_op.drop_index(batch_op.f("ix_held_form_created_at"))
    op.drop_table("held_form")

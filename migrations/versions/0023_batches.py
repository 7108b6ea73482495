"""Batches: a spreadsheet of offers checked row by row, then confirmed into drafts

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("uploaded_by_user_id", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("file_digest", sa.String(length=64), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_by_user_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("row_count >= 0", name=op.f("ck_batch_row_count_positive")),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"],
                                name=op.f("fk_batch_employer_id_employer")),
        sa.ForeignKeyConstraint(["uploaded_by_user_id"], ["user_account.id"],
                                name=op.f("fk_batch_uploaded_by_user_id_user_account")),
        sa.ForeignKeyConstraint(["confirmed_by_user_id"], ["user_account.id"],
                                name=op.f("fk_batch_confirmed_by_user_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch")),
        sa.UniqueConstraint("employer_id", "file_digest", name="uq_batch_employer_digest"),
    )
    with op.batch_alter_table("batch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_batch_employer_id"), ["employer_id"], unique=False)
    op.create_table(
        "batch_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("cells", sa.JSON(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('valid','invalid','created','skipped')",
                           name=op.f("ck_batch_row_status_known")),
        sa.CheckConstraint("status <> 'created' OR offer_id IS NOT NULL",
                           name=op.f("ck_batch_row_created_has_offer")),
        sa.ForeignKeyConstraint(["batch_id"], ["batch.id"],
                                name=op.f("fk_batch_row_batch_id_batch"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["offer_id"], ["offer.id"],
                                name=op.f("fk_batch_row_offer_id_offer"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_row")),
        sa.UniqueConstraint("batch_id", "row_number", name="uq_batch_row_number"),
        sa.UniqueConstraint("offer_id", name=op.f("uq_batch_row_offer_id")),
    )
    with op.batch_alter_table("batch_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_batch_row_batch_id"), ["batch_id"], unique=False)


def downgrade():
    with op.batch_alter_table("batch_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_batch_row_batch_id"))
    op.drop_table("batch_row")
    with op.batch_alter_table("batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_batch_employer_id"))
    op.drop_table("batch")

"""stored offer confirmation PDFs

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "offer_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("offer_version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "language IN ('en','fr')", name=op.f("ck_offer_document_language_known")
        ),
        sa.CheckConstraint(
            "offer_version >= 1", name=op.f("ck_offer_document_offer_version_positive")
        ),
        sa.CheckConstraint(
            "size > 0 AND size = length(pdf)", name=op.f("ck_offer_document_size_matches_pdf")
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_offer_document_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_document")),
        sa.UniqueConstraint(
            "offer_id", "offer_version", "language", name="uq_offer_document_version"
        ),
    )
    with op.batch_alter_table("offer_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_document_offer_id"), ["offer_id"], unique=False)


def downgrade():
    with op.batch_alter_table("offer_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_document_offer_id"))
    op.drop_table("offer_document")

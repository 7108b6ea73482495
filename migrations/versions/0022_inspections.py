"""Compliance inspections (issue 19): inspection, offers in scope, answers and documents,
findings; the French reason of a ban for the public list

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def _fk(table, column, target, name):
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{name}"))


def upgrade():
    with op.batch_alter_table("employer_ban", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason_fr", sa.Text(), nullable=True))
    op.create_table(
        "inspection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("ground", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("opened_at", _TZ, nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("documents_requested", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("disclosure", sa.Text(), nullable=True),
        sa.Column("business_size", sa.String(length=8), nullable=False),
        sa.Column("preliminary_sent_on", sa.Date(), nullable=True),
        sa.Column("preliminary_due_on", sa.Date(), nullable=True),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("responded_at", _TZ, nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("warning", sa.Boolean(), nullable=False),
        sa.Column("penalty_cents", sa.Integer(), nullable=True),
        sa.Column("ban_years", sa.Integer(), nullable=True),
        sa.Column("ban_permanent", sa.Boolean(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("reason_en", sa.Text(), nullable=True),
        sa.Column("reason_fr", sa.Text(), nullable=True),
        sa.Column("ban_id", sa.Integer(), nullable=True),
        sa.Column("penalty_due_on", sa.Date(), nullable=True),
        sa.Column("penalty_paid_at", _TZ, nullable=True),
        sa.Column("penalty_receipt", sa.String(length=20), nullable=True),
        sa.Column("penalty_card_last4", sa.String(length=4), nullable=True),
        sa.CheckConstraint(
            "ground IN ('random','reason_to_suspect','past_non_compliance','voluntary_disclosure')",
            name=op.f("ck_inspection_ground_known")),
        sa.CheckConstraint("state IN ('open','preliminary','decided')",
                           name=op.f("ck_inspection_state_known")),
        sa.CheckConstraint("due_on >= opened_on", name=op.f("ck_inspection_due_after_opening")),
        sa.CheckConstraint(
            "state = 'open' OR (preliminary_sent_on IS NOT NULL"
            " AND preliminary_due_on IS NOT NULL)",
            name=op.f("ck_inspection_preliminary_dated")),
        sa.CheckConstraint(
            "state <> 'decided' OR (decided_on IS NOT NULL AND reason_en IS NOT NULL"
            " AND reason_fr IS NOT NULL)", name=op.f("ck_inspection_decision_complete")),
        sa.CheckConstraint("penalty_cents IS NULL OR penalty_cents >= 0",
                           name=op.f("ck_inspection_penalty_not_negative")),
        sa.CheckConstraint("penalty_paid_at IS NULL OR penalty_cents IS NOT NULL",
                           name=op.f("ck_inspection_paid_only_a_penalty")),
        _fk("inspection", "employer_id", "employer", "employer"),
        _fk("inspection", "opened_by", "user_account", "user_account"),
        _fk("inspection", "decided_by", "user_account", "user_account"),
        _fk("inspection", "ban_id", "employer_ban", "employer_ban"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection")),
    )
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_employer_id"), ["employer_id"], unique=False)
    op.create_table(
        "inspection_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        _fk("inspection_offer", "inspection_id", "inspection", "inspection"),
        _fk("inspection_offer", "offer_id", "offer", "offer"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_offer")),
        sa.UniqueConstraint("inspection_id", "offer_id",
                            name="once_per_inspection"),
    )
    with op.batch_alter_table("inspection_offer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_offer_inspection_id"), ["inspection_id"],
                              unique=False)
    op.create_table(
        "inspection_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(length=40), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.Column("answered_at", _TZ, nullable=False),
        _fk("inspection_answer", "inspection_id", "inspection", "inspection"),
        _fk("inspection_answer", "offer_id", "offer", "offer"),
        _fk("inspection_answer", "answered_by", "user_account", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_answer")),
    )
    with op.batch_alter_table("inspection_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_answer_inspection_id"), ["inspection_id"],
                              unique=False)
    op.create_table(
        "inspection_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", _TZ, nullable=False),
        sa.CheckConstraint("size_bytes > 0", name=op.f("ck_inspection_document_not_empty")),
        _fk("inspection_document", "answer_id", "inspection_answer", "inspection_answer"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_document")),
    )
    with op.batch_alter_table("inspection_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_document_answer_id"), ["answer_id"],
                              unique=False)
    op.create_table(
        "inspection_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(length=40), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("element", sa.String(length=40), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("justification", sa.JSON(), nullable=True),
        sa.Column("severity", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", _TZ, nullable=False),
        sa.CheckConstraint("outcome IN ('compliant','justified','non_compliant')",
                           name=op.f("ck_inspection_finding_outcome_known")),
        _fk("inspection_finding", "inspection_id", "inspection", "inspection"),
        _fk("inspection_finding", "offer_id", "offer", "offer"),
        _fk("inspection_finding", "recorded_by", "user_account", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_finding")),
    )
    with op.batch_alter_table("inspection_finding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_finding_inspection_id"),
                              ["inspection_id"], unique=False)


def downgrade():
    for table in ("inspection_finding", "inspection_document", "inspection_answer",
                  "inspection_offer", "inspection"):
        op.drop_table(table)
    with op.batch_alter_table("employer_ban", schema=None) as batch_op:
        batch_op.drop_column("reason_fr")

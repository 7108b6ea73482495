"""offers: drafts, locations, payments, refunds, evidence files

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code_key", sa.String(length=16), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("worker_family_name", sa.String(length=100), nullable=True),
        sa.Column("worker_given_names", sa.String(length=100), nullable=True),
        sa.Column("worker_sex", sa.String(length=1), nullable=True),
        sa.Column("worker_date_of_birth", sa.Date(), nullable=True),
        sa.Column("worker_country_of_birth", sa.String(length=2), nullable=True),
        sa.Column("worker_citizenship", sa.String(length=2), nullable=True),
        sa.Column("worker_residence_country", sa.String(length=2), nullable=True),
        sa.Column("worker_passport_number", sa.String(length=30), nullable=True),
        sa.Column("worker_passport_expiry", sa.Date(), nullable=True),
        sa.Column("worker_uci", sa.String(length=12), nullable=True),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.Column("noc_code", sa.String(length=5), nullable=True),
        sa.Column("teer", sa.Integer(), nullable=True),
        sa.Column("duties", sa.Text(), nullable=True),
        sa.Column("education_requirements", sa.Text(), nullable=True),
        sa.Column("training_requirements", sa.Text(), nullable=True),
        sa.Column("experience_requirements", sa.Text(), nullable=True),
        sa.Column("licence_requirements", sa.Text(), nullable=True),
        sa.Column("language_requirements", sa.Text(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("hours_per_week", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("full_time", sa.Boolean(), nullable=True),
        sa.Column("wage_cents", sa.Integer(), nullable=True),
        sa.Column("wage_unit", sa.String(length=8), nullable=True),
        sa.Column("overtime", sa.Text(), nullable=True),
        sa.Column("vacation", sa.Text(), nullable=True),
        sa.Column("benefit_health", sa.Boolean(), nullable=False),
        sa.Column("benefit_dental", sa.Boolean(), nullable=False),
        sa.Column("benefit_pension", sa.Boolean(), nullable=False),
        sa.Column("benefit_disability", sa.Boolean(), nullable=False),
        sa.Column("benefits_other", sa.Text(), nullable=True),
        sa.Column("alternate_compensation", sa.Text(), nullable=True),
        sa.Column("additional_information", sa.Text(), nullable=True),
        sa.Column("attestations", sa.JSON(), nullable=False),
        sa.Column("attested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attested_by_user_id", sa.Integer(), nullable=True),
        sa.Column("fee_status", sa.String(length=16), nullable=False),
        sa.Column("fee_exemption_reason", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_by_user_id", sa.Integer(), nullable=True),
        sa.Column("matched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(status = 'draft' AND number IS NULL) OR (status <> 'draft' AND number IS NOT NULL)",
            name=op.f("ck_offer_number_iff_submitted"),
        ),
        sa.CheckConstraint(
            "fee_status <> 'exempt' OR fee_exemption_reason IS NOT NULL",
            name=op.f("ck_offer_exemption_has_reason"),
        ),
        sa.CheckConstraint(
            "fee_status IN ('unpaid','paid','exempt','refunded')",
            name=op.f("ck_offer_fee_status_known"),
        ),
        sa.CheckConstraint(
            "status = 'draft' OR fee_status IN ('paid','exempt','refunded')",
            name=op.f("ck_offer_submitted_fee_settled"),
        ),
        sa.CheckConstraint(
            "status IN ('draft','pending','matched','withdrawn')",
            name=op.f("ck_offer_status_known"),
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_offer_version_positive")),
        sa.ForeignKeyConstraint(
            ["attested_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_offer_attested_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["copied_from_id"],
            ["offer.id"],
            name=op.f("fk_offer_copied_from_id_offer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_offer_created_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_offer_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_offer_submitted_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer")),
        sa.UniqueConstraint("number", name=op.f("uq_offer_number")),
    )
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.create_index("ix_offer_employer_code", ["employer_id", "code_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_offer_employer_id"), ["employer_id"], unique=False)
        batch_op.create_index("ix_offer_employer_status", ["employer_id", "status"], unique=False)
        batch_op.create_index(
            "ix_offer_employer_updated", ["employer_id", "updated_at"], unique=False
        )
    op.create_table(
        "offer_location",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("address_line1", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("province", sa.String(length=2), nullable=True),
        sa.Column("postal_code", sa.String(length=7), nullable=True),
        sa.CheckConstraint(
            "position IN (1, 2)", name=op.f("ck_offer_location_position_one_or_two")
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_offer_location_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_location")),
    )
    with op.batch_alter_table("offer_location", schema=None) as batch_op:
        batch_op.create_index("uq_offer_location_position", ["offer_id", "position"], unique=True)
    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("card_brand", sa.String(length=20), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("receipt_number", sa.String(length=11), nullable=True),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("paid_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(result = 'succeeded') = (receipt_number IS NOT NULL)",
            name=op.f("ck_payment_receipt_iff_succeeded"),
        ),
        sa.CheckConstraint(
            "result IN ('succeeded','declined','insufficient_funds')",
            name=op.f("ck_payment_result_known"),
        ),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_payment_amount_positive")),
        sa.CheckConstraint("length(card_last4) = 4", name=op.f("ck_payment_last4_four_digits")),
        sa.ForeignKeyConstraint(["offer_id"], ["offer.id"], name=op.f("fk_payment_offer_id_offer")),
        sa.ForeignKeyConstraint(
            ["paid_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_payment_paid_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_payment_idempotency_key")),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_payment_receipt_number")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_offer_id"), ["offer_id"], unique=False)
        batch_op.create_index(
            "uq_payment_one_success_per_offer",
            ["offer_id"],
            unique=True,
            sqlite_where=sa.text("result = 'succeeded'"),
            postgresql_where=sa.text("result = 'succeeded'"),
        )
    op.create_table(
        "refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("refunded_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_refund_amount_positive")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.id"], name=op.f("fk_refund_payment_id_payment")
        ),
        sa.ForeignKeyConstraint(
            ["refunded_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_refund_refunded_by_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_refund_payment_id")),
    )
    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "content_type IN ('application/pdf','image/png','image/jpeg')",
            name=op.f("ck_evidence_file_type_allowed"),
        ),
        sa.CheckConstraint(
            "size > 0 AND size = length(data)", name=op.f("ck_evidence_file_size_matches")
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_evidence_file_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"],
            ["user_account.id"],
            name=op.f("fk_evidence_file_uploaded_by_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_file")),
    )
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_file_offer_id"), ["offer_id"], unique=False)


def downgrade():
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_file_offer_id"))
    op.drop_table("evidence_file")
    op.drop_table("refund")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_payment_one_success_per_offer",
            sqlite_where=sa.text("result = 'succeeded'"),
            postgresql_where=sa.text("result = 'succeeded'"),
        )
        batch_op.drop_index(batch_op.f("ix_payment_offer_id"))
    op.drop_table("payment")
    with op.batch_alter_table("offer_location", schema=None) as batch_op:
        batch_op.drop_index("uq_offer_location_position")
    op.drop_table("offer_location")
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.drop_index("ix_offer_employer_updated")
        batch_op.drop_index("ix_offer_employer_status")
        batch_op.drop_index(batch_op.f("ix_offer_employer_id"))
        batch_op.drop_index("ix_offer_employer_code")
    op.drop_table("offer")

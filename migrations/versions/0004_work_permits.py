"""work permit applications and offer verification attempts

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "offer_verification_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number_key", sa.String(length=64), nullable=False),
        sa.Column("passport_key", sa.String(length=64), nullable=True),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("ip_address", sa.String(length=45), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_offer_verification_attempt_offer_id_offer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_verification_attempt")),
    )
    with op.batch_alter_table("offer_verification_attempt", schema=None) as batch_op:
        batch_op.create_index(
            "ix_offer_verification_attempt_number_time", ["number_key", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_offer_verification_attempt_offer_id"), ["offer_id"], unique=False
        )
    op.create_table(
        "work_permit_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=10), nullable=False),
        sa.Column("permit_type", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("code_key", sa.String(length=16), nullable=True),
        sa.Column("noc_code", sa.String(length=5), nullable=True),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_names", sa.String(length=100), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("citizenship", sa.String(length=2), nullable=False),
        sa.Column("passport_number", sa.String(length=30), nullable=False),
        sa.Column("passport_expiry", sa.Date(), nullable=False),
        sa.Column("residence_country", sa.String(length=2), nullable=False),
        sa.Column("lived_country", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("applies_from", sa.String(length=16), nullable=False),
        sa.Column("in_canada_now", sa.Boolean(), nullable=False),
        sa.Column("biometrics", sa.String(length=16), nullable=False),
        sa.Column("upfront_medical", sa.Boolean(), nullable=False),
        sa.Column("family_size", sa.Integer(), nullable=False),
        sa.Column("stay_months", sa.Integer(), nullable=True),
        sa.Column("fee_lines", sa.JSON(), nullable=False),
        sa.Column("fees_total_cents", sa.Integer(), nullable=False),
        sa.Column("travel_document", sa.String(length=8), nullable=False),
        sa.Column("travel_note", sa.JSON(), nullable=True),
        sa.Column("medical_required", sa.Boolean(), nullable=False),
        sa.Column("medical_reasons", sa.JSON(), nullable=False),
        sa.Column("gss_eligible", sa.Boolean(), nullable=False),
        sa.Column("gss_reasons", sa.JSON(), nullable=False),
        sa.Column("poe_allowed", sa.Boolean(), nullable=False),
        sa.Column("poe_reasons", sa.JSON(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decision_document", sa.String(length=16), nullable=True),
        sa.CheckConstraint(
            "(permit_type = 'employer_specific') = (offer_id IS NOT NULL)",
            name=op.f("ck_work_permit_application_offer_iff_employer_specific"),
        ),
        sa.CheckConstraint(
            "(status = 'submitted') = (decided_at IS NULL)",
            name=op.f("ck_work_permit_application_decided_iff_not_submitted"),
        ),
        sa.CheckConstraint(
            "applies_from IN ('outside','inside','port_of_entry')",
            name=op.f("ck_work_permit_application_applies_from_known"),
        ),
        sa.CheckConstraint(
            "biometrics IN ('on_file','within_14_days','later')",
            name=op.f("ck_work_permit_application_biometrics_known"),
        ),
        sa.CheckConstraint(
            "length(number) = 10 AND number LIKE 'W%'",
            name=op.f("ck_work_permit_application_number_format"),
        ),
        sa.CheckConstraint(
            "permit_type IN ('employer_specific','other','open')",
            name=op.f("ck_work_permit_application_permit_type_known"),
        ),
        sa.CheckConstraint(
            "status <> 'approved' OR decision_document IS NOT NULL",
            name=op.f("ck_work_permit_application_approval_has_document"),
        ),
        sa.CheckConstraint(
            "status <> 'refused' OR decision_reason IS NOT NULL",
            name=op.f("ck_work_permit_application_refusal_has_reason"),
        ),
        sa.CheckConstraint(
            "status IN ('submitted','approved','refused')",
            name=op.f("ck_work_permit_application_status_known"),
        ),
        sa.CheckConstraint(
            "travel_document IN ('visa','eta','none')",
            name=op.f("ck_work_permit_application_travel_document_known"),
        ),
        sa.CheckConstraint(
            "family_size BETWEEN 1 AND 20",
            name=op.f("ck_work_permit_application_family_size_range"),
        ),
        sa.CheckConstraint(
            "fees_total_cents >= 0", name=op.f("ck_work_permit_application_fees_total_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_work_permit_application_decided_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offer.id"], name=op.f("fk_work_permit_application_offer_id_offer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_permit_application")),
        sa.UniqueConstraint("number", name=op.f("uq_work_permit_application_number")),
        sa.UniqueConstraint("offer_id", name=op.f("uq_work_permit_application_offer_id")),
    )
    with op.batch_alter_table("work_permit_application", schema=None) as batch_op:
        batch_op.create_index(
            "ix_work_permit_application_status_submitted", ["status", "submitted_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("work_permit_application", schema=None) as batch_op:
        batch_op.drop_index("ix_work_permit_application_status_submitted")
    op.drop_table("work_permit_application")
    with op.batch_alter_table("offer_verification_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_verification_attempt_offer_id"))
        batch_op.drop_index("ix_offer_verification_attempt_number_time")
    op.drop_table("offer_verification_attempt")

"""compliance exemptions, bans, teams, second factor, outbox

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "compliance_exemption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("granted_by", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "category IN ('foreign_government','political_subdivision_office','diplomatic_or_consular_mission','international_organization','international_bridge_or_tunnel')",
            name=op.f("ck_compliance_exemption_category_known"),
        ),
        sa.CheckConstraint(
            "(revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL) OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL)",
            name=op.f("ck_compliance_exemption_revocation_complete"),
        ),
        sa.CheckConstraint(
            "expiry_date IS NULL OR expiry_date > effective_date",
            name=op.f("ck_compliance_exemption_expiry_after_effective"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_compliance_exemption_employer_id_employer"),
        ),
        sa.ForeignKeyConstraint(
            ["granted_by"],
            ["user_account.id"],
            name=op.f("fk_compliance_exemption_granted_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["revoked_by"],
            ["user_account.id"],
            name=op.f("fk_compliance_exemption_revoked_by_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliance_exemption")),
    )
    with op.batch_alter_table("compliance_exemption", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_compliance_exemption_employer_id"), ["employer_id"], unique=False
        )
    op.create_table(
        "employer_ban",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("penalty_cents", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.Integer(), nullable=True),
        sa.Column("lift_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL) OR (lifted_at IS NOT NULL AND lift_reason IS NOT NULL)",
            name=op.f("ck_employer_ban_lift_complete"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_employer_ban_end_not_before_start"),
        ),
        sa.CheckConstraint(
            "penalty_cents IS NULL OR penalty_cents >= 0",
            name=op.f("ck_employer_ban_penalty_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_employer_ban_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["lifted_by"], ["user_account.id"], name=op.f("fk_employer_ban_lifted_by_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["user_account.id"],
            name=op.f("fk_employer_ban_recorded_by_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_ban")),
    )
    with op.batch_alter_table("employer_ban", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employer_ban_employer_id"), ["employer_id"], unique=False
        )
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("permission", sa.String(length=16), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_user_id", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "permission IN ('prepare','submit')", name=op.f("ck_invitation_permission_known")
        ),
        sa.ForeignKeyConstraint(
            ["accepted_user_id"],
            ["user_account.id"],
            name=op.f("fk_invitation_accepted_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_invitation_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["invited_by"], ["user_account.id"], name=op.f("fk_invitation_invited_by_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_invitation_code_hash")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invitation_employer_id"), ["employer_id"], unique=False
        )
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("permission", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "permission IN ('prepare','submit')", name=op.f("ck_membership_permission_known")
        ),
        sa.CheckConstraint(
            "role <> 'primary' OR permission = 'submit'",
            name=op.f("ck_membership_primary_can_submit"),
        ),
        sa.CheckConstraint(
            "role IN ('primary','secondary')", name=op.f("ck_membership_role_known")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_membership_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_membership_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
        sa.UniqueConstraint("user_id", "employer_id", name="one_membership_per_employer"),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_employer_id"), ["employer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_user_id"), ["user_id"], unique=False)
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_user_id", sa.Integer(), nullable=True),
        sa.Column("recipient_email", sa.String(length=254), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "language IN ('en','fr')", name=op.f("ck_outbox_message_language_known")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_user_id"],
            ["user_account.id"],
            name=op.f("fk_outbox_message_recipient_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
    )
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_message_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outbox_message_recipient_email"), ["recipient_email"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outbox_message_recipient_user_id"), ["recipient_user_id"], unique=False
        )
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_recovery_code_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_code")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_recovery_code_code_hash")),
    )
    with op.batch_alter_table("recovery_code", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recovery_code_user_id"), ["user_id"], unique=False)
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("on_behalf_of_employer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("representative_user_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_audit_event_on_behalf_of_employer_id_employer"),
            "employer",
            ["on_behalf_of_employer_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_audit_event_representative_user_id_user_account"),
            "user_account",
            ["representative_user_id"],
            ["id"],
        )
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("totp_enrolled_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))


def downgrade():
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("totp_last_step")
        batch_op.drop_column("totp_enrolled_at")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_audit_event_representative_user_id_user_account"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_audit_event_on_behalf_of_employer_id_employer"), type_="foreignkey"
        )
        batch_op.drop_column("representative_user_id")
        batch_op.drop_column("on_behalf_of_employer_id")
    with op.batch_alter_table("recovery_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recovery_code_user_id"))
    op.drop_table("recovery_code")
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_message_recipient_user_id"))
        batch_op.drop_index(batch_op.f("ix_outbox_message_recipient_email"))
        batch_op.drop_index(batch_op.f("ix_outbox_message_created_at"))
    op.drop_table("outbox_message")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_user_id"))
        batch_op.drop_index(batch_op.f("ix_membership_employer_id"))
    op.drop_table("membership")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_employer_id"))
    op.drop_table("invitation")
    with op.batch_alter_table("employer_ban", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employer_ban_employer_id"))
    op.drop_table("employer_ban")
    with op.batch_alter_table("compliance_exemption", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compliance_exemption_employer_id"))
    op.drop_table("compliance_exemption")

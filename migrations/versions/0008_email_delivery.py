"""email delivery state of outbox messages

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivery_state", sa.String(length=10),
                                      server_default="stored", nullable=False))
        batch_op.add_column(sa.Column("delivery_attempts", sa.Integer(), server_default="0",
                                      nullable=False))
        batch_op.add_column(sa.Column("delivery_error", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.create_check_constraint(
            "delivery_state_known",
            "delivery_state IN ('stored','queued','retrying','sent','failed')",
        )
        batch_op.create_check_constraint("delivery_attempts_positive", "delivery_attempts >= 0")
        batch_op.create_index(batch_op.f("ix_outbox_message_next_attempt_at"),
                              ["next_attempt_at"], unique=False)


def downgrade():
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_message_next_attempt_at"))
        batch_op.drop_constraint("delivery_attempts_positive", type_="check")
        batch_op.drop_constraint("delivery_state_known", type_="check")
        batch_op.drop_column("next_attempt_at")
        batch_op.drop_column("delivered_at")
        batch_op.drop_column("delivery_error")
        batch_op.drop_column("delivery_attempts")
        batch_op.drop_column("delivery_state")

"""Audit log chained per stream (an employer's events, the system's), no global lock

Every event gets its stream and its position there; each stream's head (length, last id, last
hash) lives in audit_stream, the row an append locks. The events written before this revision
form one global chain: they become the closed stream `legacy` (positions in id order, hashes
untouched, so they verify with the hash they were written with) and its head is recorded.

Downgrading drops the streams; events written after this revision then no longer form the one
global chain the older code verifies.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "audit_stream",
        sa.Column("stream", sa.String(length=32), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=True),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("stream", name=op.f("pk_audit_stream")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stream", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE audit_event SET stream = 'legacy', seq = ranked.position"
        " FROM (SELECT id, row_number() OVER (ORDER BY id) AS position FROM audit_event)"
        " AS ranked WHERE audit_event.id = ranked.id"
    )
    op.execute(
        "INSERT INTO audit_stream (stream, length, head_id, head_hash)"
        " SELECT 'legacy', COUNT(*), MAX(id),"
        " (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1)"
        " FROM audit_event HAVING COUNT(*) > 0"
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.alter_column("stream", existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint("one_event_per_stream_position", ["stream", "seq"])


def downgrade():
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint("one_event_per_stream_position", type_="unique")
        batch_op.drop_column("seq")
        batch_op.drop_column("stream")
    op.drop_table("audit_stream")

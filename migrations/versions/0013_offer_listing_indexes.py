"""Dashboard indexes that match its orderings (issue 14 item 3)

Each listing of one employer's offers is read in index order: the employer, (for a sort on a
column drafts leave empty) whether the key is empty, the key, and the id, in the direction of
the sort. The status and code filters' indexes go on by last change and id. Nothing else
changes; no data moves.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

REPLACED = {
    "ix_offer_employer_updated": (["employer_id", "updated_at"], ["employer_id", "updated_at", "id"]),
    "ix_offer_employer_status": (
        ["employer_id", "status"], ["employer_id", "status", "updated_at", "id"]
    ),
    "ix_offer_employer_code": (
        ["employer_id", "code_key"], ["employer_id", "code_key", "updated_at", "id"]
    ),
}
SORT_KEYS = {
    "submitted": "submitted_at",
    "number": "number",
    "worker": "worker_family_name",
    "code": "code_key",
}


def upgrade():
    for name, (_old, new) in REPLACED.items():
        op.drop_index(name, table_name="offer")
        op.create_index(name, "offer", new)
    op.create_index("ix_offer_employer_created", "offer", ["employer_id", "created_at", "id"])
    for name, key in SORT_KEYS.items():
        op.create_index(
            f"ix_offer_sort_{name}_asc", "offer",
            ["employer_id", sa.text(f"({key} IS NULL)"), key, "id"],
        )
        op.create_index(
            f"ix_offer_sort_{name}_desc", "offer",
            ["employer_id", sa.text(f"({key} IS NULL)"), sa.text(f"{key} DESC"),
             sa.text("id DESC")],
        )


def downgrade():
    for name in SORT_KEYS:
        op.drop_index(f"ix_offer_sort_{name}_desc", table_name="offer")
        op.drop_index(f"ix_offer_sort_{name}_asc", table_name="offer")
    op.drop_index("ix_offer_employer_created", table_name="offer")
    for name, (old, _new) in REPLACED.items():
        op.drop_index(name, table_name="offer")
        op.create_index(name, "offer", old)

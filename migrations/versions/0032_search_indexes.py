"""Search indexes (issue 14 item 3): the dashboard's search by worker name or offer number and
the admin employers search read an index instead of every row (portal.rules.search says what
a query matches; portal.models.search describes the objects).

PostgreSQL: the pg_trgm extension, GIN trigram indexes on lower(family name), lower(given
names), lower(number), lower(legal name), lower(operating name) and the business number, and
text_pattern_ops indexes for 1-2 character prefixes. SQLite: FTS5 tables with the trigram
tokenizer (external content: offer_search over offer, employer_search over employer), filled
from the existing rows and kept in sync by triggers, and expression indexes for prefixes.
No data changes.

Revision ID: 0032
Revises: 0031
"""

import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

TRIGRAM = {
    "ix_offer_trgm_family": ("offer", "lower(worker_family_name)"),
    "ix_offer_trgm_given": ("offer", "lower(worker_given_names)"),
    "ix_offer_trgm_number": ("offer", "lower(number)"),
    "ix_employer_trgm_legal": ("employer", "lower(legal_name)"),
    "ix_employer_trgm_operating": ("employer", "lower(operating_name)"),
    "ix_employer_trgm_business_number": ("employer", "business_number"),
}
FTS = {
    "offer": ("offer_search", ("worker_family_name", "worker_given_names", "number")),
    "employer": ("employer_search", ("legal_name", "operating_name", "business_number")),
}


def _fts_upgrade(table, fts, columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # Names from FTS only, no input.
    add = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"  # noqa: S608
    remove = (
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"  # noqa: S608
    )
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='trigram')"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608 (existing rows)
    op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {remove} {add} END"
    )


def _prefix_indexes(postgresql):
    ops = " text_pattern_ops" if postgresql else ""
    op.create_index(
        "ix_offer_family_prefix", "offer",
        ["employer_id", sa.text(f"lower(worker_family_name){ops}")],
    )
    op.create_index(
        "ix_employer_operating_prefix", "employer", [sa.text(f"lower(operating_name){ops}")]
    )


def upgrade():
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, (table, expression) in TRIGRAM.items():
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({expression} gin_trgm_ops)")
    else:
        for table, (fts, columns) in FTS.items():
            _fts_upgrade(table, fts, columns)
    _prefix_indexes(postgresql)


def downgrade():
    op.drop_index("ix_employer_operating_prefix", table_name="employer")
    op.drop_index("ix_offer_family_prefix", table_name="offer")
    if op.get_bind().dialect.name == "postgresql":
        for name, (table, _expression) in TRIGRAM.items():
            op.drop_index(name, table_name=table)
        return  # pg_trgm stays: other databases' objects may use it
    for _table, (fts, _columns) in FTS.items():
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {fts}_{trigger}")
        op.execute(f"DROP TABLE {fts}")

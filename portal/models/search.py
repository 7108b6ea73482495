"""The search indexes of the dashboard and of the admin employers list (issue 14 item 3;
portal.rules.search says what a query matches).

PostgreSQL: pg_trgm GIN indexes on the lower-cased searched fields (LIKE '%q%' reads them) and
a text_pattern_ops index for 1-2 character prefixes. SQLite: an FTS5 table per searched table
with the trigram tokenizer, external content (it stores only the index; rowid = the row's id),
kept in sync by triggers, and an expression index for prefixes. Migration 0032 builds them; the
tests' create_all builds the same through the DDL events below. A migration that rebuilds
`offer` or `employer` on SQLite (batch mode) drops the triggers and must make them again
(tests/integration/test_migrations.py checks they exist at head).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import DDL, Index, Table, event, func

from portal.extensions import Model
from portal.models.employer import Employer
from portal.models.offer import Offer

TRIGRAM_EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm"

# table -> (its FTS5 table, the searched columns)
FTS_TABLES = {
    "offer": ("offer_search", ("worker_family_name", "worker_given_names", "number")),
    "employer": ("employer_search", ("legal_name", "operating_name", "business_number")),
}


def fts_statements(table: str) -> list[str]:
    """The SQLite statements that make `table`'s FTS5 table and its triggers (the migration
    has its own copy: migrations stand alone)."""
    fts, columns = FTS_TABLES[table]
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # Names from FTS_TABLES only, no input: S608 does not apply.
    add = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"  # noqa: S608
    remove = (
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"  # noqa: S608
    )
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {remove} {add} END",
    ]


def _trigram(name: str, expression: Any) -> Index:
    label = name.removeprefix("ix_")
    return Index(
        name, expression.label(label),
        postgresql_using="gin", postgresql_ops={label: "gin_trgm_ops"},
    ).ddl_if(dialect="postgresql")


def _prefix(name: str, *columns: Any) -> Index:
    *leading, key = columns
    label = name.removeprefix("ix_")
    return Index(
        name, *leading, func.lower(key).label(label),
        postgresql_ops={label: "text_pattern_ops"},
    )


_trigram("ix_offer_trgm_family", func.lower(Offer.worker_family_name))
_trigram("ix_offer_trgm_given", func.lower(Offer.worker_given_names))
_trigram("ix_offer_trgm_number", func.lower(Offer.number))
_prefix("ix_offer_family_prefix", Offer.employer_id, Offer.worker_family_name)
_trigram("ix_employer_trgm_legal", func.lower(Employer.legal_name))
_trigram("ix_employer_trgm_operating", func.lower(Employer.operating_name))
_trigram("ix_employer_trgm_business_number", Employer.business_number)
_prefix("ix_employer_operating_prefix", Employer.operating_name)

def _ddl(statement: str, dialect: str) -> Any:
    return DDL(statement).execute_if(dialect=dialect)  # type: ignore[no-untyped-call]


event.listen(Model.metadata, "before_create", _ddl(TRIGRAM_EXTENSION, "postgresql"))
for _table in (Offer.__table__, Employer.__table__):
    assert isinstance(_table, Table)
    for _statement in fts_statements(_table.name):
        event.listen(_table, "after_create", _ddl(_statement, "sqlite"))
    event.listen(_table, "before_drop",
                 _ddl(f"DROP TABLE IF EXISTS {FTS_TABLES[_table.name][0]}", "sqlite"))

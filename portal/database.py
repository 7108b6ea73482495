"""Engine set-up for SQLite and PostgreSQL, and the write-transaction entry point for services.

SQLite (the embedded default) gets WAL journaling, a busy timeout and foreign keys. Its writes
must take the write lock up front: a deferred transaction that reads first and writes later can
fail with "database is locked" when another worker committed in between, whatever the timeout.
So services start every write use case with `begin_write()`, which on SQLite opens the
transaction with BEGIN IMMEDIATE (the second writer then waits on the busy timeout instead of
failing). Read-only requests keep plain deferred transactions, so readers never queue.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from portal.extensions import db

SQLITE_BUSY_TIMEOUT_MS = 15_000
_WRITE_OPTION = "portal_write"


def configure_engine(app: Flask) -> None:
    """Install the SQLite connection hooks on the app's engine (no-op on PostgreSQL)."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        _install_sqlite_hooks(engine)


def _install_sqlite_hooks(engine: Engine) -> None:
    memory = engine.url.database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from pysqlite so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def begin_write() -> None:
    """Start the current use case's write transaction.

    Ends any read transaction the request already opened (for example loading the signed-in
    user), then begins a new one that holds SQLite's write lock from its first statement. On
    PostgreSQL it simply starts a fresh transaction; row locks are taken where a service needs
    them (SELECT ... FOR UPDATE).
    """
    session = db.session()
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={_WRITE_OPTION: True})

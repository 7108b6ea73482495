"""Engine set-up for SQLite and PostgreSQL, and the one write-transaction helper.

SQLite (the embedded default) gets WAL journaling, a busy timeout and foreign keys. Its writes
must take the write lock up front: a deferred transaction that reads first and writes later can
fail with "database is locked" when another worker committed in between, whatever the timeout.
So every write use case runs inside `with write_transaction():`, which on SQLite opens the
transaction with BEGIN IMMEDIATE, commits when the block ends and rolls back on any exception.
That block is the use case's one commit point: services never commit or roll back by hand.
Read-only requests keep plain deferred transactions, so readers never queue.

Read first, lock for the writes: SQLite has one write lock per file, held from BEGIN IMMEDIATE
to COMMIT, so everything inside the block makes every other writer wait. A use case therefore
does its lookups and Python work BEFORE the block (in the request's read transaction, which the
block ends), and inside it only re-reads what its writes depend on (a status, a count: cheap
indexed reads, so no update is lost to a change made in between) and writes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from portal.extensions import db, queue

SQLITE_BUSY_TIMEOUT_MS = 15_000
_WRITE_OPTION = "portal_write"
_IN_WRITE = "portal_in_write_transaction"  # session.info flag: a block is open
_AFTER_COMMIT = "portal_after_commit"  # session.info list: callbacks run once the block commits


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


def _begin_write() -> None:
    """Start the current use case's write transaction (for `write_transaction` only).

    Ends any read transaction the request already opened (for example loading the signed-in
    user), then begins a new one that holds SQLite's write lock from its first statement. On
    PostgreSQL it simply starts a fresh transaction; row locks are taken where a service needs
    them (SELECT ... FOR UPDATE).
    """
    session = db.session()
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={_WRITE_OPTION: True})


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block as the use case's write transaction: its one commit point.

    Begins it with `_begin_write()` (SQLite: BEGIN IMMEDIATE), commits when the block ends (a
    `return` inside it included: what the block wrote before returning is kept, for example a
    declined payment), and on any exception, the commit's own included (an IntegrityError),
    rolls everything back and re-raises. A use case that must report a refusal AND keep what it
    wrote (a failed sign-in code, audited) leaves the block first and raises after it.

    Not re-entrant: beginning a write would commit the outer block's half-done work, so a
    nested block raises RuntimeError instead (a use case calls helpers that never commit).
    Also usable as a decorator: `@write_transaction()`.
    """
    session = db.session()
    if session.info.get(_IN_WRITE):
        raise RuntimeError("write_transaction() inside another one: the use case has one")
    session.info[_IN_WRITE] = True
    try:
        _begin_write()
        yield
        session.commit()
    except BaseException:
        session.info.pop(_AFTER_COMMIT, None)
        session.rollback()
        raise
    finally:
        session.info.pop(_IN_WRITE, None)
    for callback in session.info.pop(_AFTER_COMMIT, ()):
        callback()


def after_commit(callback: Callable[[], object]) -> None:
    """Run `callback` once the current `write_transaction()` block has committed, and never when
    it rolls back (background work a use case asks for: portal.queue). Outside a block, run it
    now: there is nothing to wait for."""
    session = db.session()
    if not session.info.get(_IN_WRITE):
        callback()
        return
    session.info.setdefault(_AFTER_COMMIT, []).append(callback)


def end_read_transaction() -> None:
    """End the current read-only transaction, so no snapshot or connection is held while slow
    work (rendering a PDF) runs. Nothing is lost: the caller has written nothing."""
    db.session.rollback()


def enqueue_after_commit(name: str, **kwargs: Any) -> None:
    """Queue the task `name` once the current write transaction commits (nothing when it rolls
    back); outside a write transaction, queue it now. Lives here, not on the queue, so that the
    queue need not import the database (no import cycle)."""
    after_commit(functools.partial(queue.enqueue_quietly, name, kwargs))

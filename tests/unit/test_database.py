"""Concurrent writers on SQLite never fail with "database is locked", and the audit chain never
forks, because write use cases take the write lock up front (BEGIN IMMEDIATE)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from portal.database import begin_write
from portal.extensions import db
from portal.models import AuditEvent
from portal.services.actor import Actor
from portal.services.audit import chain as audit


def test_concurrent_audit_writers_keep_one_intact_chain(app):
    errors: list[BaseException] = []
    per_thread = 15

    def worker(n: int) -> None:
        try:
            with app.app_context():
                for i in range(per_thread):
                    begin_write()
                    # Read, then write later in the same transaction: the pattern that fails
                    # under deferred transactions when another writer commits in between.
                    audit.record("test.concurrent", actor=Actor.system(), object_id=f"{n}-{i}")
                    db.session.commit()
                db.session.remove()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert db.session.scalar(select(func.count(AuditEvent.id))) == 4 * per_thread
    report = audit.verify_chain()
    assert report.ok and report.checked == 4 * per_thread


def test_verify_chain_finds_a_row_changed_behind_the_application(app):
    for i in range(3):
        begin_write()
        audit.record("test.event", actor=Actor.system(), object_id=str(i))
        db.session.commit()
    assert audit.verify_chain().ok
    second = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()[1]
    db.session.execute(
        AuditEvent.__table__.update().where(AuditEvent.id == second.id).values(action="tampered")
    )
    db.session.commit()
    report = audit.verify_chain()
    assert not report.ok and report.first_broken_id == second.id


def test_begin_write_takes_the_sqlite_write_lock_up_front(app):
    if db.engine.dialect.name != "sqlite":
        return
    statements: list[str] = []
    from sqlalchemy import event

    def capture(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        begin_write()
        db.session.scalar(select(func.count(AuditEvent.id)))
        db.session.commit()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert "BEGIN IMMEDIATE" in statements

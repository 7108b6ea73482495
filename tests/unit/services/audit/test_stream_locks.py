"""No global lock: on PostgreSQL, two employers' audited transactions held open at once never
wait on each other, while one employer's two serialise and still form one intact chain.

SQLite has one write lock for the whole file (BEGIN IMMEDIATE), so two write transactions can
never be open at once there; these tests are for PostgreSQL (CI runs the suite on both)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from portal.database import write_transaction
from portal.extensions import db
from portal.models import AuditEvent
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit.verify import verify_chain
from tests.factories import EmployerFactory

pytestmark = pytest.mark.real_commits  # threads with connections of their own


def _postgresql_only() -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises every writer by design (one write lock per file)")


def _record(employer_id: int, lock_timeout: str = "5s") -> None:
    db.session.execute(text(f"SET LOCAL lock_timeout = '{lock_timeout}'"))
    audit.record("test.locks", actor=Actor(user_id=None, employer_id=employer_id))


def _employers(n):
    ids = [EmployerFactory().id for _ in range(n)]
    db.session.commit()
    return ids


def test_two_employers_transactions_held_open_at_once_never_wait(app):
    _postgresql_only()
    employers = _employers(2)
    both_open = threading.Barrier(3, timeout=10)
    errors: list[BaseException] = []

    def writer(employer_id: int) -> None:
        try:
            with app.app_context():
                with write_transaction():
                    # Each first event also makes its stream's head row: no wait on that either.
                    _record(employer_id, lock_timeout="1s")
                    both_open.wait()  # both transactions are open, each holding its stream
                    both_open.wait()  # ...until the test has seen it
                db.session.remove()
        except BaseException as exc:
            errors.append(exc)
            both_open.abort()

    threads = [threading.Thread(target=writer, args=(e,)) for e in employers]
    for thread in threads:
        thread.start()
    both_open.wait()  # raises BrokenBarrierError when a writer blocked past its lock_timeout
    both_open.wait()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert verify_chain().ok


def test_one_employers_transactions_serialise_into_one_chain(app):
    _postgresql_only()
    (employer_id,) = _employers(1)
    before = 1
    with write_transaction():
        _record(employer_id)  # the stream exists
    holding, release = threading.Event(), threading.Event()
    finished: list[float] = []
    errors: list[BaseException] = []

    def holder() -> None:
        try:
            with app.app_context():
                with write_transaction():
                    _record(employer_id)
                    holding.set()
                    release.wait(10)
                db.session.remove()
        except BaseException as exc:
            errors.append(exc)
            holding.set()

    def second() -> None:
        try:
            with app.app_context():
                with write_transaction():
                    _record(employer_id)  # waits for the holder's commit
                finished.append(time.monotonic())
                db.session.remove()
        except BaseException as exc:
            errors.append(exc)

    first_thread = threading.Thread(target=holder)
    first_thread.start()
    assert holding.wait(10)
    # The same stream is locked: a short lock timeout proves the wait...
    with pytest.raises(OperationalError, match="lock timeout"), write_transaction():
        _record(employer_id, lock_timeout="200ms")
    # ...and a writer that does wait goes on once the holder commits, after it in the chain.
    second_thread = threading.Thread(target=second)
    second_thread.start()
    time.sleep(0.3)
    assert not finished
    released_at = time.monotonic()
    release.set()
    first_thread.join()
    second_thread.join()
    assert not errors, errors
    assert finished and finished[0] >= released_at
    seqs = list(db.session.scalars(select(AuditEvent.seq).order_by(AuditEvent.id)))
    assert seqs == list(range(1, before + 3))
    report = verify_chain()
    assert report.ok and report.checked == 3

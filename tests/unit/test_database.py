"""Concurrent writers on SQLite never fail with "database is locked", and the audit chain never
forks, because write use cases take the write lock up front (BEGIN IMMEDIATE)."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import func, select

from portal.database import write_transaction
from portal.extensions import db
from portal.models import AuditEvent
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit.verify import verify_chain


@pytest.mark.real_commits  # four threads, each with its own connection
def test_concurrent_audit_writers_keep_one_intact_chain(app):
    errors: list[BaseException] = []
    per_thread = 15

    def worker(n: int) -> None:
        try:
            with app.app_context():
                for i in range(per_thread):
                    with write_transaction():
                        # Read, then write later in the same transaction: the pattern that fails
                        # under deferred transactions when another writer commits in between.
                        audit.record("test.concurrent", actor=Actor.system(), object_id=f"{n}-{i}")
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
    report = verify_chain()
    assert report.ok and report.checked == 4 * per_thread


def test_verify_chain_finds_a_row_changed_behind_the_application(app):
    for i in range(3):
        with write_transaction():
            audit.record("test.event", actor=Actor.system(), object_id=str(i))
    assert verify_chain().ok
    second = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()[1]
    db.session.execute(
        AuditEvent.__table__.update().where(AuditEvent.id == second.id).values(action="tampered")
    )
    db.session.commit()
    report = verify_chain()
    assert not report.ok and report.first_broken_id == second.id


@pytest.mark.real_commits  # watches the BEGIN a real transaction starts with
def test_a_write_transaction_takes_the_sqlite_write_lock_up_front(app):
    if db.engine.dialect.name != "sqlite":
        return
    statements: list[str] = []
    from sqlalchemy import event

    def capture(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with write_transaction():
            db.session.scalar(select(func.count(AuditEvent.id)))
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert "BEGIN IMMEDIATE" in statements


def _events() -> list[str]:
    db.session.rollback()  # drop anything not committed
    return list(db.session.scalars(select(AuditEvent.object_id).order_by(AuditEvent.id)))


def test_a_write_transaction_commits_what_it_wrote_even_when_it_returns_early(app):
    def use_case() -> str:
        with write_transaction():
            audit.record("test.event", actor=Actor.system(), object_id="declined")
            return "returned inside the block"

    assert use_case() == "returned inside the block"
    assert _events() == ["declined"]


def test_a_write_transaction_rolls_back_everything_on_an_exception_and_re_raises(app):
    class Refused(Exception):
        pass

    def use_case() -> None:
        with write_transaction():
            audit.record("test.event", actor=Actor.system(), object_id="half")
            raise Refused

    with pytest.raises(Refused):
        use_case()
    assert _events() == []
    with write_transaction():
        audit.record("test.event", actor=Actor.system(), object_id="next")
    assert _events() == ["next"]


def test_a_failing_commit_is_rolled_back_and_re_raised(app):
    from sqlalchemy.exc import IntegrityError

    from tests.factories import UserFactory

    user = UserFactory()
    db.session.commit()

    def use_case() -> None:
        with write_transaction():
            audit.record("test.event", actor=Actor.system(), object_id="lost")
            db.session.add(type(user)(email=user.email, full_name="Twin", password_hash="x",
                                      role=user.role))

    with pytest.raises(IntegrityError):
        use_case()
    assert _events() == []


def test_a_write_transaction_inside_another_is_refused_and_the_outer_one_rolled_back(app):
    def use_case() -> None:
        with write_transaction():
            audit.record("test.event", actor=Actor.system(), object_id="outer")
            with write_transaction():  # would commit the outer block's half-done work
                audit.record("test.event", actor=Actor.system(), object_id="inner")

    with pytest.raises(RuntimeError):
        use_case()
    assert _events() == []
    with write_transaction():
        audit.record("test.event", actor=Actor.system(), object_id="next")
    assert _events() == ["next"]


@pytest.mark.real_commits  # watches the statements of a real transaction
def test_the_offer_check_takes_the_sqlite_write_lock_only_for_its_writes(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("BEGIN IMMEDIATE is SQLite's write lock")
    from datetime import date

    from sqlalchemy import event

    from portal.services.work_permits.verification import verify_offer
    from tests.factories import OfferFactory

    offer = OfferFactory(number="A1234567", worker_passport_number="XK123456")
    db.session.commit()
    statements: list[str] = []

    def capture(conn, cursor, statement, *args):
        statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        result = verify_offer(number=offer.number, passport_number="XK123456",
                              date_of_birth=date(1990, 4, 25), secret=b"k" * 32,
                              ip_address=None)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert result is not None and result.number == "A1234567"
    locked = statements[statements.index("BEGIN IMMEDIATE"):]
    read_first = statements[: statements.index("BEGIN IMMEDIATE")]
    # The lookup ran before the lock, not under it.
    assert any(re.search(r"FROM offer\b", s) for s in read_first)
    lookups = re.compile(r"FROM (offer|employer)\b")
    assert not any(lookups.search(s) for s in locked)
    assert any(s.startswith("INSERT INTO offer_verification_attempt") for s in locked)
    assert any(s.startswith("INSERT INTO audit_event") for s in locked)

"""The audit log is chained per stream (an employer's events, the system's): each stream
verifies on its own, and a row changed, deleted, inserted, reordered or moved behind the
application's back is found and named by `flask audit verify`."""

from __future__ import annotations

from sqlalchemy import select, text, update

from portal.extensions import db
from portal.models import AuditEvent, AuditStream
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit import verify
from portal.services.audit.verify import verify_chain
from tests.factories import EmployerFactory


def _events(n: int, employer_id: int | None) -> list[int]:
    ids = [
        audit.record(
            "test.event",
            actor=Actor(user_id=None, employer_id=employer_id),
            object_type="thing",
            object_id=i,
        ).id
        for i in range(n)
    ]
    db.session.commit()
    return ids


def _two_employers():
    first, second = EmployerFactory(), EmployerFactory()
    a: list[int] = []
    b: list[int] = []
    for _ in range(3):  # interleaved, as concurrent writers would leave them
        a += _events(1, first.id)
        b += _events(1, second.id)
    return a, b


def _raw(sql: str, **params: object) -> None:
    db.session.execute(text(sql), params)
    db.session.commit()


def test_each_employer_and_the_system_has_its_own_chain(app):
    employer = EmployerFactory()
    a, b = _two_employers()
    _events(2, None)
    _events(1, employer.id)
    events = {e.id: e for e in db.session.scalars(select(AuditEvent))}
    assert [events[i].seq for i in a] == [1, 2, 3] and [events[i].seq for i in b] == [1, 2, 3]
    assert events[a[1]].prev_hash == events[a[0]].hash  # linked within the stream...
    assert events[b[0]].prev_hash == audit.GENESIS_HASH  # ...not across streams
    head = db.session.get(AuditStream, audit.stream_of(events[a[0]].employer_id))
    assert head is not None and (head.length, head.head_id, head.head_hash) == (
        3, a[-1], events[a[-1]].hash
    )
    report = verify_chain()
    assert report.ok and report.checked == 9 and report.streams == 4


def test_a_changed_row_is_named(app, runner):
    a, _ = _two_employers()
    _raw("UPDATE audit_event SET object_id = 'forged' WHERE id = :id", id=a[1])
    report = verify_chain()
    assert [(x.event_id, x.kind) for x in report.breaks] == [(a[1], verify.CHANGED)]
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"broken at event {a[1]} in stream employer:" in result.output
    assert "(changed)" in result.output


def test_a_changed_and_rehashed_row_breaks_the_link_of_the_next_one(app):
    a, _ = _two_employers()
    event = db.session.get(AuditEvent, a[0])
    assert event is not None
    event.object_id = "forged"
    event.hash = audit.digest(event)  # the forger knows the hash function
    db.session.commit()
    report = verify_chain()
    assert [(x.event_id, x.kind) for x in report.breaks] == [(a[1], verify.UNLINKED)]


def test_a_deleted_row_is_found_where_it_was_and_at_the_end(app, runner):
    a, b = _two_employers()
    _raw("DELETE FROM audit_event WHERE id = :id", id=a[1])
    _raw("DELETE FROM audit_event WHERE id = :id", id=b[2])  # the last of its stream
    report = verify_chain()
    assert [(x.event_id, x.kind, x.expected_seq, x.found_seq) for x in report.breaks] == [
        (a[2], verify.OUT_OF_ORDER, 2, 3),
        (b[2], verify.MISSING_AT_END, 3, 2),
    ]
    result = runner.invoke(args=["audit", "verify"])
    assert f"broken at event {a[2]}" in result.output and f"broken at event {b[2]}" in result.output
    assert "position 3 where 2 was due" in result.output


def test_an_inserted_row_is_named_even_with_a_valid_hash(app):
    a, _ = _two_employers()
    last = db.session.get(AuditEvent, a[-1])
    assert last is not None
    forged = AuditEvent(
        occurred_at=last.occurred_at, employer_id=last.employer_id, action="test.forged",
        details="{}", stream=last.stream, seq=last.seq + 1, prev_hash=last.hash,
    )
    forged.hash = audit.digest(forged)
    db.session.add(forged)  # behind the application's back: the stream's head is not moved
    db.session.commit()
    report = verify_chain()
    assert [(x.event_id, x.kind) for x in report.breaks] == [(forged.id, verify.BEYOND_HEAD)]


def test_reordered_rows_are_named(app):
    a, _ = _two_employers()
    # Swap the ids of two events of one stream: read in id order, the second comes first.
    _raw("UPDATE audit_event SET id = -1 WHERE id = :id", id=a[0])
    _raw("UPDATE audit_event SET id = :new WHERE id = :old", new=a[0], old=a[1])
    _raw("UPDATE audit_event SET id = :new WHERE id = -1", new=a[1])
    report = verify_chain()
    assert [(x.event_id, x.kind) for x in report.breaks] == [(a[0], verify.OUT_OF_ORDER)]


def test_a_row_moved_to_another_stream_is_named(app):
    a, b = _two_employers()
    stream_b = db.session.scalar(select(AuditEvent.stream).where(AuditEvent.id == b[0]))
    db.session.execute(
        update(AuditEvent).where(AuditEvent.id == a[2]).values(stream=stream_b, seq=4)
    )
    db.session.commit()
    report = verify_chain()
    kinds = {(x.event_id, x.kind) for x in report.breaks}
    # Both name it: where it landed, and the stream it left (whose head it was).
    assert kinds == {(a[2], verify.BEYOND_HEAD), (a[2], verify.MISSING_AT_END)}


def test_a_replaced_last_event_does_not_match_the_head(app):
    a, _ = _two_employers()
    event = db.session.get(AuditEvent, a[-1])
    assert event is not None
    event.action = "test.replaced"
    event.hash = audit.digest(event)
    db.session.commit()
    report = verify_chain()
    assert [(x.event_id, x.kind) for x in report.breaks] == [(a[-1], verify.NOT_HEAD)]

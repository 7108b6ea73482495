"""Signed audit checkpoints: each signs the heads that moved; a published document proves later
that the log was only appended to; a log rewritten with its heads (invisible to the chains
alone) is caught; a forged or altered checkpoint is refused."""

from __future__ import annotations

import base64
import hashlib
import json

from sqlalchemy import select, update

from portal.extensions import db
from portal.models import AuditEvent, AuditStream
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit import checkpoints
from portal.services.audit.verify import verify_chain
from tests.factories import EmployerFactory


def _key(app) -> str:
    return app.config["AUDIT_SIGNING_KEY"]


def _public(app) -> str:
    return checkpoints.public_key_text(checkpoints.private_key(_key(app)))


def _events(n: int, employer_id: int | None) -> None:
    for i in range(n):
        audit.record("test.event", actor=Actor(user_id=None, employer_id=employer_id),
                     object_id=i)
    db.session.commit()


def _rewrite_stream(stream: str, *, drop_last: int = 0) -> None:
    """A forger with database access: edit a stream's first event, drop its last events and
    re-hash everything, head included, so that the chains alone verify."""
    events = list(db.session.scalars(
        select(AuditEvent).where(AuditEvent.stream == stream).order_by(AuditEvent.seq)
    ))
    for gone in events[len(events) - drop_last:] if drop_last else []:
        db.session.delete(gone)
    kept = events[: len(events) - drop_last]
    kept[0].object_id = "forged"
    prev = audit.GENESIS_HASH
    for event in kept:
        event.prev_hash = prev
        event.hash = prev = audit.digest(event)
    db.session.flush()
    db.session.execute(update(AuditStream).where(AuditStream.stream == stream).values(
        length=len(kept), head_id=kept[-1].id, head_hash=prev))
    db.session.commit()


def test_a_checkpoint_signs_the_heads_that_moved_and_chains_to_the_one_before(app):
    first, second = EmployerFactory(), EmployerFactory()
    _events(2, first.id)
    _events(1, second.id)
    one = checkpoints.write_checkpoint(signing_key=_key(app))
    assert one is not None and (one.id, one.events, one.streams) == (1, 3, 2)
    assert checkpoints.write_checkpoint(signing_key=_key(app)) is None  # nothing moved
    _events(1, first.id)
    two = checkpoints.write_checkpoint(signing_key=_key(app))
    assert two is not None and two.id == 2
    payload = json.loads(two.payload)
    assert list(payload["heads"]) == [audit.stream_of(first.id)]  # only the stream that moved
    assert payload["heads"][audit.stream_of(first.id)][0] == 3
    assert payload["previous"] == hashlib.sha256(one.payload.encode()).hexdigest()
    assert (payload["events"], payload["streams"]) == (4, 2)


def test_the_published_log_verifies_after_appends_and_catches_a_rewrite(app):
    employer = EmployerFactory()
    _events(4, employer.id)
    _events(2, None)
    checkpoints.write_checkpoint(signing_key=_key(app))
    document = checkpoints.published(signing_key=_key(app))
    assert document["public_key"] == _public(app)
    _events(3, employer.id)  # appended since: fine
    report = checkpoints.check_published(document, public_key=_public(app))
    assert report.ok and report.checked == 1 and report.positions == 2

    stream = audit.stream_of(employer.id)
    _rewrite_stream(stream)
    assert verify_chain().ok  # the chains alone cannot tell...
    report = checkpoints.check_published(document, public_key=_public(app))
    assert not report.ok  # ...the signed head can
    assert [(p.kind, p.checkpoint, p.stream, p.position) for p in report.problems] == [
        (checkpoints.REWRITTEN, 1, stream, 4)
    ]


def test_events_deleted_after_a_checkpoint_are_named(app):
    employer = EmployerFactory()
    _events(3, employer.id)
    checkpoints.write_checkpoint(signing_key=_key(app))
    document = checkpoints.published(signing_key=_key(app))
    stream = audit.stream_of(employer.id)
    _rewrite_stream(stream, drop_last=1)
    report = checkpoints.check_published(document, public_key=_public(app))
    assert [(p.kind, p.stream, p.position) for p in report.problems] == [
        (checkpoints.MISSING, stream, 3)
    ]


def test_a_forged_or_altered_checkpoint_is_refused(app):
    employer = EmployerFactory()
    _events(2, employer.id)
    checkpoints.write_checkpoint(signing_key=_key(app))
    document = checkpoints.published(signing_key=_key(app))

    altered = json.loads(json.dumps(document))  # heads changed to fit a rewritten log
    payload = json.loads(altered["checkpoints"][0]["payload"])
    payload["heads"][audit.stream_of(employer.id)][1] = "f" * 64
    altered["checkpoints"][0]["payload"] = json.dumps(payload)
    report = checkpoints.check_published(altered, public_key=_public(app))
    assert [(p.kind, p.checkpoint) for p in report.problems] == [(checkpoints.FORGED, 1)]

    # Signed with another key (and that key put in the document): the trusted key refuses it.
    other = checkpoints.private_key(base64.b64encode(b"o" * 32).decode())
    forged = json.loads(json.dumps(document))
    forged["public_key"] = checkpoints.public_key_text(other)
    forged["checkpoints"][0]["signature"] = base64.b64encode(
        other.sign(forged["checkpoints"][0]["payload"].encode())).decode()
    report = checkpoints.check_published(forged, public_key=_public(app))
    assert not report.ok and report.problems[0].kind == checkpoints.FORGED
    assert report.checked == 0


def test_a_removed_checkpoint_breaks_the_checkpoints_chain(app):
    employer = EmployerFactory()
    for _ in range(3):
        _events(1, employer.id)
        checkpoints.write_checkpoint(signing_key=_key(app))
    document = checkpoints.published(signing_key=_key(app))
    del document["checkpoints"][1]
    report = checkpoints.check_published(document, public_key=_public(app))
    assert [(p.kind, p.checkpoint) for p in report.problems] == [(checkpoints.UNCHAINED, 3)]


def test_flask_audit_verify_with_checkpoints(app, runner, tmp_path):
    employer = EmployerFactory()
    _events(3, employer.id)
    assert runner.invoke(args=["audit", "checkpoint"]).output.startswith("Checkpoint 1 signed")
    path = tmp_path / "checkpoints.json"
    assert runner.invoke(args=["audit", "publish", str(path)]).exit_code == 0
    result = runner.invoke(args=["audit", "verify", "--checkpoints", str(path)])
    assert result.exit_code == 0, result.output
    assert "the log has only been appended to since" in result.output

    _rewrite_stream(audit.stream_of(employer.id))
    result = runner.invoke(args=["audit", "verify", "--checkpoints", str(path)])
    assert result.exit_code == 1
    assert "Audit log intact" in result.output  # the chains alone are fooled
    assert f"stream employer:{employer.id} position 3 is not the event signed" in result.output

    document = json.loads(path.read_text())
    document["checkpoints"][0]["signature"] = base64.b64encode(b"x" * 64).decode()
    path.write_text(json.dumps(document))
    result = runner.invoke(args=["audit", "verify", "--checkpoints", str(path)])
    assert result.exit_code == 1 and "Checkpoint 1: REFUSED" in result.output


def test_the_periodic_task_writes_a_checkpoint_once(app):
    from portal.jobs import audit as audit_jobs

    _events(1, None)
    assert audit_jobs.checkpoint() == 1
    assert audit_jobs.checkpoint() is None
    app.config["AUDIT_SIGNING_KEY"] = ""
    _events(1, None)
    assert audit_jobs.checkpoint() is None  # no key: skipped, with a warning

"""Migration 0011: the one global audit chain written before streams becomes the closed stream
`legacy`, which still verifies (and still shows tampering); new events join per-employer
streams after it."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from portal.extensions import db
from portal.models import AuditEvent
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit import verify
from portal.services.audit.verify import verify_chain
from tests.databases import app_at_revision

EVENT_COLUMNS = (
    "id", "occurred_at", "actor_user_id", "employer_id", "action", "object_type", "object_id",
    "ip_address", "details", "on_behalf_of_employer_id", "representative_user_id",
    "prev_hash", "hash",
)


@pytest.fixture
def app_at_0010(tmp_path):
    with app_at_revision(tmp_path, "0010") as app:
        yield app


def _legacy_rows(n: int) -> list[dict[str, object]]:
    """Events as the portal wrote them before 0011: one chain over every event, in id order."""
    rows, prev = [], audit.GENESIS_HASH
    for i in range(1, n + 1):
        row: dict[str, object] = {
            "id": i, "occurred_at": dt.datetime(2026, 1, 1, 12, i, tzinfo=dt.UTC),
            "actor_user_id": None, "employer_id": None, "action": "legacy.event",
            "object_type": "thing", "object_id": str(i), "ip_address": "192.0.2.1",
            "details": "{}", "on_behalf_of_employer_id": None, "representative_user_id": None,
            "prev_hash": prev,
        }
        row["hash"] = prev = audit.legacy_digest(AuditEvent(**row))
        rows.append(row)
    return rows


def _insert_legacy(n: int) -> None:
    table = sa.table("audit_event", *(sa.column(c) for c in EVENT_COLUMNS))
    with db.engine.begin() as conn:
        conn.execute(table.insert(), _legacy_rows(n))


def test_0011_keeps_the_legacy_chain_verifiable_and_appends_in_streams(app_at_0010):
    _insert_legacy(4)
    upgrade(revision="0011")
    assert verify_chain().ok
    heads = dict(db.session.execute(sa.text("SELECT stream, length FROM audit_stream")).all())
    assert heads == {"legacy": 4}
    if db.engine.dialect.name == "postgresql":  # rows inserted with explicit ids
        db.session.execute(sa.text("SELECT setval('audit_event_id_seq', 4)"))
    event = audit.record("test.after", actor=Actor.system())
    db.session.commit()
    assert (event.stream, event.seq, event.prev_hash) == ("system", 1, audit.GENESIS_HASH)
    report = verify_chain()
    assert report.ok and report.checked == 5 and report.streams == 2

    db.session.execute(sa.text("UPDATE audit_event SET object_id = 'forged' WHERE id = 2"))
    db.session.commit()
    report = verify_chain()
    assert [(b.stream, b.event_id, b.kind) for b in report.breaks] == [
        ("legacy", 2, verify.CHANGED)
    ]


def test_0011_on_an_empty_log_records_no_legacy_stream(app_at_0010):
    upgrade(revision="0011")
    assert db.session.execute(sa.text("SELECT COUNT(*) FROM audit_stream")).scalar() == 0
    assert verify_chain().ok

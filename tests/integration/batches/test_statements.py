"""The statement count per row is constant (issue 18 item 6: no N+1) when confirming a batch
(the dry run's is in test_batches.py): counted with a SQLAlchemy listener on the engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event

from portal.catalogue.batches import header_aliases
from portal.extensions import db
from portal.services.batches import checking, confirming
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.batches_helpers import csv_bytes, good_row
from tests.offers_helpers import actor_for


@contextmanager
def _counting() -> Iterator[list[str]]:
    seen: list[str] = []

    def listen(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def _upload(user, count: int, offset: int):
    data = csv_bytes([good_row(offset + i) for i in range(count)])
    return checking.check_upload(actor=actor_for(user), file_name=f"{offset}.csv", data=data,
                                 aliases=header_aliases())


def _confirm_statements(user, count: int, offset: int) -> int:
    batch = _upload(user, count, offset)
    db.session.expire_all()
    with _counting() as seen:
        confirmed = confirming.confirm_batch(batch_id=batch.id, actor=actor_for(user),
                                             attestations=ATTESTATION_IDS)
    assert [row.status for row in confirmed.rows] == ["created"] * count
    return len(seen)


def _per_row(measure: Callable[[int, int], int]) -> tuple[int, int]:
    measure(3, 1000)  # warm up: the first audit event of the stream, the user read
    at_10, at_30, at_50 = measure(10, 2000), measure(30, 3000), measure(50, 4000)
    return at_30 - at_10, at_50 - at_30


def test_confirm_runs_the_same_statements_for_each_row(app, employer_user):
    # Each draft is its own statements (the offer and its sections, its location, an audit
    # event per section: 31 per row today), a fixed number per row, never a query that grows
    # with the rows already made; the employer, its standing and the batch are read once.
    first, second = _per_row(lambda n, offset: _confirm_statements(employer_user, n, offset))
    assert first == second, (first, second)
    assert first % 20 == 0 and first // 20 <= 40, f"{first / 20} statements per row"

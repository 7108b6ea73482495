"""The dashboard at scale: its orderings are read from an index (no sort of the employer's
offers), its count stops at pages.CAP, and drafts' empty keys come last in either direction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, text

from portal.extensions import db
from portal.models import Offer
from portal.services.actor import Actor
from portal.services.offers import queue
from portal.services.pages import CAP

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _offers(employer_id: int, n: int, *, drafts_every: int = 0) -> None:
    rows: list[dict[str, object]] = []
    for i in range(n):
        draft = drafts_every and i % drafts_every == 0
        rows.append({
            "employer_id": employer_id, "status": "draft" if draft else "pending",
            "number": None if draft else f"A{i:07d}", "version": 1,
            "code_key": None if draft else "C10", "answers": {}, "attestations": [],
            "fee_status": "unpaid" if draft else "paid",
            "worker_family_name": None if draft else f"Family{i:04d}",
            "created_at": NOW, "updated_at": NOW + timedelta(minutes=i % 7),
            "submitted_at": None if draft else NOW - timedelta(minutes=i),
        })
    db.session.execute(insert(Offer), rows)
    db.session.commit()


@pytest.mark.parametrize("sort", sorted(queue.SORTS))
@pytest.mark.parametrize("descending", [True, False])
def test_drafts_come_last_and_pages_neither_skip_nor_repeat(signed_in, sort, descending):
    _offers(signed_in.employer_id, 130, drafts_every=4)
    actor = Actor(user_id=signed_in.id, employer_id=signed_in.employer_id)
    seen: list[queue.OfferRow] = []
    for number in (1, 2, 3):
        page = queue.list_offers(actor=actor, query=queue.OfferQuery(
            sort=sort, descending=descending, page=number))
        seen += page.rows
    assert len(seen) == 130 and len({row.id for row in seen}) == 130
    if sort in queue.NULLABLE_SORTS:
        empty = [row.number is None for row in seen]
        assert empty == sorted(empty), "drafts (empty keys) come last"
    key = {"updated": "updated_at", "created": "created_at", "submitted": "submitted_at",
           "number": "number", "worker": "worker_family_name", "status": "status",
           "code": "code_key"}[sort]
    present = [getattr(row, key) for row in seen if getattr(row, key) is not None]
    assert present == sorted(present, reverse=descending)


def test_past_the_cap_the_total_is_more_than_and_next_pages_still_open(client, signed_in):
    _offers(signed_in.employer_id, CAP + 60)
    first = client.get("/employer/").text
    assert f"More than {CAP} offers" in first and "Page 1</li>" in first
    assert 'rel="next"' in first
    deep = client.get(f"/employer/?page={CAP // 50 + 2}").text  # the last, partial page
    assert "Family0000" in deep and 'rel="next"' not in deep and 'rel="prev"' in deep
    french = client.get("/employer/?lang=fr").text
    assert f"Plus de {CAP} offres" in french


def _plan(sql: str, params: dict[str, object]) -> str:
    if db.engine.dialect.name == "sqlite":
        rows = db.session.execute(text("EXPLAIN QUERY PLAN " + sql), params)
        return "\n".join(str(row[-1]) for row in rows)
    # A table this small is sorted in memory: forbid that, so a plan without Sort proves an
    # index gives the order (as the planner chooses at 100,000 offers).
    for setting in ("enable_seqscan", "enable_sort", "enable_bitmapscan"):
        db.session.execute(text(f"SET LOCAL {setting} = off"))
    return "\n".join(row[0] for row in db.session.execute(text("EXPLAIN " + sql), params))


@pytest.mark.parametrize("sort", sorted(queue.SORTS))
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("status", ["", "pending"])
def test_every_ordering_is_read_from_an_index_not_sorted(signed_in, sort, descending, status):
    _offers(signed_in.employer_id, 200, drafts_every=5)
    db.session.execute(text("ANALYZE"))
    stmt = queue._ordered(
        queue._filtered(signed_in.employer_id, queue.OfferQuery(status=status)),
        queue.OfferQuery(sort=sort, descending=descending),
    ).limit(51).offset(100)
    plan = _plan(str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True})), {})
    assert "TEMP B-TREE" not in plan and "Sort" not in plan.replace("Sort Key", ""), plan
    assert "SCAN offer\n" not in plan + "\n" and "Seq Scan" not in plan, plan

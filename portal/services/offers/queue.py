"""The employer's offer queue: search, filter, sort, paginate, and the CSV export.

Guarantees: only the actor's own employer's offers are listed or exported; a page costs a
constant number of queries (a count and one select of plain columns), whatever its size; the
export never contains passport numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, asc, desc, or_, select

from portal.extensions import db
from portal.models import Offer, OfferStatus
from portal.rules import search as search_rules
from portal.rules.codes import shown_code
from portal.rules.numbers import is_offer_number
from portal.services.actor import Actor
from portal.services.pages import Page, paginate
from portal.services.search import offer_matches

PAGE_SIZE = 50
SORTS = {
    "updated": Offer.updated_at,
    "created": Offer.created_at,
    "submitted": Offer.submitted_at,
    "number": Offer.number,
    "worker": Offer.worker_family_name,
    "status": Offer.status,
    "code": Offer.code_key,
}
EXPORT_BATCH = 500
_LISTED_COLUMNS = (
    Offer.id, Offer.number, Offer.status, Offer.code_key, Offer.job_title, Offer.noc_code,
    Offer.worker_family_name, Offer.worker_given_names, Offer.worker_citizenship,
    Offer.fee_status, Offer.start_date, Offer.end_date, Offer.created_at, Offer.updated_at,
    Offer.submitted_at, Offer.matched_at, Offer.withdrawn_at,
)


@dataclass(frozen=True)
class OfferQuery:
    search: str = ""
    status: str = ""
    code: str = ""
    sort: str = "updated"
    descending: bool = True
    page: int = 1


@dataclass(frozen=True)
class OfferRow:
    id: int
    number: str | None
    status: str
    code_key: str | None
    job_title: str | None
    noc_code: str | None
    worker_family_name: str | None
    worker_given_names: str | None
    worker_citizenship: str | None
    fee_status: str
    start_date: date | None
    end_date: date | None
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    matched_at: datetime | None
    withdrawn_at: datetime | None

    @property
    def worker_name(self) -> str:
        return ", ".join(p for p in (self.worker_family_name, self.worker_given_names) if p)


@dataclass(frozen=True)
class OfferPage(Page):
    """A page of the dashboard (portal.services.pages.Page) and the query it answers."""

    query: OfferQuery = OfferQuery()


def _filtered(employer_id: int, query: OfferQuery) -> Select[*tuple[Any, ...]]:
    stmt = select(*_LISTED_COLUMNS).where(Offer.employer_id == employer_id)
    if query.status in {s.value for s in OfferStatus}:
        stmt = stmt.where(Offer.status == query.status)
    if query.code:
        stmt = stmt.where(Offer.code_key == query.code.strip().upper())
    search = query.search.strip()
    if is_offer_number(search.upper()):
        stmt = stmt.where(Offer.number == search.upper())
    elif (searched := search_rules.term(search)) is not None:
        stmt = stmt.where(offer_matches(searched))
    return stmt


# Sorts on a column drafts leave empty: those offers come last either way.
NULLABLE_SORTS = frozenset({"submitted", "number", "worker", "code"})


def order_of(query: OfferQuery) -> tuple[Any, ...]:
    """The ORDER BY of a listing. Each has a matching index on offer (portal/models/offer.py:
    the employer, the emptiness of the sort key, the key, the id, in both directions), so a page
    reads its rows in index order and never sorts an employer's offers; the id, in the same
    direction, keeps pages stable. The status sort goes on by last change."""
    column = SORTS.get(query.sort, Offer.updated_at)
    direction = desc if query.descending else asc
    if query.sort in NULLABLE_SORTS:
        return (column.is_(None), direction(column), direction(Offer.id))
    if query.sort == "status":
        return (direction(column), direction(Offer.updated_at), direction(Offer.id))
    return (direction(column), direction(Offer.id))


def _ordered(
    stmt: Select[*tuple[Any, ...]], query: OfferQuery
) -> Select[*tuple[Any, ...]]:
    return stmt.order_by(*order_of(query))


def list_offers(*, actor: Actor, query: OfferQuery) -> OfferPage:
    """One page of the actor's employer's offers. An actor with no employer sees none. Two
    statements (portal.services.pages): a count capped at pages.CAP and the page."""
    if actor.employer_id is None:
        return OfferPage(rows=[], total=0, page=1, pages=1, query=query)
    found = paginate(
        _filtered(actor.employer_id, query), page=query.page, size=PAGE_SIZE,
        order_by=order_of(query),
    )
    rows = [OfferRow(**row._asdict()) for row in found.rows]
    return OfferPage(rows=rows, total=found.total, page=found.page, pages=found.pages,
                     query=query, capped=found.capped, has_next=found.has_next)


@dataclass(frozen=True)
class Position:
    """Where a listing by last update stopped: the last row's update time and id."""

    updated_at: datetime
    offer_id: int


def list_offers_by_update(
    *, actor: Actor, status: str = "", code: str = "", updated_since: datetime | None = None,
    after: Position | None = None, limit: int = PAGE_SIZE,
) -> tuple[list[OfferRow], Position | None]:
    """The actor's employer's offers, most recently updated first, from just after `after`
    (keyset pagination: one query per page, the same cost on page 1 and page 2,000, and no row
    skipped or repeated when offers change between pages), and the position to go on from (None
    on the last page). Filters: status, exemption code, updated at or after `updated_since`."""
    if actor.employer_id is None:
        return [], None
    stmt = _filtered(actor.employer_id, OfferQuery(status=status, code=code))
    if updated_since is not None:
        stmt = stmt.where(Offer.updated_at >= updated_since)
    if after is not None:
        stmt = stmt.where(
            or_(
                Offer.updated_at < after.updated_at,
                and_(Offer.updated_at == after.updated_at, Offer.id < after.offer_id),
            )
        )
    stmt = stmt.order_by(Offer.updated_at.desc(), Offer.id.desc()).limit(limit + 1)
    rows = [OfferRow(**row._asdict()) for row in db.session.execute(stmt)]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, Position(updated_at=rows[-1].updated_at, offer_id=rows[-1].id)


EXPORT_HEADER = (
    "offer_number", "status", "exemption_code", "worker_family_name", "worker_given_names",
    "worker_citizenship", "job_title", "noc_code", "start_date", "end_date", "fee_status",
    "created_at", "submitted_at", "matched_at", "withdrawn_at",
)


def spreadsheet_cell(value: object) -> str:
    """A CSV cell as text, neutralised: a spreadsheet runs a cell starting with = + - @ tab or
    CR as a formula (CSV injection), so such a cell gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    # Spreadsheets run cells starting with these as formulas (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(*, actor: Actor, query: OfferQuery, lang: str = "en") -> Iterator[str]:
    """The actor's employer's offers matching `query` (all pages) as CSV text chunks, with a
    header row. No passport numbers, dates of birth or wages. The exemption code is the
    official code and its name in `lang`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    if actor.employer_id is not None:
        stmt = _ordered(_filtered(actor.employer_id, query), query)
        for row in db.session.execute(stmt).yield_per(EXPORT_BATCH):
            r = OfferRow(**row._asdict())
            writer.writerow([spreadsheet_cell(v) for v in (
                r.number, r.status, shown_code(r.code_key, lang) if r.code_key else "",
                r.worker_family_name, r.worker_given_names,
                r.worker_citizenship, r.job_title, r.noc_code, r.start_date, r.end_date,
                r.fee_status, r.created_at, r.submitted_at, r.matched_at, r.withdrawn_at,
            )])
            if buffer.tell() > 64_000:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()

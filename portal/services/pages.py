"""The one pagination helper: every paginated list (the employer's dashboard and history, the
admin's employers and audit log) pages through it, and templates/macros/pagination.html shows it.

Guarantees: a page costs two statements whatever the list's length, a count that stops at `CAP`
rows and the page's select; neither reads more than `CAP + 1` rows of an ordered index when the
ordering has a matching index. Past `CAP` rows the total is shown as "more than CAP" (the page
knows only whether a next page exists), so a list of 1,000,000 rows costs what one of 1,000
does for its first pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, literal, select

from portal.extensions import db

CAP = 1000


@dataclass(frozen=True)
class Page:
    """One page of rows. `total` is exact unless `capped` (then there are more than `total`);
    `pages` is the last page known (exact unless capped)."""

    rows: list[Any]
    page: int
    pages: int
    total: int
    capped: bool = False
    has_next: bool = field(default=False)

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def paginate(
    stmt: Select[Any],
    *,
    page: int,
    size: int,
    order_by: tuple[Any, ...],
    scalars: bool = False,
    cap: int = CAP,
) -> Page:
    """Page number `page` (from 1) of `stmt` ordered by `order_by`, `size` rows a page. An
    out-of-range page number shows the last page when the total is known. With `scalars`, rows
    are the first column's values (ORM entities); otherwise Row objects."""
    counted = db.session.scalar(
        select(func.count()).select_from(
            stmt.with_only_columns(literal(1), maintain_column_froms=True)
            .order_by(None).limit(cap + 1).subquery()
        )
    ) or 0
    capped = counted > cap
    total = min(counted, cap)
    known_pages = max(1, -(-total // size))
    page = max(1, page)
    if not capped:
        page = min(page, known_pages)
    ordered = stmt.order_by(*order_by).offset((page - 1) * size).limit(size + 1)
    result = db.session.scalars(ordered) if scalars else db.session.execute(ordered)
    rows = list(result)
    has_next = len(rows) > size
    rows = rows[:size]
    pages = max(known_pages, page + (1 if has_next else 0)) if capped else known_pages
    return Page(rows=rows, page=page, pages=pages, total=total, capped=capped, has_next=has_next)

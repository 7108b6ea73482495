"""Search conditions that read the search indexes (portal.models.search), with the same results
on SQLite and PostgreSQL (portal.rules.search says what a query matches).

Guarantees: a query of 3+ characters is answered from the trigram indexes (pg_trgm GIN, or the
FTS5 trigram table), a 1-2 character one from a prefix index; neither reads every row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, column, func, literal, or_, select, table

from portal.extensions import db
from portal.models import FTS_TABLES, Employer, Offer
from portal.rules.search import Term


def _sqlite() -> bool:
    return db.session.get_bind().dialect.name == "sqlite"


def _fts_ids(base: str, match: str) -> Any:
    """The ids of `base`'s rows whose FTS5 row matches the FTS5 query `match`."""
    fts = FTS_TABLES[base][0]
    found = table(fts, column("rowid"), column(fts))
    return select(found.c.rowid).where(found.c[fts].op("MATCH")(literal(match)))


def _prefix(key: Any, term: Term) -> ColumnElement[bool]:
    if _sqlite():  # a range on lower(key) reads the expression index
        low, high = term.prefix_bounds
        return and_(func.lower(key) >= low, func.lower(key) < high)
    return func.lower(key).like(term.like_pattern, escape="\\")  # text_pattern_ops


def offer_matches(term: Term) -> ColumnElement[bool]:
    """Offers whose worker's family name, given names or number contain `term` (3+
    characters), or whose family name starts with it (1-2)."""
    if not term.contains:
        return _prefix(Offer.worker_family_name, term)
    if _sqlite():
        return Offer.id.in_(_fts_ids("offer", term.fts_phrase))
    pattern = term.like_pattern
    return or_(
        func.lower(Offer.worker_family_name).like(pattern, escape="\\"),
        func.lower(Offer.worker_given_names).like(pattern, escape="\\"),
        func.lower(Offer.number).like(pattern, escape="\\"),
    )


def employer_matches(term: Term, digits: Term | None) -> ColumnElement[bool]:
    """Employers whose legal or operating name contains `term` (3+ characters) or whose
    operating name starts with it (1-2), or whose business number contains `digits`."""
    if _sqlite():
        phrases = []
        if term.contains:
            phrases.append("{legal_name operating_name} : " + term.fts_phrase)
        if digits is not None:
            phrases.append("business_number : " + digits.fts_phrase)
        match = " OR ".join(phrases)
        conditions: list[ColumnElement[bool]] = (
            [Employer.id.in_(_fts_ids("employer", match))] if phrases else []
        )
    else:
        conditions = []
        if term.contains:
            conditions += [
                func.lower(Employer.legal_name).like(term.like_pattern, escape="\\"),
                func.lower(Employer.operating_name).like(term.like_pattern, escape="\\"),
            ]
        if digits is not None:
            conditions.append(Employer.business_number.like(digits.like_pattern, escape="\\"))
    if not term.contains:
        conditions.append(_prefix(Employer.operating_name, term))
    return or_(*conditions)

"""Reading the audit log: administrators' filtered search and CSV export, and an employer's
own history.

Read-only. Administrators see every event; an employer's users see only events whose
`employer_id` is the employer they act for. Raises Forbidden / NotFound accordingly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, select

from portal.extensions import db
from portal.models import AuditEvent, Employer, Membership, Role, User
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.errors import NotFound
from portal.services.pages import Page, paginate

PAGE_SIZE = 50
CSV_COLUMNS = (
    "id",
    "occurred_at",
    "action",
    "actor_user_id",
    "employer_id",
    "on_behalf_of_employer_id",
    "representative_user_id",
    "object_type",
    "object_id",
    "ip_address",
    "details",
    "stream",
    "seq",
    "prev_hash",
    "hash",
)


@dataclass(frozen=True)
class AuditFilter:
    employer_id: int | None = None
    user_id: int | None = None
    action: str = ""  # an exact action, or a prefix ending in "." (e.g. "team.")
    date_from: date | None = None  # inclusive, UTC days
    date_to: date | None = None  # inclusive


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _filtered(criteria: AuditFilter) -> Select[AuditEvent]:
    stmt = select(AuditEvent)
    if criteria.employer_id is not None:
        stmt = stmt.where(AuditEvent.employer_id == criteria.employer_id)
    if criteria.user_id is not None:
        stmt = stmt.where(AuditEvent.actor_user_id == criteria.user_id)
    action = criteria.action.strip()
    if action.endswith("."):
        stmt = stmt.where(AuditEvent.action.startswith(action, autoescape=True))
    elif action:
        stmt = stmt.where(AuditEvent.action == action)
    if criteria.date_from is not None:
        stmt = stmt.where(AuditEvent.occurred_at >= _start_of(criteria.date_from))
    if criteria.date_to is not None:
        stmt = stmt.where(AuditEvent.occurred_at < _start_of(criteria.date_to + timedelta(days=1)))
    return stmt



def _page(stmt: Select[AuditEvent], page: int, size: int) -> Page:
    return paginate(stmt, page=page, size=size, order_by=(AuditEvent.id.desc(),), scalars=True)


def search(*, actor: Actor, criteria: AuditFilter, page: int = 1) -> Page:
    """Events matching the filter, newest first, PAGE_SIZE per page. Raises Forbidden."""
    require_admin(actor)
    return _page(_filtered(criteria), page, PAGE_SIZE)


def action_names(*, actor: Actor) -> list[str]:
    """Every action that occurs in the log (for the filter's choices)."""
    require_admin(actor)
    return list(
        db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    )


def export_csv(*, actor: Actor, criteria: AuditFilter) -> Iterator[str]:
    """The matching events as CSV text chunks (header first, oldest first), streamed in batches.
    Raises Forbidden."""
    require_admin(actor)
    stmt = _filtered(criteria).order_by(AuditEvent.id)

    def rows() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for event in db.session.scalars(stmt).yield_per(500):
            values = []
            for column in CSV_COLUMNS:
                value = getattr(event, column)
                values.append(value.isoformat() if isinstance(value, datetime) else value)
            writer.writerow(values)
            if buffer.tell() > 64_000:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return rows()


def employer_history(*, actor: Actor, page: int = 1) -> Page:
    """Events about the employer the actor acts for, newest first. Raises NotFound if the actor
    acts for no employer."""
    if actor.employer_id is None:
        raise NotFound(Message.of("employer.not_found"))
    stmt = select(AuditEvent).where(AuditEvent.employer_id == actor.employer_id)
    return _page(stmt, page, PAGE_SIZE)


@dataclass(frozen=True)
class Names:
    """Who the events' ids are, for people reading the log: `users` maps a user id to a name
    (an administrator's shown as such to employers), `employers` an employer id to its name."""

    users: Mapping[int, str]
    employers: Mapping[int, str]
    admins: frozenset[int]


def names_for(*, actor: Actor, events: Iterable[AuditEvent]) -> Names:
    """The names behind the events' user and employer ids, in two queries. Administrators see
    every name and email; an employer's users see their own team's names only (an
    administrator is just "an administrator", anyone else stays a number)."""
    events = list(events)
    user_ids = {i for e in events for i in (e.actor_user_id, e.representative_user_id) if i}
    employer_ids = {i for e in events for i in (e.employer_id, e.on_behalf_of_employer_id) if i}
    users: dict[int, str] = {}
    admins: set[int] = set()
    team: set[int] | None = None
    if not actor.is_admin:
        team = set(db.session.scalars(select(Membership.user_id).where(
            Membership.employer_id == actor.employer_id, Membership.user_id.in_(user_ids))))
    for user_id, name, email, role, employer_id in db.session.execute(
        select(User.id, User.full_name, User.email, User.role, User.employer_id)
        .where(User.id.in_(user_ids))
    ):
        if role == Role.ADMIN:
            admins.add(user_id)
        if team is None:
            users[user_id] = f"{name} ({email})"
        elif employer_id == actor.employer_id or user_id in team:
            users[user_id] = name
    if not actor.is_admin:
        employer_ids &= {actor.employer_id}
    employers = {
        employer_id: name
        for employer_id, name in db.session.execute(
            select(Employer.id, Employer.operating_name).where(Employer.id.in_(employer_ids))
        )
    }
    return Names(users=users, employers=employers, admins=frozenset(admins))

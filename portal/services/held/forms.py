"""Holding a user's form input on the server: dashboard searches and what an expired session
posted (see the package docstring for the guarantees)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import HeldForm

HOLD_HOURS = 24
SEARCH = "search"
TIMEOUT = "timeout"


def _cutoff() -> Any:
    return clock.real_now() - timedelta(hours=HOLD_HOURS)


def hold_search(*, user_id: int, path: str, criteria: dict[str, str]) -> str:
    """Keep a search's criteria for `user_id`; returns the random token that names it."""
    token = secrets.token_urlsafe(16)
    with write_transaction():
        db.session.add(HeldForm(token=token, user_id=user_id, purpose=SEARCH, path=path[:300],
                                data=dict(criteria)))
    return token


def held_search(*, user_id: int, token: str | None) -> dict[str, str] | None:
    """The criteria `token` names, if it was held for this user less than 24 hours ago."""
    if not token or len(token) > 43:
        return None
    row = db.session.scalar(
        select(HeldForm).where(HeldForm.token == token, HeldForm.user_id == user_id,
                               HeldForm.purpose == SEARCH, HeldForm.created_at > _cutoff())
    )
    return dict(row.data) if row is not None else None


def hold_timed_out_input(*, user_id: int, path: str, data: dict[str, list[str]]) -> None:
    """Keep what `user_id` posted to `path` after their session expired (one per page: the
    latest replaces an earlier one)."""
    with write_transaction():
        db.session.execute(delete(HeldForm).where(
            HeldForm.user_id == user_id, HeldForm.purpose == TIMEOUT, HeldForm.path == path[:300]
        ))
        db.session.add(HeldForm(token=secrets.token_urlsafe(16), user_id=user_id,
                                purpose=TIMEOUT, path=path[:300], data=dict(data)))


def take_timed_out_input(*, user_id: int, path: str) -> dict[str, list[str]] | None:
    """What `user_id` posted to `path` after their session expired, deleted as it is read (so
    it is put back into the form once), or None."""
    with write_transaction():
        row = db.session.scalar(
            select(HeldForm).where(HeldForm.user_id == user_id, HeldForm.purpose == TIMEOUT,
                                   HeldForm.path == path[:300], HeldForm.created_at > _cutoff())
        )
        if row is None:
            return None
        data = dict(row.data)
        db.session.delete(row)
    return data


def has_timed_out_input(*, user_id: int) -> list[str]:
    """The pages on which `user_id` has held input waiting (for the message after sign-in)."""
    return list(db.session.scalars(
        select(HeldForm.path).where(HeldForm.user_id == user_id, HeldForm.purpose == TIMEOUT,
                                    HeldForm.created_at > _cutoff())
    ))


def purge_expired() -> int:
    """Delete held input older than 24 hours; returns how many rows went."""
    with write_transaction():
        result = db.session.execute(delete(HeldForm).where(HeldForm.created_at <= _cutoff()))
    return int(getattr(result, "rowcount", 0) or 0)

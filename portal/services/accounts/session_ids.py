"""Session ids: one random id per sign-in, and the record of the sessions that ended.

Guarantees: a session id that timed out or was signed out is refused from then on, however
often its cookie is replayed (`is_ended`); only its SHA-256 is stored; ending one is
idempotent; the records are purged once the absolute session limit makes them unneeded.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import EndedSession


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def is_ended(session_id: str) -> bool:
    return db.session.get(EndedSession, _hash(session_id)) is not None


def end(*, session_id: str, user_id: int, reason: str) -> None:
    """Record that `session_id` ended (`reason`: timeout, signed_out)."""
    key = _hash(session_id)
    try:
        with write_transaction():
            if db.session.scalar(select(EndedSession.session_hash).where(
                    EndedSession.session_hash == key)) is None:
                db.session.add(EndedSession(session_hash=key, user_id=user_id,
                                            reason=reason[:16]))
    except IntegrityError:
        pass  # a request of the same session recorded it first: it is ended either way


def purge_ended(*, max_age: timedelta) -> int:
    """Delete the records older than `max_age` (the absolute session limit)."""
    with write_transaction():
        result = db.session.execute(
            delete(EndedSession).where(EndedSession.ended_at <= clock.real_now() - max_age)
        )
    return int(getattr(result, "rowcount", 0) or 0)

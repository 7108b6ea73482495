"""Idempotency keys: one effect per (API key, Idempotency-Key), the first response replayed.

Guarantees: `claim` records the key before the use case runs, in its own committed transaction,
and the unique (api_key_id, key) constraint lets exactly one of any number of concurrent claims
win, on SQLite and PostgreSQL alike; the losers learn whether the winner is still running or
what it answered. A record is kept for RETENTION (24 hours) and then claimed afresh. A
different request (method, path or body) under a used key is refused. `release` forgets a
claim whose request failed unexpectedly, so the client's retry can run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import IdempotencyRecord

RETENTION = timedelta(hours=24)
MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class Claimed:
    record_id: int


@dataclass(frozen=True)
class Replay:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class InProgress:
    pass


@dataclass(frozen=True)
class Mismatch:
    pass


def fingerprint(method: str, path: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def claim(
    *, api_key_id: int, key: str, request_fingerprint: str
) -> Claimed | Replay | InProgress | Mismatch:
    """Claim `key` for this request, or say what became of the request that claimed it."""
    for _attempt in range(3):
        existing = _existing(api_key_id, key)
        if existing is not None and clock.now() - existing.created_at >= RETENTION:
            with write_transaction():
                db.session.execute(delete(IdempotencyRecord).where(
                    IdempotencyRecord.id == existing.id))
            existing = None
        if existing is not None:
            if existing.fingerprint != request_fingerprint:
                return Mismatch()
            if existing.status is None:
                return InProgress()
            return Replay(status=existing.status, headers=dict(existing.response_headers or {}),
                          body=existing.response_body or b"")
        try:
            with write_transaction():
                record = IdempotencyRecord(api_key_id=api_key_id, key=key,
                                           fingerprint=request_fingerprint,
                                           created_at=clock.now())
                db.session.add(record)
                db.session.flush()
                record_id = record.id
            return Claimed(record_id)
        except IntegrityError:
            continue  # another request claimed it first: look again at what it holds
    return InProgress()


def _existing(api_key_id: int, key: str) -> IdempotencyRecord | None:
    return db.session.scalar(
        select(IdempotencyRecord)
        .where(IdempotencyRecord.api_key_id == api_key_id, IdempotencyRecord.key == key)
        .execution_options(populate_existing=True)
    )


def complete(*, record_id: int, status: int, headers: dict[str, Any], body: bytes) -> None:
    """Keep the response of the claimed request, to replay it."""
    with write_transaction():
        record = db.session.get(IdempotencyRecord, record_id)
        if record is not None:
            record.status = status
            record.response_headers = headers
            record.response_body = body


def release(*, record_id: int) -> None:
    """Forget a claim whose request failed without an answer worth keeping."""
    with write_transaction():
        db.session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == record_id))

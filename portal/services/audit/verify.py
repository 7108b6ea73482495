"""Checking the audit log: every stream's chain, position by position, against its head.

Guarantees: `verify_chain` reads the whole log once, in id order, and for each stream names the
first event that does not hold, with why:
- `changed`: its content no longer matches its hash (a row edited behind the application);
- `unlinked`: it does not carry the hash of the event before it in its stream (that one was
  edited and re-hashed, or replaced);
- `out_of_order`: its position is not the next one of its stream (events before it deleted, or
  rows inserted or reordered);
- `beyond_head`: it lies past the stream's recorded head, or in a stream with no head (added
  behind the application's back);
- `missing_at_end`: the stream's last events are gone (the event named is the recorded head);
- `not_head`: the stream's last event is not the one its head recorded (re-hashed or replaced).
Without outside evidence a rewrite of a whole stream AND its head is not detectable; signed
checkpoints (published heads) are that evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, AuditStream
from portal.services.audit.chain import GENESIS_HASH, digest

CHANGED = "changed"
UNLINKED = "unlinked"
OUT_OF_ORDER = "out_of_order"
BEYOND_HEAD = "beyond_head"
MISSING_AT_END = "missing_at_end"
NOT_HEAD = "not_head"


@dataclass(frozen=True)
class Break:
    """The first event of `stream` that does not hold, and why (one of the kinds above)."""

    stream: str
    event_id: int | None
    kind: str
    expected_seq: int | None = None
    found_seq: int | None = None


@dataclass(frozen=True)
class ChainReport:
    checked: int
    streams: int
    breaks: tuple[Break, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def first_broken_id(self) -> int | None:
        ids = [b.event_id for b in self.breaks if b.event_id is not None]
        return min(ids) if ids else None


@dataclass
class _Walk:
    """Where a stream's walk stands: the last position seen and its hash."""

    length: int  # the head's recorded length
    head_id: int | None
    head_hash: str
    seq: int = 0
    last_hash: str = GENESIS_HASH
    last_id: int | None = None


def _check(event: AuditEvent, walk: _Walk | None) -> str | None:
    if walk is None or event.seq > walk.length:
        return BEYOND_HEAD
    if event.seq != walk.seq + 1:
        return OUT_OF_ORDER
    if event.prev_hash != walk.last_hash:
        return UNLINKED
    if digest(event) != event.hash:
        return CHANGED
    return None


def verify_chain() -> ChainReport:
    """Walk the log in id order and report, per stream, the first event that does not hold."""
    walks = {
        head.stream: _Walk(length=head.length, head_id=head.head_id, head_hash=head.head_hash)
        for head in db.session.scalars(select(AuditStream))
    }
    breaks: dict[str, Break] = {}
    checked = 0
    for event in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(1000):
        checked += 1
        if event.stream in breaks:
            continue
        walk = walks.get(event.stream)
        kind = _check(event, walk)
        if kind is not None:
            expected = walk.seq + 1 if walk is not None else None
            breaks[event.stream] = Break(event.stream, event.id, kind, expected, event.seq)
            continue
        if walk is not None:
            walk.seq, walk.last_hash, walk.last_id = event.seq, event.hash, event.id
    for stream, walk in walks.items():
        if stream in breaks:
            continue
        if walk.seq < walk.length:
            breaks[stream] = Break(stream, walk.head_id, MISSING_AT_END, walk.length, walk.seq)
        elif walk.last_hash != walk.head_hash or walk.last_id != walk.head_id:
            breaks[stream] = Break(stream, walk.last_id, NOT_HEAD, walk.length, walk.seq)
    ordered = sorted(breaks.values(), key=lambda b: (b.event_id is None, b.event_id or 0))
    return ChainReport(checked=checked, streams=len(walks), breaks=tuple(ordered))

"""Signed audit checkpoints: the log's heads, signed with Ed25519, published, checked offline.

Guarantees:
- `write_checkpoint` signs, with the configured Ed25519 key, a canonical JSON payload naming
  the heads (length and last hash) of every stream that moved since the previous checkpoint,
  the previous payload's SHA-256 (checkpoints form a chain) and the totals; it keeps the exact
  payload and its signature (`AuditCheckpoint`) and writes nothing when no stream moved.
- `published` is the document to publish (JSON): the public key and every checkpoint.
- `check_published` proves, from such a document kept earlier and a public key trusted apart
  from it, that today's log only grew since: every checkpoint's signature verifies with that
  key (a forged or altered checkpoint is refused), the checkpoints chain, no stream shrank from
  one to the next, the log's chains verify, and the event at every signed position is still
  the one whose hash was signed. A log rewritten together with its heads (which the chains
  alone cannot show) fails the last test.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import AuditCheckpoint, AuditEvent, AuditSealedHead, AuditStream
from portal.services.actor import Actor, require_admin
from portal.services.audit.chain import GENESIS_HASH
from portal.services.audit.verify import verify_chain

FORMAT = "employer-portal-simulator/audit-checkpoints/1"


def private_key(encoded: str) -> Ed25519PrivateKey:
    """The signing key from its configured form (base64 of the 32-byte seed). ValueError when
    it is not one."""
    try:
        seed = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("AUDIT_SIGNING_KEY is not base64") from error
    if len(seed) != 32:
        raise ValueError("AUDIT_SIGNING_KEY must be 32 bytes (an Ed25519 seed), base64")
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The public half, base64 of its 32 raw bytes (what an auditor is given to trust)."""
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def key_id(public_key: str) -> str:
    return hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16]


def _canonical(value: dict[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _moved_heads() -> dict[str, list[Any]]:
    """Streams whose head is not the one the last checkpoint signed: {stream: [length, hash]}."""
    sealed = AuditSealedHead
    rows = db.session.execute(
        select(AuditStream.stream, AuditStream.length, AuditStream.head_hash)
        .outerjoin(sealed, sealed.stream == AuditStream.stream)
        .where((sealed.stream.is_(None)) | (sealed.head_hash != AuditStream.head_hash))
        .order_by(AuditStream.stream)
    )
    return {stream: [length, head] for stream, length, head in rows}


def write_checkpoint(*, signing_key: str) -> AuditCheckpoint | None:
    """Sign the heads that moved since the last checkpoint and keep the checkpoint; None when
    none moved (or another writer made this checkpoint at the same moment). Raises ValueError
    for a key that is not one."""
    key = private_key(signing_key)
    public = public_key_text(key)
    try:
        with write_transaction():
            heads = _moved_heads()
            if not heads:
                return None
            last = db.session.scalars(
                select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)
            ).first()
            number = last.id + 1 if last is not None else 1
            previous = (
                hashlib.sha256(last.payload.encode()).hexdigest() if last else GENESIS_HASH
            )
            totals = db.session.execute(
                select(db.func.count(AuditStream.stream), db.func.sum(AuditStream.length))
            ).one()
            now = clock.now()
            payload = _canonical({
                "format": FORMAT, "checkpoint": number, "issued_at": now.isoformat(),
                "previous": previous, "key_id": key_id(public), "streams": int(totals[0]),
                "events": int(totals[1] or 0), "heads": heads,
            })
            checkpoint = AuditCheckpoint(
                id=number, issued_at=now, events=int(totals[1] or 0), streams=int(totals[0]),
                key_id=key_id(public), payload=payload,
                signature=base64.b64encode(key.sign(payload.encode())).decode(),
            )
            db.session.add(checkpoint)
            _seal(heads)
    except IntegrityError:
        return None  # a concurrent writer took this number: its checkpoint stands
    return checkpoint


def _seal(heads: dict[str, list[Any]]) -> None:
    names = list(heads)
    for start in range(0, len(names), 500):
        chunk = names[start:start + 500]
        db.session.execute(delete(AuditSealedHead).where(AuditSealedHead.stream.in_(chunk)))
        db.session.execute(insert(AuditSealedHead), [
            {"stream": name, "length": heads[name][0], "head_hash": heads[name][1]}
            for name in chunk
        ])


def latest() -> AuditCheckpoint | None:
    return db.session.scalars(
        select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)
    ).first()


def recent(*, actor: Actor, limit: int = 50) -> list[AuditCheckpoint]:
    """The latest checkpoints, newest first. Raises Forbidden."""
    require_admin(actor)
    return list(db.session.scalars(
        select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(limit)
    ))


def published(*, signing_key: str, actor: Actor | None = None) -> dict[str, Any]:
    """The document to publish: the public key (None without a key) and every checkpoint
    (payload and signature). With an actor (a page), raises Forbidden unless an admin."""
    if actor is not None:
        require_admin(actor)
    public = public_key_text(private_key(signing_key)) if signing_key else None
    checkpoints = db.session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id))
    return {
        "format": FORMAT,
        "public_key": public,
        "key_id": key_id(public) if public else None,
        "checkpoints": [{"payload": c.payload, "signature": c.signature} for c in checkpoints],
    }


FORGED = "forged"  # the signature does not verify with the trusted key: refused
MALFORMED = "malformed"  # not a checkpoint document (or entry) of this format
UNCHAINED = "unchained"  # does not name the hash of the checkpoint before it
SHRANK = "shrank"  # a stream shorter than an earlier checkpoint signed
MISSING = "missing"  # the signed position no longer exists in today's log
REWRITTEN = "rewritten"  # the event at the signed position is not the one signed


@dataclass(frozen=True)
class Problem:
    kind: str
    checkpoint: int | None = None
    stream: str | None = None
    position: int | None = None


@dataclass
class CheckpointReport:
    checked: int = 0  # checkpoints whose signature verified
    positions: int = 0  # signed positions compared with today's log
    problems: list[Problem] = field(default_factory=list)
    log_intact: bool = True  # today's chains verify (verify.verify_chain)

    @property
    def ok(self) -> bool:
        return not self.problems and self.log_intact


def _trusted(public_key: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
    except (binascii.Error, ValueError) as error:
        raise ValueError("not an Ed25519 public key (base64 of 32 bytes)") from error


def _signed_positions(
    document: dict[str, Any], trusted: Ed25519PublicKey, report: CheckpointReport
) -> dict[tuple[str, int], tuple[str, int]]:
    """Check the checkpoints' signatures and chain; returns every signed position:
    {(stream, length): (hash, checkpoint number)}. Stops at the first refused checkpoint."""
    claims: dict[tuple[str, int], tuple[str, int]] = {}
    lengths: dict[str, int] = {}
    previous: str | None = None
    for entry in document.get("checkpoints") or []:
        try:
            text = str(entry["payload"])
            trusted.verify(base64.b64decode(entry["signature"], validate=True), text.encode())
            payload = json.loads(text)
            number, heads = int(payload["checkpoint"]), dict(payload["heads"])
        except InvalidSignature:
            report.problems.append(Problem(FORGED, checkpoint=_number_in(entry)))
            break
        except (KeyError, TypeError, ValueError, binascii.Error):
            report.problems.append(Problem(MALFORMED, checkpoint=_number_in(entry)))
            break
        report.checked += 1
        if previous is not None and payload.get("previous") != previous:
            report.problems.append(Problem(UNCHAINED, checkpoint=number))
        previous = hashlib.sha256(text.encode()).hexdigest()
        for stream, (length, head) in heads.items():
            if lengths.get(stream, 0) > length:
                report.problems.append(Problem(SHRANK, number, stream, length))
            lengths[stream] = length
            claims[(stream, int(length))] = (str(head), number)
    return claims


def _number_in(entry: Any) -> int | None:
    try:
        return int(json.loads(entry["payload"])["checkpoint"])
    except (KeyError, TypeError, ValueError):
        return None


def check_published(document: dict[str, Any], *, public_key: str) -> CheckpointReport:
    """Prove that today's log only grew since the checkpoints in `document` (a `published`
    document kept earlier), trusting `public_key` (base64), never the document's own key.
    Raises ValueError for a key that is not one."""
    trusted = _trusted(public_key)
    report = CheckpointReport()
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        report.problems.append(Problem(MALFORMED))
        return report
    claims = _signed_positions(document, trusted, report)
    report.log_intact = verify_chain().ok
    keys = list(claims)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found = {
            (stream, seq): hash_
            for stream, seq, hash_ in db.session.execute(
                select(AuditEvent.stream, AuditEvent.seq, AuditEvent.hash).where(
                    tuple_(AuditEvent.stream, AuditEvent.seq).in_(chunk)
                )
            )
        }
        for position in chunk:
            signed, number = claims[position]
            report.positions += 1
            if position not in found:
                report.problems.append(Problem(MISSING, number, *position))
            elif found[position] != signed:
                report.problems.append(Problem(REWRITTEN, number, *position))
    return report

"""Evidence files for an offer: upload, list, download and remove.

Guarantees: only PDF, PNG and JPEG files are stored, whatever their name or declared type, and
only once parsed (portal.services.offers.filecheck: a PDF that opens without scripts, launch
actions or embedded files within the page and expansion limits; an image that decodes within
the pixel limit, stored re-encoded without its metadata); each file is at most
`max_file_bytes` and an offer's files together at most `max_offer_bytes` (config
EVIDENCE_MAX_FILE_BYTES and EVIDENCE_MAX_OFFER_BYTES, passed in by the view); files can be
added or removed only on drafts; only the offer's employer's users and administrators can
read them (NotFound for anyone else).
"""

from __future__ import annotations

from sqlalchemy import func, select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import EvidenceFile, Offer, OfferStatus
from portal.models.enums import FEE_EXEMPTION_PROOF
from portal.rules.codes import get_code
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.offers.access import get_offer, get_offer_for_update
from portal.services.offers.filecheck import CheckedFile, UploadLimits, check_content

FILENAME_MAX = 200


def evidence_items(offer: Offer) -> list[tuple[str, str, str]]:
    """(item id, English label, French label) for the offer's code, in the code's order: only
    what the employer provides (not the offer number, the fee receipt or the worker's
    passport: ExemptionCode.employer_evidence)."""
    entry = get_code(offer.code_key) if offer.code_key else None
    if entry is None:
        return []
    return [(item.id, item.label_en, item.label_fr) for item in entry.employer_evidence]


def list_files(*, offer_id: int, actor: Actor) -> list[EvidenceFile]:
    """The offer's files (without their bytes), oldest first. Raises NotFound."""
    get_offer(offer_id=offer_id, actor=actor)
    return list(
        db.session.scalars(
            select(EvidenceFile).where(EvidenceFile.offer_id == offer_id).order_by(EvidenceFile.id)
        )
    )


def check_upload(data: bytes, *, max_file_bytes: int, field: str = "file",
                 limits: UploadLimits | None = None) -> CheckedFile:
    """The file's content type and the bytes to store, after checking it is not empty, not too
    big and really a PDF, PNG or JPEG within `limits` (filecheck). Raises DomainError on
    `field`."""
    if not data:
        raise DomainError(Message.of("evidence.no_file"), field=field)
    if len(data) > max_file_bytes:
        raise DomainError(
            Message.of("evidence.file_too_big", mb=max_file_bytes // (1024 * 1024)),
            field=field,
        )
    return check_content(data, limits=limits or UploadLimits(), field=field)


def insert_file(
    *,
    offer: Offer,
    actor: Actor,
    item_id: str,
    filename: str,
    data: bytes,
    content_type: str,
    max_offer_bytes: int,
    field: str = "file",
) -> EvidenceFile:
    """Add a checked file to a draft locked by the caller's write transaction (no commit).
    Raises Conflict (not a draft), DomainError (unknown item, over the offer's total)."""
    if offer.status != OfferStatus.DRAFT:
        raise Conflict(Message.of("evidence.add_not_draft"), field=field)
    known = {item for item, _en, _fr in evidence_items(offer)} | {FEE_EXEMPTION_PROOF}
    if item_id not in known:
        raise DomainError(Message.of("evidence.item_unknown"), field="item_id")
    used = db.session.scalar(
        select(func.coalesce(func.sum(EvidenceFile.size), 0)).where(
            EvidenceFile.offer_id == offer.id
        )
    ) or 0
    if used + len(data) > max_offer_bytes:
        raise DomainError(
            Message.of("evidence.offer_too_big", mb=max_offer_bytes // (1024 * 1024)),
            field=field,
        )
    evidence = EvidenceFile(
        offer_id=offer.id,
        item_id=item_id,
        filename=(filename or "evidence").replace("\\", "/").rsplit("/", 1)[-1][:FILENAME_MAX]
        or "evidence",
        content_type=content_type,
        size=len(data),
        data=data,
        uploaded_by=actor.user_id,
        created_at=clock.now(),
    )
    db.session.add(evidence)
    offer.updated_at = clock.now()
    db.session.flush()
    audit.record(
        "offer.evidence_added",
        actor=actor,
        employer_id=offer.employer_id,
        object_type="offer",
        object_id=offer.id,
        details={"file_id": evidence.id, "item_id": item_id, "size": len(data),
                 "content_type": content_type},
    )
    return evidence


def add_file(
    *,
    offer_id: int,
    actor: Actor,
    item_id: str,
    filename: str,
    data: bytes,
    max_file_bytes: int,
    max_offer_bytes: int,
    field: str = "file",
    limits: UploadLimits | None = None,
) -> EvidenceFile:
    """Store one file for an evidence item of a draft; commits. Raises NotFound, Conflict (not
    a draft), DomainError on `field` (empty, too big, over the offer's total, not PDF/PNG/JPEG)
    or on "item_id" (not an evidence item of the offer's code)."""
    checked = check_upload(data, max_file_bytes=max_file_bytes, field=field, limits=limits)
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        evidence = insert_file(
            offer=offer, actor=actor, item_id=item_id, filename=filename, data=checked.data,
            content_type=checked.content_type, max_offer_bytes=max_offer_bytes, field=field,
        )
    return evidence


def get_file(*, offer_id: int, file_id: int, actor: Actor) -> EvidenceFile:
    """The file with its bytes, for the offer's employer's users and administrators. Raises
    NotFound for anyone else and for a file of another offer."""
    get_offer(offer_id=offer_id, actor=actor)
    evidence = db.session.get(EvidenceFile, file_id)
    if evidence is None or evidence.offer_id != offer_id:
        raise NotFound(Message.of("evidence.not_found"))
    return evidence


def remove_file(*, offer_id: int, file_id: int, actor: Actor) -> None:
    """Remove a file from a draft. Raises NotFound, Conflict (not a draft)."""
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        evidence = db.session.get(EvidenceFile, file_id)
        if evidence is None or evidence.offer_id != offer.id:
            raise NotFound(Message.of("evidence.not_found"))
        if offer.status != OfferStatus.DRAFT:
            raise Conflict(Message.of("evidence.remove_not_draft"))
        audit.record(
            "offer.evidence_removed",
            actor=actor,
            employer_id=offer.employer_id,
            object_type="offer",
            object_id=offer.id,
            details={"file_id": evidence.id, "item_id": evidence.item_id},
        )
        db.session.delete(evidence)
        offer.updated_at = clock.now()

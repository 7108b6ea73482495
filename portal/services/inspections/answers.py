"""The employer's answers: per condition and worker, an explanation and documents.

Guarantees: only the inspection's employer answers (NotFound for anyone else), while the
inspection is open; the condition is one examined and the worker one in scope (for the
co-operation conditions, which are not per worker, the employer as a whole); documents pass the
evidence checks (offers.evidence.check_upload: a PDF, PNG or JPEG that really parses within
the upload limits, not empty, at most `max_file_bytes`; images are stored re-encoded, without
their metadata). Answering again adds to what was said; nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import InspectionAnswer, InspectionDocument, InspectionState
from portal.rules.compliance.conditions import get_condition
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, DomainError
from portal.services.inspections.access import load_inspection, scope_offers
from portal.services.offers.evidence import FILENAME_MAX, check_upload
from portal.services.offers.filecheck import CheckedFile, UploadLimits

EXPLANATION_MAX = 5000


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


def _check_shape(explanation: str, files: list[Upload], max_file_bytes: int,
                 limits: UploadLimits | None) -> list[CheckedFile]:
    if not explanation.strip():
        raise DomainError(Message.of("inspection.explanation_missing"), field="explanation")
    if len(explanation) > EXPLANATION_MAX:
        raise DomainError(Message.of("inspection.explanation_too_long"), field="explanation")
    return [check_upload(f.data, max_file_bytes=max_file_bytes, field="documents", limits=limits)
            for f in files]


def answer_condition(
    *,
    actor: Actor,
    inspection_id: int,
    condition: str,
    offer_id: int | None,
    explanation: str,
    files: list[Upload],
    max_file_bytes: int,
    limits: UploadLimits | None = None,
) -> InspectionAnswer:
    """Record the employer's answer. Raises NotFound, Conflict (not open), DomainError (fields
    condition, offer, explanation, documents)."""
    checked = _check_shape(explanation, files, max_file_bytes, limits)
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if actor.is_admin:
            raise Conflict(Message.of("inspection.employer_answers"))
        if inspection.state is not InspectionState.OPEN:
            raise Conflict(Message.of("inspection.not_open"))
        entry = get_condition(condition)
        if entry is None or condition not in inspection.conditions:
            raise DomainError(Message.of("inspection.condition_not_examined"), field="condition")
        in_scope = {o.id for o in scope_offers(inspection.id)}
        if entry.per_worker and offer_id not in in_scope:
            raise DomainError(Message.of("inspection.worker_not_in_scope"), field="offer")
        answer = InspectionAnswer(
            inspection_id=inspection.id, condition=condition,
            offer_id=offer_id if entry.per_worker else None, explanation=explanation.strip(),
            answered_by=actor.user_id, answered_at=clock.now())
        db.session.add(answer)
        db.session.flush()
        for upload, document in zip(files, checked, strict=True):
            db.session.add(InspectionDocument(
                answer_id=answer.id, filename=(upload.filename or "document")[:FILENAME_MAX],
                content_type=document.content_type, size_bytes=len(document.data),
                data=document.data,
                uploaded_at=clock.now()))
        audit.record("inspection.answered", actor=actor, object_type="inspection",
                     object_id=inspection.id,
                     details={"condition": condition, "offer_id": answer.offer_id,
                              "documents": len(files)})
    return answer

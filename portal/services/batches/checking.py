"""The dry run of a batch: every row of the file checked as the offer form checks a draft (the
cells' shape, each section's meaning with `drafts.check_section`, then the review's blocking
findings on the row as a draft would hold it), without creating any offer.

The dry run writes the batch and its rows' results (status, errors as codes and columns, and
the cells, which the confirm step makes drafts from), nothing else; the same file uploaded
again by the same employer finds that batch instead (its SHA-256), so the result is the same
and no second set of drafts can come of it. The number of statements does not grow with the
number of rows: the employer and its standing are read once, the rows written in one insert.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Batch, BatchRow, Employer
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.batches.columns import COLUMN_FOR_FIELD, COLUMN_KEYS, CellError, read_row
from portal.services.batches.files import SheetRow, read_sheet
from portal.services.batches.stored import message_json
from portal.services.compliance.standing import get_standing
from portal.services.errors import DomainError, Forbidden, InvalidFields, NotFound
from portal.services.offers import drafts
from portal.services.offers.queue import spreadsheet_cell
from portal.services.offers.review import review_offer

# Attestations are made once for the whole batch at confirm, not in the file.
_NOT_IN_FILE = {"ATTESTATIONS-MISSING"}


def _column(field: str | None) -> str | None:
    if field is None:
        return None
    if field.startswith(("answer_", "answers.")):
        return "code_answers"
    column = COLUMN_FOR_FIELD.get(field, field)
    return column if column in COLUMN_KEYS else None


def _meaning_errors(sections: Mapping[str, Mapping[str, Any]]) -> list[CellError]:
    errors = []
    for section, values in sections.items():
        try:
            drafts.check_section(section, values)
        except DomainError as error:
            pairs = error.errors if isinstance(error, InvalidFields) else (
                (error.field, error.message),)
            errors += [CellError(_column(field), message.code, message)
                       for field, message in pairs]
    return errors


def check_cells(
    cells: Mapping[str, str], *, employer: Employer, actor: Actor, standing: Any
) -> list[CellError]:
    """Every problem of one row, in column order: shape, then meaning, then the review's
    blocking findings (one per column: a column already wrong is not reviewed again)."""
    sections, errors = read_row(cells)
    errors += _meaning_errors(sections)
    wrong = {e.field for e in errors}
    good = {name: {k: v for k, v in values.items() if _column(k) not in wrong or k == "locations"}
            for name, values in sections.items()}
    offer = drafts.preview_draft(employer_id=employer.id, actor=actor, sections=good)
    for problem in review_offer(offer, employer=employer, standing=standing).blocking:
        column = _column(problem.field)
        if problem.code in _NOT_IN_FILE or (column in wrong and column is not None):
            continue
        wrong.add(column)
        errors.append(CellError(column, problem.code, problem.message))
    order = {key: i for i, key in enumerate(COLUMN_KEYS)}
    return sorted(errors, key=lambda e: order.get(e.field or "", -1))


def check_rows(*, employer_id: int, actor: Actor,
               rows: Sequence[SheetRow]) -> list[list[CellError]]:
    """The problems of each row (same order); a row identical to an earlier one is refused."""
    employer = db.session.get(Employer, employer_id)
    if employer is None:
        raise NotFound(Message.of("batch.not_found"))
    standing = get_standing(employer_id=employer_id, on=clock.today())
    seen: dict[tuple[tuple[str, str], ...], int] = {}
    results = []
    for row in rows:
        errors = check_cells(row.cells, employer=employer, actor=actor, standing=standing)
        key = tuple(sorted((k, v.strip()) for k, v in row.cells.items()))
        if key in seen:
            errors.insert(0, CellError(None, "row.duplicate",
                                       Message.of("batch.row.duplicate", row=seen[key])))
        else:
            seen[key] = row.number
        results.append(errors)
    return results


def stored_errors(errors: Iterable[CellError]) -> list[dict[str, Any]]:
    return [{"code": e.code, "field": e.field, "message": message_json(e.message)}
            for e in errors]


def _require_employer(actor: Actor) -> int:
    if actor.employer_id is None:
        raise Forbidden(Message.of("offer.employers_only"))
    return actor.employer_id


def _find(employer_id: int, digest: str) -> Batch | None:
    return db.session.scalar(select(Batch).where(
        Batch.employer_id == employer_id, Batch.file_digest == digest))


def check_upload(*, actor: Actor, file_name: str, data: bytes,
                 aliases: Mapping[str, str]) -> Batch:
    """The dry run of an uploaded file (see the module). Returns the batch with its rows;
    the same file again returns the batch it made. Raises BatchFileError (nothing written),
    Forbidden (not an employer user)."""
    employer_id = _require_employer(actor)
    digest = hashlib.sha256(data).hexdigest()
    existing = _find(employer_id, digest)
    if existing is not None:
        return existing
    rows = read_sheet(data, file_name=file_name, aliases=aliases)
    results = check_rows(employer_id=employer_id, actor=actor, rows=rows)
    name = (file_name.replace("\\", "/").rsplit("/", 1)[-1] or "upload")[:200]
    try:
        with write_transaction():
            batch = Batch(employer_id=employer_id, uploaded_by_user_id=actor.user_id,
                          file_name=name, file_digest=digest, row_count=len(rows),
                          created_at=clock.now())
            db.session.add(batch)
            db.session.flush()
            # One executemany for all rows (the ORM would insert them one at a time).
            db.session.execute(insert(BatchRow), [
                {"batch_id": batch.id, "row_number": row.number, "cells": row.cells,
                 "status": "invalid" if errors else "valid", "errors": stored_errors(errors),
                 "offer_id": None}
                for row, errors in zip(rows, results, strict=True)
            ])
            audit.record("batch.checked", actor=actor, employer_id=employer_id,
                         object_type="batch", object_id=batch.id,
                         details={"rows": len(rows),
                                  "invalid": sum(1 for errors in results if errors)})
    except IntegrityError:  # the same file, uploaded at the same moment by a colleague
        found = _find(employer_id, digest)
        if found is None:
            raise
        return found
    return batch


def get_batch(*, batch_id: int, actor: Actor) -> Batch:
    """The batch, for its employer's users. Raises NotFound (someone else's looks missing)."""
    batch = db.session.get(Batch, batch_id)
    if batch is None or actor.employer_id is None or batch.employer_id != actor.employer_id:
        raise NotFound(Message.of("batch.not_found"))
    return batch


def list_batches(*, actor: Actor, limit: int = 20) -> list[Batch]:
    """The employer's most recent batches, newest first."""
    if actor.employer_id is None:
        return []
    return list(db.session.scalars(
        select(Batch).where(Batch.employer_id == actor.employer_id)
        .order_by(Batch.created_at.desc(), Batch.id.desc()).limit(limit)))


def csv_chunks(lines: Iterable[Sequence[object]]) -> Iterator[str]:
    """Lines as CSV text, a line at a time, every cell neutralised against formulas."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in lines:
        writer.writerow([spreadsheet_cell(value) for value in line])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()

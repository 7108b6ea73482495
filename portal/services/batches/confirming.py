"""Confirming a checked batch into drafts, and paying and submitting its drafts.

- `confirm_batch`: the rows are checked again (today's rules), then every valid row becomes a
  draft in ONE transaction, linked to its row; with invalid rows the whole confirm is refused
  (RowsInvalid) unless `skip_invalid`, which leaves them out (status skipped). The attestations
  given are made once for every draft of the batch. A confirmed batch is returned as it is.
- `pay_and_submit_all`: each draft of the batch is paid with a test card (the pages use the
  simulator's paying one; the API sends its own) and submitted (`submission.pay_and_submit`,
  one transaction and one payment per offer). Each payment's idempotency key is derived from
  the batch and the offer, so a retry (a double click, a timeout) finds the first payment
  instead of charging again; only after a declined attempt (nothing charged) does the next
  attempt get a new key. Offers that are not ready, whose fee is exempt (claimed on the offer's
  own page) or already submitted are reported, not paid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Batch, BatchRow, Offer, OfferStatus, Payment
from portal.models.enums import PaymentResult
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.batches.checking import check_rows, get_batch, stored_errors
from portal.services.batches.columns import read_row
from portal.services.batches.files import SheetRow
from portal.services.errors import Conflict
from portal.services.offers import drafts, submission
from portal.services.offers.access import require_submit_permission
from portal.services.offers.payments import charge_test_card

# The simulator's test card that pays (portal.services.offers.payments.TEST_CARDS).
PAYING_TEST_CARD = "4242424242424242"


class RowsInvalid(Conflict):
    """Some rows have errors and the user did not choose to leave them out."""


def _recheck(batch: Batch, actor: Actor) -> list[BatchRow]:
    rows = list(batch.rows)
    results = check_rows(employer_id=batch.employer_id, actor=actor,
                         rows=[SheetRow(r.row_number, dict(r.cells)) for r in rows])
    for row, errors in zip(rows, results, strict=True):
        row.errors = stored_errors(errors)
        row.status = "invalid" if errors else "valid"
    return [row for row in rows if row.status == "valid"]


def confirm_batch(*, batch_id: int, actor: Actor, skip_invalid: bool = False,
                  attestations: Sequence[str] = ()) -> Batch:
    """Create the batch's drafts (see the module). Commits. Raises NotFound, RowsInvalid,
    Conflict (no valid row), Forbidden (an employer exempt from the compliance regime)."""
    with write_transaction():
        batch = get_batch(batch_id=batch_id, actor=actor)
        if batch.confirmed_at is not None:
            return batch
        valid = _recheck(batch, actor)
        if len(valid) < len(batch.rows) and not skip_invalid:
            raise RowsInvalid(Message.of("batch.rows_invalid"))
        if not valid:
            raise Conflict(Message.of("batch.nothing_to_create"))
        chosen = [key for key in drafts.ATTESTATION_IDS if key in set(attestations)]
        for row in batch.rows:
            if row.status != "valid":
                row.status = "skipped"
                continue
            sections: dict[str, dict[str, object]] = dict(read_row(row.cells)[0])
            if chosen:
                sections["attestations"] = {"attestations": chosen}
            offer = drafts.add_draft(actor=actor, sections=sections, batch_id=batch.id,
                                     batch_row=row.row_number)
            row.offer_id = offer.id
            row.status = "created"
        batch.confirmed_at = clock.now()
        batch.confirmed_by_user_id = actor.user_id
        audit.record("batch.confirmed", actor=actor, employer_id=batch.employer_id,
                     object_type="batch", object_id=batch.id,
                     details={"created": len(valid), "skipped": len(batch.rows) - len(valid)})
    return batch


def batch_offers(batch: Batch) -> dict[int, Offer]:
    """The offers made from the batch's rows, by id (one query)."""
    ids = [row.offer_id for row in batch.rows if row.offer_id is not None]
    if not ids:
        return {}
    return {o.id: o for o in db.session.scalars(select(Offer).where(Offer.id.in_(ids)))}


def payment_key(batch_id: int, offer_id: int, declined: int = 0) -> str:
    """The idempotency key of the batch's payment for one offer: always the same for them
    until an attempt is declined (`declined` counts those, which charged nothing)."""
    key = f"batch-{batch_id:08d}-offer-{offer_id:010d}"
    return f"{key}-{declined}" if declined else key


def _declined_attempts(offer_ids: Sequence[int]) -> dict[int, int]:
    """How many of each offer's payments were declined (one query)."""
    if not offer_ids:
        return {}
    rows = db.session.execute(
        select(Payment.offer_id, func.count(Payment.id))
        .where(Payment.offer_id.in_(offer_ids), Payment.result != PaymentResult.SUCCEEDED)
        .group_by(Payment.offer_id))
    return {offer_id: count for offer_id, count in rows}


@dataclass(frozen=True)
class Outcome:
    row_number: int
    offer_id: int
    result: str  # submitted | already_submitted | declined | not_ready | fee_exempt | refused


def _pay_one(row: BatchRow, offer: Offer, actor: Actor, *, card_number: str,
             key: str) -> Outcome:
    def outcome(result: str) -> Outcome:
        return Outcome(row.row_number, offer.id, result)

    if offer.status != OfferStatus.DRAFT:
        return outcome("already_submitted")
    try:
        attempt = submission.pay_and_submit(
            offer_id=offer.id, actor=actor, card_number=card_number, idempotency_key=key)
    except submission.FeeNotDue:
        return outcome("fee_exempt")
    except submission.NotReady:
        return outcome("not_ready")
    except Conflict:
        return outcome("refused")
    return outcome("submitted" if attempt.succeeded else "declined")


def pay_and_submit_all(*, batch_id: int, actor: Actor,
                       card_number: str = PAYING_TEST_CARD) -> list[Outcome]:
    """Pay and submit each draft of the batch (see the module), in row order; what happened to
    each. Raises NotFound, Forbidden (no submit permission), DomainError on "card_number" (not
    a test card: nothing is charged)."""
    require_submit_permission(actor)
    charge_test_card(card_number)  # a card that is not a test card is refused before any row
    batch = get_batch(batch_id=batch_id, actor=actor)
    rows = [row for row in batch.rows if row.offer_id is not None]
    offers = batch_offers(batch)
    declined = _declined_attempts(list(offers))
    outcomes = []
    for row in rows:
        offer = offers.get(row.offer_id or 0)
        if offer is not None:
            key = payment_key(batch.id, offer.id, declined.get(offer.id, 0))
            outcomes.append(_pay_one(row, offer, actor, card_number=card_number, key=key))
    return outcomes

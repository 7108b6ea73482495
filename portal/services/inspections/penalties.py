"""Paying an inspection's penalty with a test card, and default.

Guarantees: only the inspection's employer pays (NotFound otherwise), with a primary or "submit"
user; the card goes through the simulated processor of the fee page
(offers.payments.charge_test_card: test numbers only, nothing of the card kept but its last four
digits); only a successful charge marks the penalty paid, in full, once. Default is never
stored: an unpaid penalty is in default from the day after its due day (rules.compliance.status
PenaltyRecord), and compliance.standing reads it. SIMPLIFICATION: no payment agreements.
"""

from __future__ import annotations

import secrets
from datetime import date

from portal import clock
from portal.database import write_transaction
from portal.models import Inspection, PaymentResult
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.compliance.standing import penalty_record
from portal.services.errors import Conflict, Forbidden
from portal.services.inspections.access import load_inspection
from portal.services.offers.payments import charge_test_card


def in_default(inspection: Inspection, on: date) -> bool:
    record = penalty_record(inspection)
    return record is not None and record.in_default_on(on)


def pay_penalty(*, actor: Actor, inspection_id: int, card_number: str) -> PaymentResult:
    """Charge the penalty to a test card. Returns the card's result (declined: nothing
    changes). Raises NotFound, Forbidden (a "prepare" user), Conflict (nothing to pay),
    DomainError (field card_number)."""
    if not actor.can_submit:
        raise Forbidden(Message.of("inspection.pay_permission"))
    card = charge_test_card(card_number)
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if actor.is_admin:
            raise Conflict(Message.of("inspection.employer_pays"))
        if not inspection.penalty_cents or inspection.penalty_paid_at is not None:
            raise Conflict(Message.of("inspection.nothing_to_pay"))
        audit.record("inspection.penalty_payment", actor=actor, object_type="inspection",
                     object_id=inspection.id,
                     details={"result": str(card.result), "amount_cents": inspection.penalty_cents,
                              "late": in_default(inspection, clock.today())})
        if card.result is not PaymentResult.SUCCEEDED:
            return card.result
        inspection.penalty_paid_at = clock.now()
        inspection.penalty_receipt = "P" + secrets.token_hex(5).upper()
        inspection.penalty_card_last4 = card.last4
    return card.result

"""Webhook events, written in the transaction of the change they report (an outbox).

`emit` stores the event (its payload as sent) and one delivery per enabled endpoint of the
employer subscribed to its type, then asks for each delivery's task once the caller's write
transaction commits (nothing when it rolls back). No endpoint subscribed: nothing is stored.
The payload builders take ids, numbers, statuses and timestamps only: an offer's worker (name,
passport, birth date) is never read here.

Payload (Standard Webhooks): {"type": "offer.submitted", "timestamp": "...Z", "data": {...}}.
"""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update

from portal import clock
from portal.database import enqueue_after_commit
from portal.extensions import db
from portal.models import (
    ComplianceExemption,
    EmployerBan,
    Offer,
    Payment,
    Refund,
    WebhookDelivery,
    WebhookDeliveryState,
    WebhookEndpoint,
    WebhookEvent,
    WebhookEventType,
    WorkPermitApplication,
)

DELIVER_TASK = "webhooks.deliver"


def _time(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds").replace("+00:00", "Z")
    return value.isoformat()


def new_webhook_id() -> str:
    return "msg_" + secrets.token_urlsafe(20)


def store_event(*, employer_id: int, event_type: str, data: dict[str, Any]) -> WebhookEvent:
    now = clock.now()
    body = {"type": event_type, "timestamp": _time(now), "data": data}
    event = WebhookEvent(webhook_id=new_webhook_id(), employer_id=employer_id, type=event_type,
                         payload=json.dumps(body, separators=(",", ":"), sort_keys=True),
                         created_at=now)
    db.session.add(event)
    db.session.flush()
    return event


def queue_delivery(*, event: WebhookEvent, endpoint_id: int,
                   replay_of_id: int | None = None) -> WebhookDelivery:
    """A delivery of the event to the endpoint, due now; its task runs after the commit."""
    now = clock.now()
    delivery = WebhookDelivery(endpoint_id=endpoint_id, event_id=event.id,
                               state=WebhookDeliveryState.PENDING, attempts=0,
                               next_attempt_at=now, created_at=now, replay_of_id=replay_of_id)
    db.session.add(delivery)
    db.session.flush()
    enqueue_after_commit(DELIVER_TASK, delivery_id=delivery.id)
    return delivery


def stop_due_deliveries(endpoint_id: int, *, reason: str, keep: int | None = None) -> None:
    """Fail the endpoint's deliveries still due (it was disabled or deleted), but `keep`."""
    stmt = (update(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id,
                   WebhookDelivery.state.in_((WebhookDeliveryState.PENDING,
                                              WebhookDeliveryState.RETRYING)))
            .values(state=WebhookDeliveryState.FAILED, next_attempt_at=None, error=reason)
            .execution_options(synchronize_session=False))
    if keep is not None:
        stmt = stmt.where(WebhookDelivery.id != keep)
    db.session.execute(stmt)


def emit(event_type: WebhookEventType, *, employer_id: int, data: dict[str, Any]) -> None:
    """Record the event for every enabled endpoint of the employer subscribed to it. Inside the
    caller's transaction: it never commits."""
    endpoints = [
        endpoint for endpoint in db.session.scalars(
            select(WebhookEndpoint).where(WebhookEndpoint.employer_id == employer_id,
                                          WebhookEndpoint.enabled.is_(True),
                                          WebhookEndpoint.deleted_at.is_(None)))
        if event_type.value in endpoint.event_types
    ]
    if not endpoints:
        return
    event = store_event(employer_id=employer_id, event_type=event_type.value, data=data)
    for endpoint in endpoints:
        queue_delivery(event=event, endpoint_id=endpoint.id)


# -- the events, from the objects that changed ------------------------------------------------

def offer_data(offer: Offer) -> dict[str, Any]:
    return {"offer": {
        "id": offer.id, "number": offer.number, "status": str(offer.status),
        "fee_status": str(offer.fee_status), "version": offer.version,
        "exemption_code": offer.code_key, "submitted_at": _time(offer.submitted_at),
        "matched_at": _time(offer.matched_at), "withdrawn_at": _time(offer.withdrawn_at),
        "updated_at": _time(offer.updated_at),
    }}


def emit_offer(event_type: WebhookEventType, offer: Offer) -> None:
    """offer.submitted, offer.withdrawn, offer.matched."""
    emit(event_type, employer_id=offer.employer_id, data=offer_data(offer))


def emit_offer_paid(offer: Offer, payment: Payment) -> None:
    data = offer_data(offer)
    data["payment"] = {"id": payment.id, "receipt_number": payment.receipt_number,
                       "amount_cents": payment.amount_cents, "currency": "CAD",
                       "created_at": _time(payment.created_at)}
    emit(WebhookEventType.OFFER_PAID, employer_id=offer.employer_id, data=data)


def emit_refund(offer: Offer, refund: Refund) -> None:
    """refund.issued: sent when the refund is issued (not when it is requested or approved)."""
    data = offer_data(offer)
    data["refund"] = {"id": refund.id, "payment_id": refund.payment_id,
                      "amount_cents": refund.amount_cents, "currency": "CAD",
                      "cause": refund.reason, "state": str(refund.state),
                      "created_at": _time(refund.created_at),
                      "requested_on": _time(refund.requested_on),
                      "approved_on": _time(refund.approved_on),
                      "issued_on": _time(refund.issued_on)}
    emit(WebhookEventType.REFUND_ISSUED, employer_id=offer.employer_id, data=data)


def emit_decision(application: WorkPermitApplication, offer: Offer) -> None:
    data = offer_data(offer)
    data["work_permit_application"] = {
        "id": application.id, "number": application.number, "status": str(application.status),
        "decided_at": _time(application.decided_at),
    }
    emit(WebhookEventType.WORK_PERMIT_DECIDED, employer_id=offer.employer_id, data=data)


def emit_exemption(exemption: ComplianceExemption, *, change: str) -> None:
    """employer.exemption_changed; `change` is "granted", "revoked" or "expired"."""
    emit(WebhookEventType.EMPLOYER_EXEMPTION_CHANGED, employer_id=exemption.employer_id, data={
        "employer": {"id": exemption.employer_id},
        "change": change,
        "exemption": {
            "id": exemption.id, "category": str(exemption.category),
            "effective_date": _time(exemption.effective_date),
            "expiry_date": _time(exemption.expiry_date),
            "revoked_at": _time(exemption.revoked_at),
        },
    })


def emit_ban(ban: EmployerBan) -> None:
    emit(WebhookEventType.EMPLOYER_BANNED, employer_id=ban.employer_id, data={
        "employer": {"id": ban.employer_id},
        "ban": {"id": ban.id, "start_date": _time(ban.start_date),
                "end_date": _time(ban.end_date), "penalty_cents": ban.penalty_cents,
                "created_at": _time(ban.created_at)},
    })

"""Webhook endpoints: what is posted to make one, what a PATCH changes, and an endpoint."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate as v

from portal.api.schemas.offers import Strict
from portal.models.enums import WebhookEventType

EVENT_NAMES = [member.value for member in WebhookEventType]
_EVENTS_DESCRIPTION = ("The events sent to the endpoint: any of " + ", ".join(EVENT_NAMES)
                       + ". Each is POSTed as JSON {type, timestamp, data}, signed by the "
                         "Standard Webhooks specification. refund.issued is sent when the "
                         "refund is issued, 10 Canadian business days after it was requested "
                         "(the simulator's shortened timing), with ids, amounts and dates only.")


def _events(required: bool) -> ma.fields.List:
    return ma.fields.List(ma.fields.String(validate=v.OneOf(EVENT_NAMES)), required=required,
                          validate=v.Length(min=1, max=len(EVENT_NAMES)),
                          metadata={"description": _EVENTS_DESCRIPTION})


class NewEndpointSchema(Strict):
    url = ma.fields.String(required=True, validate=v.Length(min=1, max=2000), metadata={
        "description": "Where the events are POSTed: https:// (http:// outside production); "
                       "not a loopback, private, link-local or multicast address."})
    events = _events(required=True)
    description = ma.fields.String(validate=v.Length(max=200), load_default="")


class EndpointChangeSchema(Strict):
    enabled = ma.fields.Boolean(metadata={
        "description": "false stops deliveries (those still due fail); true turns it on again "
                       "and forgets the failures that turned it off."})
    events = _events(required=False)


class EndpointSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    url = ma.fields.String(required=True)
    description = ma.fields.String(required=True)
    events = ma.fields.List(ma.fields.String(), required=True)
    enabled = ma.fields.Boolean(required=True)
    disabled_at = ma.fields.DateTime(allow_none=True, required=True, metadata={
        "description": "When the portal turned it off after 5 days of failed deliveries."})
    created_at = ma.fields.DateTime(required=True)
    updated_at = ma.fields.DateTime(required=True)


class CreatedEndpointSchema(EndpointSchema):
    secret = ma.fields.String(required=True, metadata={
        "description": "The signing secret (whsec_...), returned only here: keep it to verify "
                       "each delivery with any Standard Webhooks library."})


class EndpointListSchema(ma.Schema):
    endpoints = ma.fields.List(ma.fields.Nested(EndpointSchema), required=True)


ENDPOINT_EXAMPLE = {
    "id": 3, "url": "https://hr.example.com/webhooks/portal", "description": "HR system",
    "events": ["offer.submitted", "offer.matched"], "enabled": True, "disabled_at": None,
    "created_at": "2026-12-02T15:04:05+00:00", "updated_at": "2026-12-02T15:04:05+00:00",
}
CREATED_EXAMPLE = {**ENDPOINT_EXAMPLE, "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}


class DeliverySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    event_type = ma.fields.String(required=True)
    webhook_id = ma.fields.String(required=True, metadata={
        "description": "The Standard Webhooks webhook-id: the same on every attempt and replay."})
    state = ma.fields.String(required=True, validate=v.OneOf(
        ["pending", "retrying", "delivered", "failed"]))
    attempts = ma.fields.Integer(required=True)
    next_attempt_at = ma.fields.DateTime(allow_none=True, required=True)
    last_attempt_at = ma.fields.DateTime(allow_none=True, required=True)
    duration_ms = ma.fields.Integer(allow_none=True, required=True)
    response_status = ma.fields.Integer(allow_none=True, required=True)
    error = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "Why the last attempt failed: a status, a timeout, a refused address."})
    response_excerpt = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "The first 1 KB of the endpoint's answer to the last attempt."})
    replay_of = ma.fields.Integer(allow_none=True, required=True)
    created_at = ma.fields.DateTime(required=True)


class DeliveryListSchema(ma.Schema):
    deliveries = ma.fields.List(ma.fields.Nested(DeliverySchema), required=True)


DELIVERY_EXAMPLE = {
    "id": 41, "event_type": "offer.submitted", "webhook_id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
    "state": "retrying", "attempts": 1, "next_attempt_at": "2026-12-02T15:04:10+00:00",
    "last_attempt_at": "2026-12-02T15:04:05+00:00", "duration_ms": 87, "response_status": 500,
    "error": "HTTP 500", "response_excerpt": "{\"error\": \"try later\"}", "replay_of": None,
    "created_at": "2026-12-02T15:04:05+00:00",
}

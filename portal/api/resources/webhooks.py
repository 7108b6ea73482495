"""Webhook endpoints: create (the secret is returned once), list, read, change (enabled,
events) and delete; an endpoint's deliveries, a replay and a test event: through the same
services as the Webhooks page. The key's user must be the
employer's primary user (403 otherwise)."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, url_for
from flask_smorest import Blueprint

from portal.api.auth import actor, key_required
from portal.api.docs import problems
from portal.api.errors import from_domain_error
from portal.api.schemas.webhooks import (
    CREATED_EXAMPLE,
    DELIVERY_EXAMPLE,
    ENDPOINT_EXAMPLE,
    CreatedEndpointSchema,
    DeliveryListSchema,
    DeliverySchema,
    EndpointChangeSchema,
    EndpointListSchema,
    EndpointSchema,
    NewEndpointSchema,
)
from portal.models.enums import Scope
from portal.services.errors import DomainError
from portal.services.webhooks import delivery, endpoints
from portal.services.webhooks.addresses import UrlPolicy

blp = Blueprint("api_webhooks", __name__, description="Webhook endpoints: where the portal "
                "sends signed events about the employer's offers.")


def endpoint_body(endpoint: Any) -> dict[str, Any]:
    return {"id": endpoint.id, "url": endpoint.url, "description": endpoint.description,
            "events": endpoint.event_types, "enabled": endpoint.enabled,
            "disabled_at": endpoint.disabled_at, "created_at": endpoint.created_at,
            "updated_at": endpoint.updated_at}


def _policy() -> UrlPolicy:
    config = current_app.config
    return UrlPolicy(https_only=bool(config["WEBHOOKS_HTTPS_ONLY"]),
                     allow_private=bool(config["WEBHOOKS_ALLOW_PRIVATE"]))


@blp.route("/webhook-endpoints", methods=["POST"])
@key_required(Scope.PREPARE)
@blp.arguments(NewEndpointSchema, example={"url": "https://hr.example.com/webhooks/portal",
                                           "events": ["offer.submitted", "offer.matched"]})
@blp.response(201, CreatedEndpointSchema, example=CREATED_EXAMPLE)
@problems(blp, 401, 403, 422, 429)
@blp.doc(summary="Create a webhook endpoint", description="The answer carries the signing "
         "secret (whsec_...): the only time it is shown.")
def create_endpoint(body: dict[str, Any]) -> Any:
    try:
        created = endpoints.create_endpoint(actor=actor(), url=body["url"],
                                            events=body["events"],
                                            description=body.get("description", ""),
                                            policy=_policy())
    except DomainError as error:
        return from_domain_error(error)
    location = url_for("api_webhooks.read_endpoint", endpoint_id=created.endpoint.id)
    return ({**endpoint_body(created.endpoint), "secret": created.secret}, 201,
            {"Location": location})


@blp.route("/webhook-endpoints", methods=["GET"])
@blp.response(200, EndpointListSchema, example={"endpoints": [ENDPOINT_EXAMPLE]})
@problems(blp, 401, 403, 429)
@blp.doc(summary="List the webhook endpoints")
@key_required(Scope.READ)
def list_endpoints() -> Any:
    try:
        rows = endpoints.list_endpoints(actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return {"endpoints": [endpoint_body(row) for row in rows]}


@blp.route("/webhook-endpoints/<int:endpoint_id>", methods=["GET"])
@blp.response(200, EndpointSchema, example=ENDPOINT_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Read a webhook endpoint")
@key_required(Scope.READ)
def read_endpoint(endpoint_id: int) -> Any:
    try:
        return endpoint_body(endpoints.get_endpoint(actor=actor(), endpoint_id=endpoint_id))
    except DomainError as error:
        return from_domain_error(error)


@blp.route("/webhook-endpoints/<int:endpoint_id>", methods=["PATCH"])
@key_required(Scope.PREPARE)
@blp.arguments(EndpointChangeSchema, example={"enabled": False})
@blp.response(200, EndpointSchema, example=ENDPOINT_EXAMPLE)
@problems(blp, 401, 403, 404, 422, 429)
@blp.doc(summary="Change a webhook endpoint", description="Turn it on or off, or change its "
         "events. The URL cannot change: make a new endpoint (with a new secret).")
def change_endpoint(body: dict[str, Any], endpoint_id: int) -> Any:
    try:
        endpoint = endpoints.update_endpoint(actor=actor(), endpoint_id=endpoint_id,
                                             enabled=body.get("enabled"),
                                             events=body.get("events"))
    except DomainError as error:
        return from_domain_error(error)
    return endpoint_body(endpoint)


@blp.route("/webhook-endpoints/<int:endpoint_id>", methods=["DELETE"])
@blp.response(204)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Delete a webhook endpoint", description="Nothing more is sent to it.")
@key_required(Scope.PREPARE)
def delete_endpoint(endpoint_id: int) -> Any:
    try:
        endpoints.delete_endpoint(actor=actor(), endpoint_id=endpoint_id)
    except DomainError as error:
        return from_domain_error(error)
    return Response(status=204)


def delivery_body(view: Any) -> dict[str, Any]:
    d = view.delivery
    return {"id": d.id, "event_type": view.event_type, "webhook_id": view.webhook_id,
            "state": str(view.state), "attempts": d.attempts,
            "next_attempt_at": d.next_attempt_at, "last_attempt_at": d.last_attempt_at,
            "duration_ms": d.duration_ms, "response_status": d.response_status,
            "error": d.error, "response_excerpt": d.response_excerpt,
            "replay_of": d.replay_of_id, "created_at": d.created_at}


@blp.route("/webhook-endpoints/<int:endpoint_id>/deliveries", methods=["GET"])
@blp.response(200, DeliveryListSchema, example={"deliveries": [DELIVERY_EXAMPLE]})
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="List an endpoint's deliveries", description="The latest 50, newest first, "
         "with the last attempt's status, timing and the first 1 KB of the answer.")
@key_required(Scope.READ)
def list_deliveries(endpoint_id: int) -> Any:
    try:
        views = delivery.list_deliveries(actor=actor(), endpoint_id=endpoint_id)
    except DomainError as error:
        return from_domain_error(error)
    return {"deliveries": [delivery_body(view) for view in views]}


def _queued(made: Any, endpoint_id: int) -> Any:
    view = next(v for v in delivery.list_deliveries(actor=actor(), endpoint_id=endpoint_id)
                if v.delivery.id == made.id)
    return delivery_body(view), 202


@blp.route("/webhook-endpoints/<int:endpoint_id>/test", methods=["POST"])
@key_required(Scope.PREPARE)
@blp.response(202, DeliverySchema, example={**DELIVERY_EXAMPLE, "event_type": "webhook.test",
                                            "state": "pending", "attempts": 0})
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Send a test event", description="A webhook.test event to this endpoint "
         "only, queued for delivery.")
def send_test_event(endpoint_id: int) -> Any:
    try:
        made = delivery.send_test_event(actor=actor(), endpoint_id=endpoint_id)
        return _queued(made, endpoint_id)
    except DomainError as error:
        return from_domain_error(error)


@blp.route("/webhook-endpoints/<int:endpoint_id>/deliveries/<int:delivery_id>/replay",
           methods=["POST"])
@key_required(Scope.PREPARE)
@blp.response(202, DeliverySchema, example={**DELIVERY_EXAMPLE, "state": "pending",
                                            "attempts": 0, "replay_of": 40})
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Replay a delivery", description="Send its event to the endpoint again, "
         "with the same webhook-id (a receiver that dedupes by it applies it once).")
def replay_delivery(endpoint_id: int, delivery_id: int) -> Any:
    try:
        made = delivery.replay(actor=actor(), delivery_id=delivery_id, endpoint_id=endpoint_id)
        return _queued(made, endpoint_id)
    except DomainError as error:
        return from_domain_error(error)

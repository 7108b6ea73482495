"""Shared pieces of the OpenAPI document: the problem schema, and the error responses each
operation lists."""

from __future__ import annotations

import http
from collections.abc import Callable
from typing import Any

import marshmallow as ma
from flask_smorest import Blueprint


class FieldErrorSchema(ma.Schema):
    code = ma.fields.String(required=True, metadata={"description": "A stable code."})
    detail = ma.fields.String(required=True, metadata={
        "description": "What is wrong, in the language asked for (Accept-Language)."})
    pointer = ma.fields.String(metadata={
        "description": "A JSON pointer (RFC 6901) to the value in the request body."})
    parameter = ma.fields.String(metadata={"description": "The query parameter or header."})


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details."""

    class Meta:
        unknown = ma.INCLUDE

    type = ma.fields.String(required=True, metadata={
        "description": "A URI naming the kind of problem (its code)."})
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True)
    code = ma.fields.String(required=True, metadata={
        "description": "A stable machine code, for example api_key.invalid."})
    errors = ma.fields.List(ma.fields.Nested(FieldErrorSchema))


def problems(blp: Blueprint, *statuses: int) -> Callable[[Any], Any]:
    """Document the problem+json responses an operation can give."""

    def decorate(view: Any) -> Any:
        for status in statuses:
            view = blp.alt_response(status, response=http.HTTPStatus(status).name)(view)
        return view

    return decorate


def operation_id(view_name: str) -> str:
    """An operation's id: its view's name in camelCase (create_offer -> createOffer)."""
    first, *rest = view_name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def name_operations(blp: Blueprint) -> None:
    """Give each of the blueprint's operations an operationId (its view's name in camelCase)
    unless its doc names one: the ids that the OpenAPI links below point to."""
    for endpoint, methods in blp._docs.items():
        for method, doc in methods.items():
            if method != "parameters":
                doc.setdefault("manual_doc", {}).setdefault(
                    "operationId", operation_id(endpoint.rpartition(".")[2]))


# Where a response's values go next (OpenAPI links, which schemathesis's stateful run follows).
OFFER_ID = "$response.body#/id"
SUBMITTED_OFFER_ID = "$response.body#/offer/id"
PATH_OFFER_ID = "$request.path.offer_id"
DRAFT_OPERATIONS = (
    "readOffer", "saveCode", "saveWorker", "saveJob", "saveWages", "saveAttestations",
    "validateOffer", "listEvidence", "uploadEvidence", "payAndSubmit", "claimFeeExemption",
    "submitOffer", "copyOffer", "deleteOffer",
)
SUBMITTED_OPERATIONS = (
    "readOffer", "downloadConfirmation", "readReceipt", "withdrawOffer", "copyOffer",
)
WITHDRAWN_OPERATIONS = ("readOffer", "readRefund", "readReceipt", "copyOffer")


def links(blp: Blueprint, status: int, operations: tuple[str, ...], offer_id: str,
          examples: dict[str, dict[str, Any]] | None = None, /,
          **more: dict[str, str]) -> Callable[[Any], Any]:
    """Document where a response leads: each operation in `operations` takes the offer's id
    from `offer_id` (a runtime expression); `examples` adds whole link objects by name (links
    that carry a body: portal/api/walk.py); `more` adds links with their own parameters."""
    found: dict[str, dict[str, Any]] = {
        name: {"operationId": name, "parameters": {"offer_id": offer_id}}
        for name in operations}
    found.update({name: {"operationId": name, "parameters": params}
                  for name, params in more.items()})
    found.update(examples or {})
    return blp.doc(responses={status: {"links": found}})

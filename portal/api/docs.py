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

"""Every error under /api/ as problem+json: the API's own checks, services' refusals, input that
fails its schema, and HTTP errors (unknown address, wrong method, too large, rate limited, 500).

Input errors name their place: a JSON pointer into the body, or the query parameter. Schema
messages are marshmallow's English; they are mapped here to stable codes worded in the
reader's language (anything unmapped keeps its text under the code `invalid`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import format_decimal
from flask import Flask, Response, request
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from portal.api.problems import ApiProblem, FieldError, code_for_status, message_code, problem, word
from portal.errors import PROBLEM_RENDERER
from portal.extensions import db
from portal.i18n import babel_locale
from portal.services.errors import Conflict, DomainError, Forbidden, InvalidFields, NotFound
from portal.services.offers.drafts import StaleOffer
from portal.text_checks import UNSAFE_TEXT, UnsafeParameter

API_PREFIX = "/api/"

_SCHEMA_MESSAGES: tuple[tuple[re.Pattern[str], str, LazyString], ...] = tuple(
    (re.compile(pattern), code, text)
    for pattern, code, text in (
        (r"^Missing data for required field\.$", "required", _l("This field is required.")),
        (r"^Field may not be null\.$", "null", _l("This field cannot be null.")),
        (r"^Unknown field\.$", "unknown_field", _l("This field is not part of this resource.")),
        (r"^Not a valid (string|integer|number|boolean|list|mapping type|date|datetime|"
         r"email address)\.$|^Invalid input type\.$", "type",
         _l("This value does not have the right type.")),
        (r"^Longer than maximum length (?P<max>\d+)\.$", "too_long",
         _l("Enter at most %(max)s characters.")),
        (r"^Shorter than minimum length (?P<min>\d+)\.$", "too_short",
         _l("Enter at least %(min)s characters.")),
        (r"^Length must be between (?P<min>\d+) and (?P<max>\d+)\.$", "length",
         _l("Enter from %(min)s to %(max)s characters.")),
        (r"^Must be one of: (?P<choices>.*)\.$", "choice", _l("Choose one of: %(choices)s.")),
        (r"^Must be greater than or equal to (?P<min>\S+) and less than or equal to "
         r"(?P<max>\S+)\.$", "range", _l("Enter a value from %(min)s to %(max)s.")),
        (r"^String does not match expected pattern\.$", "pattern",
         _l("This value does not have the expected format.")),
    )
)


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def schema_error(message: str) -> tuple[str, str]:
    """A marshmallow message as (stable code, text in the reader's language)."""
    for pattern, code, text in _SCHEMA_MESSAGES:
        found = pattern.match(message)
        if found:
            values = {name: _number(value) for name, value in found.groupdict().items()}
            return code, str(text) % values if values else str(text)
    return "invalid", message


def _number(text: str) -> str:
    """A bound from marshmallow's message ("0.5", "10000000") the reader's way ("0,5",
    "10 000 000" in French); anything else as it is."""
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    try:
        return str(format_decimal(Decimal(text), locale=babel_locale()))
    except InvalidOperation:
        return text


def _walk(messages: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            yield from _walk(value, (*path, str(key)))
    elif isinstance(messages, list | tuple):
        for item in messages:
            if isinstance(item, str):
                yield path, item
            else:
                yield from _walk(item, path)
    elif isinstance(messages, str):
        yield path, messages


def _pointer(parts: tuple[str, ...]) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts if p != "_schema")


def field_errors(messages: Mapping[str, Any]) -> list[FieldError]:
    """webargs' {location: {field: [messages]}} as FieldErrors with pointers or parameters."""
    errors = []
    for location, by_field in messages.items():
        for parts, text in _walk(by_field, ()):
            code, detail = schema_error(text)
            if location in ("json", "form", "files"):
                errors.append(FieldError(code, detail, pointer=_pointer(parts)))
            else:
                errors.append(FieldError(code, detail, parameter=".".join(parts) or location))
    return errors


def from_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    if status == 422 and data.get("messages"):
        return problem(422, "validation", errors=field_errors(data["messages"]))
    if isinstance(error, UnsafeParameter):
        return problem(400, "bad_request", errors=[
            FieldError("unsafe_characters", str(UNSAFE_TEXT), parameter=error.parameter)
        ])
    headers = {}
    if status == 405:
        headers = {k: v for k, v in error.get_headers() if k == "Allow"}
    if status >= 500:
        db.session.rollback()
        status = 500
    return problem(status, code_for_status(status), headers=headers)


def from_domain_error(
    error: DomainError, *, pointer_of: Callable[[str], str] | None = None
) -> Response:
    """A service's refusal: 404, 403, 409 (412 for a stale offer), or 422 naming the field it
    concerns (every field of an InvalidFields), each at `pointer_of(field)` (default: /field)."""
    status = (
        404 if isinstance(error, NotFound)
        else 403 if isinstance(error, Forbidden)
        else 412 if isinstance(error, StaleOffer)
        else 409 if isinstance(error, Conflict)
        else 422
    )
    code = message_code(error.message, _snake(error.code))
    detail = word(error.message)
    pairs = error.errors if isinstance(error, InvalidFields) else ((error.field, error.message),)
    errors = [
        FieldError(message_code(message, code), word(message),
                   pointer=(pointer_of or _top_level)(field))
        for field, message in pairs if field
    ]
    return problem(status, code, detail=detail, errors=errors)


def _top_level(field: str) -> str:
    return "/" + field


def _snake(name: str) -> str:
    if "." in name or name.islower():
        return name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _render(error: HTTPException | DomainError) -> Response:
    """What portal.errors hands over for an API request: an HTTP error, or the domain NotFound
    (which the app answers for every edge)."""
    if isinstance(error, DomainError):
        return from_domain_error(error)
    return from_http_exception(error)


def init_app(app: Flask) -> None:
    app.extensions[PROBLEM_RENDERER] = (is_api_request, _render)

    @app.errorhandler(ApiProblem)
    def api_problem(error: ApiProblem) -> Response:
        return error.response()

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> Response:
        if not is_api_request():
            raise error  # pages map refusals themselves; an unmapped one is a bug (500)
        return from_domain_error(error)

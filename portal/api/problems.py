"""RFC 9457 problem details: every API error, as application/problem+json.

Each problem has `type` (a URN naming its stable `code`), `title` (the HTTP meaning), `status`,
`detail` (what happened, in the reader's language: Accept-Language, else English), `code`, and
for input errors `errors[]`: one entry per field, with a JSON pointer into the request body (or
a `parameter` name for the query string), its own code and message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, json
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from portal.catalogue import say
from portal.i18n import current_language
from portal.rules.messages import Message

PROBLEM_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:employer-portal-simulator:problem:"

TITLES: dict[int, LazyString] = {
    400: _l("Bad request"),
    401: _l("Authentication required"),
    402: _l("Payment failed"),
    403: _l("Forbidden"),
    404: _l("Not found"),
    405: _l("Method not allowed"),
    406: _l("Not acceptable"),
    409: _l("Conflict"),
    412: _l("Precondition failed"),
    413: _l("Content too large"),
    415: _l("Unsupported media type"),
    422: _l("Unprocessable content"),
    428: _l("Precondition required"),
    429: _l("Too many requests"),
    500: _l("Internal server error"),
}

# The detail of problems the API itself raises (services' refusals carry their own words).
DETAILS: dict[str, LazyString] = {
    "bad_request": _l("The request could not be understood. Check its syntax."),
    "not_found": _l("Nothing exists at this address, or your key may not see it."),
    "method_not_allowed": _l("This address does not accept this method."),
    "not_acceptable": _l("This resource cannot be sent in the format asked for."),
    "too_large": _l("The request is larger than the portal accepts."),
    "unsupported_media_type": _l("Send the body as application/json."),
    "server_error": _l("The portal could not complete the request. Nothing was changed: try "
                       "again in a moment."),
    "rate_limited": _l("This key sent too many requests. Wait for the time given in "
                       "Retry-After, then try again."),
    "api_key.missing": _l("Send your API key in the Authorization header, as "
                          "\"Authorization: Bearer ep_test_...\"."),
    "api_key.invalid": _l("This API key is not valid. Check that it was copied whole."),
    "api_key.expired": _l("This API key has expired. Ask your primary user for a new one."),
    "api_key.revoked": _l("This API key was revoked. Ask your primary user for a new one."),
    "api_key.no_access": _l("The user who made this API key can no longer act for its "
                            "employer."),
    "scope.missing": _l("This API key does not have the scope this operation needs."),
    "validation": _l("Some values are not valid. See errors for each one."),
    "payment.declined": _l("The card was declined. Nothing was charged and the offer is still "
                           "a draft."),
    "payment.insufficient_funds": _l("The card has insufficient funds. Nothing was charged and "
                                     "the offer is still a draft."),
}

_STATUS_CODES = {
    400: "bad_request", 404: "not_found", 405: "method_not_allowed", 406: "not_acceptable",
    413: "too_large", 415: "unsupported_media_type", 422: "validation", 429: "rate_limited",
    500: "server_error",
}


@dataclass(frozen=True)
class FieldError:
    """One value that is not acceptable: where it is (`pointer` into the body, or a query
    `parameter`), a stable code and the message in the reader's language."""

    code: str
    detail: str
    pointer: str | None = None
    parameter: str | None = None

    def as_json(self) -> dict[str, str]:
        data = {"code": self.code, "detail": self.detail}
        if self.pointer is not None:
            data["pointer"] = self.pointer
        if self.parameter is not None:
            data["parameter"] = self.parameter
        return data


def code_for_status(status: int) -> str:
    return _STATUS_CODES.get(status, "server_error" if status >= 500 else "bad_request")


def problem(
    status: int,
    code: str,
    *,
    detail: str | LazyString | None = None,
    errors: Iterable[FieldError] = (),
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response:
    """A problem+json response. `detail` defaults to the code's own words."""
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + code,
        "title": str(TITLES.get(status, TITLES[500 if status >= 500 else 400])),
        "status": status,
        "detail": str(detail if detail is not None else DETAILS.get(code, "")),
        "code": code,
    }
    listed = [error.as_json() for error in errors]
    if listed:
        body["errors"] = listed
    if extra:
        body.update(extra)
    response = current_app.response_class(
        json.dumps(body), status=status, mimetype=PROBLEM_TYPE
    )
    response.headers["Content-Language"] = current_language()
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def word(message: Any) -> str:
    """A service's message in the reader's language: a catalogue Message or a lazy string."""
    if isinstance(message, Message):
        return say(message)
    return str(message)


def message_code(message: Any, fallback: str) -> str:
    """The stable code of a service's message (a catalogue Message's code), else `fallback`."""
    return message.code if isinstance(message, Message) else fallback


class ApiProblem(Exception):
    """Raised by the API's own checks; rendered by `problem`."""

    def __init__(
        self,
        status: int,
        code: str,
        *,
        detail: str | LazyString | None = None,
        errors: Iterable[FieldError] = (),
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = tuple(errors)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def response(self) -> Response:
        return problem(
            self.status, self.code, detail=self.detail, errors=self.errors,
            headers=self.headers, extra=self.extra,
        )

"""Idempotency-Key on POST: a retried request gets the first answer, never a second effect.

The same key with the same request (method, path, body) within 24 hours replays the stored
status, headers and body (with `Idempotent-Replayed: true`); with a different request it is 422;
while the first is still running, 409 (retry shortly). Where `required`, a POST without the
header is refused with 428: paying and submitting must be safe to retry. Keys belong to the API
key that sent them. Server errors are not stored, so they can be retried.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import current_app, request
from flask_babel import lazy_gettext as _l

from portal.api.auth import current_access
from portal.api.problems import ApiProblem, FieldError
from portal.services.api_keys import idempotency

F = TypeVar("F", bound=Callable[..., Any])
HEADER = "Idempotency-Key"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Location", "ETag")


def header_doc(*, required: bool) -> dict[str, Any]:
    return {"in": "header", "name": HEADER, "required": required,
            "schema": {"type": "string", "minLength": 1, "maxLength": 255,
                       "pattern": "^[!-~]([ -~]{0,253}[!-~])?$"},
            "description": "Any unique string (a UUID): retrying with the same one replays the "
                           "first answer for 24 hours instead of doing it again."}


def _key() -> str | None:
    raw = request.headers.get(HEADER)
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > idempotency.MAX_KEY_LENGTH or not key.isprintable():
        raise ApiProblem(400, "idempotency_key.invalid", detail=_INVALID, errors=[
            FieldError("idempotency_key.invalid", str(_INVALID), parameter=HEADER)])
    return key


def idempotent(*, required: bool = False) -> Callable[[F], F]:
    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            key = _key()
            if key is None:
                if required:
                    raise ApiProblem(428, "idempotency_key.missing", detail=_MISSING)
                return view(*args, **kwargs)
            outcome = idempotency.claim(
                api_key_id=current_access().key_id, key=key,
                request_fingerprint=idempotency.fingerprint(
                    request.method, request.path, request.get_data(cache=True)),
            )
            if isinstance(outcome, idempotency.Mismatch):
                raise ApiProblem(422, "idempotency_key.reused", detail=_REUSED)
            if isinstance(outcome, idempotency.InProgress):
                raise ApiProblem(409, "idempotency_key.in_progress", detail=_IN_PROGRESS,
                                 headers={"Retry-After": "1"})
            if isinstance(outcome, idempotency.Replay):
                response = current_app.response_class(outcome.body, status=outcome.status,
                                                      headers=outcome.headers)
                response.headers["Idempotent-Replayed"] = "true"
                return response
            return _run_and_keep(outcome.record_id, view, args, kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


def _run_and_keep(record_id: int, view: Callable[..., Any], args: Any, kwargs: Any) -> Any:
    try:
        response = current_app.make_response(view(*args, **kwargs))
    except Exception:
        idempotency.release(record_id=record_id)
        raise
    if response.status_code >= 500:
        idempotency.release(record_id=record_id)
        return response
    headers = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
    idempotency.complete(record_id=record_id, status=response.status_code, headers=headers,
                         body=response.get_data())
    return response


_INVALID = _l("Send an Idempotency-Key of 1 to 255 printable characters, for example a UUID.")
_MISSING = _l("This operation must be safe to retry: send an Idempotency-Key header (for "
              "example a new UUID) and reuse it when you retry.")
_REUSED = _l("This Idempotency-Key was already used for a different request. Use a new key "
             "for a new request.")
_IN_PROGRESS = _l("A request with this Idempotency-Key is still being processed. Retry in a "
                  "moment to get its answer.")

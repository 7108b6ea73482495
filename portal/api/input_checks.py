"""Control and text-direction characters in an API request's body (portal.text_checks): a
JSON body or a multipart form holding one, in a key or a string, is refused with a 422
problem+json whose errors point at each place; nothing is read or written."""

from __future__ import annotations

from flask import Flask, request
from flask_babel import lazy_gettext as _l

from portal.api.errors import is_api_request
from portal.api.problems import ApiProblem, FieldError
from portal.text_checks import is_unsafe, unsafe_places

UNSAFE_CODE = "unsafe_characters"
UNSAFE_DETAIL = _l(
    "This value holds control or text-direction characters (U+0000-U+001F, U+202A-U+202E, "
    "U+2066-U+2069): remove them. Line breaks and tabs are accepted in JSON strings only."
)


def _pointer(parts: tuple[str, ...]) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def unsafe_body_pointers() -> list[str]:
    """The JSON pointers of the unsafe keys and strings of this request's body."""
    if request.is_json:
        body = request.get_json(silent=True)
        return [_pointer(parts) for parts in unsafe_places(body)] if body is not None else []
    return ["/" + name for name, value in request.form.items(multi=True)
            if is_unsafe(name) or is_unsafe(value)]


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_unsafe_body() -> None:
        if not is_api_request() or request.method in ("GET", "HEAD", "OPTIONS"):
            return
        pointers = unsafe_body_pointers()
        if pointers:
            detail = str(UNSAFE_DETAIL)
            raise ApiProblem(422, "validation", errors=[
                FieldError(UNSAFE_CODE, detail, pointer=pointer) for pointer in pointers[:20]
            ])

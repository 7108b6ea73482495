"""Refusing the characters no text input may carry (control and text-direction characters,
listed once in portal/rules/text.py).

Multi-line fields (text areas) allow tab, line feed and carriage return; single-line fields
allow none of them. Forms check every field (portal.forms.PortalForm), the request hooks check
every query parameter and path part (`init_app`: a 400 page), and the JSON API every string of
a body, keys included (portal.api.input_checks).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from flask import Flask, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import BadRequest

from portal.rules.text import is_unsafe

UNSAFE_TEXT = _l(
    "Remove the control or text-direction characters from this answer (they may come from a "
    "copy and paste): only letters, digits, punctuation and spaces are accepted."
)


def unsafe_places(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The places (key paths) in a decoded JSON value where a key or a string is unsafe.
    JSON strings may hold line breaks (a multi-line answer), so only the multi-line rule
    applies to values; keys follow the single-line rule."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if is_unsafe(key):
                yield (*path, str(key))
            else:
                yield from unsafe_places(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unsafe_places(item, (*path, str(index)))
    elif is_unsafe(value, multiline=True):
        yield path


def unsafe_parameter() -> str | None:
    """The first query parameter (name or value) or path part of this request that is unsafe."""
    for name, value in request.args.items(multi=True):
        if is_unsafe(name) or is_unsafe(value):
            return name
    for name, value in (request.view_args or {}).items():
        if is_unsafe(value):
            return name
    if is_unsafe(request.path):
        return "path"
    return None


class UnsafeParameter(BadRequest):
    """A query parameter or path part holds an unsafe character: the 400 page, or in the API a
    problem+json naming the parameter."""

    def __init__(self, parameter: str) -> None:
        super().__init__()
        self.parameter = parameter


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_unsafe_parameters() -> None:
        name = unsafe_parameter()
        if name is not None:
            raise UnsafeParameter(name)

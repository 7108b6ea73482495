"""Who is calling: the API key in `Authorization: Bearer`, and the scope each operation needs.

Every API view carries `key_required(scope)` (or `public`): it accepts the key, checks the scope
and leaves the key's access in `g.api_access`; `actor()` is the service Actor it acts as. Pages'
cookies mean nothing here (see `cookieless`), so a browser session never authorises an API call.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import g, request

from portal.api.problems import ApiProblem
from portal.models.enums import Scope
from portal.services.actor import Actor
from portal.services.api_keys import keys
from portal.services.api_keys.keys import KeyAccess, Refused

F = TypeVar("F", bound=Callable[..., Any])
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="api"'}


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


_NO_TOKEN = object()


def _checked() -> KeyAccess | Refused | object:
    """The key of this request, checked once (the rate limiter asks first, then the view)."""
    if "api_key_result" not in g:
        token = _bearer_token()
        g.api_key_result = (
            _NO_TOKEN if token is None
            else keys.authenticate(token, ip_address=request.remote_addr)
        )
    return g.api_key_result


def try_authenticate() -> KeyAccess | None:
    """The accepted key of this request, or None (no key, or a refused one)."""
    result = _checked()
    return result if isinstance(result, KeyAccess) else None


def _authenticate() -> KeyAccess:
    result = _checked()
    if result is _NO_TOKEN:
        raise ApiProblem(401, "api_key.missing", headers=CHALLENGE)
    if isinstance(result, Refused):
        raise ApiProblem(401, str(result.reason), headers=CHALLENGE)
    assert isinstance(result, KeyAccess)
    return result


def key_required(scope: Scope) -> Callable[[F], F]:
    """The operation needs a valid key carrying `scope` (401 without one, 403 without it)."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            access = _authenticate()
            g.api_access = access
            if scope not in access.scopes:
                raise ApiProblem(403, "scope.missing", extra={"required_scope": scope.value})
            return view(*args, **kwargs)

        wrapped.access_rule = f"api_key:{scope.value}"  # type: ignore[attr-defined]  # route audit mark
        wrapped.required_scope = scope  # type: ignore[attr-defined]  # a mark: the scope the view needs
        return cast(F, wrapped)  # wraps() keeps the view's name; its signature is the view's

    return decorate


def current_access() -> KeyAccess:
    return g.api_access


def actor() -> Actor:
    """The service Actor of this call: the key's user, acting for the key's employer."""
    return current_access().actor

"""Rate limits on the API: one budget per API key, across every operation (Flask-Limiter).

A call with a valid key counts against that key (`RATELIMIT_API`), whatever address it comes
from; a call without one (or with a key that is refused) counts against its address. The public
worker operations also keep the worker pages' own limit per address (`RATELIMIT_WORKER_ATTEMPTS`)
and the service's failures per offer number. Every answer that a limit applies to carries
`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds until the window
resets) and `RateLimit-Policy`; a refused one is 429 problem+json with `Retry-After` (seconds),
in the language asked for. Flask-Limiter's own `X-RateLimit-*` headers stay as on the pages.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

from flask import Flask, Response, current_app, request
from flask_smorest import Blueprint

from portal.api.auth import try_authenticate
from portal.extensions import limiter

SCOPE = "api"
F = TypeVar("F", bound=Callable[..., Any])


def api_limit() -> str:
    return str(current_app.config["RATELIMIT_API"])


def worker_limit() -> str:
    return str(current_app.config["RATELIMIT_WORKER_ATTEMPTS"])


def rate_key() -> str:
    """The key's id for a valid key, else the caller's address."""
    access = try_authenticate()
    if access is not None:
        return f"api-key:{access.key_id}"
    return f"address:{request.remote_addr or 'unknown'}"


def address_key() -> str:
    return f"address:{request.remote_addr or 'unknown'}"


# One shared limit object (equal each time create_app runs: Flask-Limiter keeps a set of them).
_PER_KEY = limiter.shared_limit(api_limit, scope=SCOPE, key_func=rate_key)


def limit_blueprint(blp: Blueprint) -> None:
    """Put the blueprint's operations under the per-key budget."""
    _PER_KEY(blp)


def worker_attempts() -> Callable[[F], F]:
    """The worker pages' limit per address, on top of the per-key budget (a decorator)."""
    decorator = limiter.limit(worker_limit, key_func=address_key, override_defaults=False,
                              scope="api-worker")
    return cast(Callable[[F], F], decorator)


def _headers(response: Response) -> Response:
    if not request.path.startswith("/api/"):
        return response
    current = limiter.current_limit
    if current is None:
        return response
    window = current.limit.get_expiry()
    reset = min(window, max(0, math.ceil(current.reset_at - time.time())))
    response.headers["RateLimit-Limit"] = str(current.limit.amount)
    response.headers["RateLimit-Remaining"] = str(max(0, current.remaining))
    response.headers["RateLimit-Reset"] = str(reset)
    response.headers["RateLimit-Policy"] = f"{current.limit.amount};w={window}"
    if response.status_code == 429:
        response.headers["Retry-After"] = str(max(1, reset))
    return response


def init_app(app: Flask) -> None:
    app.after_request(_headers)

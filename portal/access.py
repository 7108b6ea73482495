"""Access rules. Every view carries exactly one of these decorators; a test walks the URL map
and fails on any view without one.

- `public`: anyone, signed in or not.
- `employer_required`: a signed-in employer user (primary or secondary).
- `primary_required`: the employer's primary user.
- `admin_required`: a signed-in administrator; anyone else gets 404, so the admin area does
  not reveal itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, request
from flask_login import current_user, login_required

from portal.services.actor import Actor

F = TypeVar("F", bound=Callable[..., Any])


def _mark(view: Callable[..., Any], rule: str) -> None:
    view.access_rule = rule  # type: ignore[attr-defined]


def public(view: F) -> F:
    _mark(view, "public")
    return view


def employer_required(view: F) -> F:
    @login_required
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user.is_admin or current_user.employer_id is None:
            abort(404)
        return view(*args, **kwargs)

    _mark(wrapped, "employer")
    return wrapped  # type: ignore[return-value]


def primary_required(view: F) -> F:
    @login_required
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user.is_admin or current_user.employer_id is None:
            abort(404)
        if not current_user.is_primary:
            abort(403)
        return view(*args, **kwargs)

    _mark(wrapped, "primary")
    return wrapped  # type: ignore[return-value]


def signed_in_required(view: F) -> F:
    wrapped = login_required(view)
    _mark(wrapped, "signed_in")
    return wrapped  # type: ignore[return-value]


def admin_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not (current_user.is_authenticated and current_user.is_admin):
            abort(404)
        return view(*args, **kwargs)

    _mark(wrapped, "admin")
    return wrapped  # type: ignore[return-value]


def current_actor() -> Actor:
    """The signed-in user as a service Actor (or an anonymous one), with their address."""
    if current_user.is_authenticated:
        return Actor(
            user_id=current_user.id,
            employer_id=current_user.employer_id,
            ip_address=request.remote_addr,
            is_admin=current_user.is_admin,
        )
    return Actor(user_id=None, ip_address=request.remote_addr)

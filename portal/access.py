"""Access rules. Every view carries exactly one of these decorators; a test walks the URL map
and fails on any view without one.

- `public`: anyone, signed in or not.
- `account_required`: a signed-in user, even one whose email address is not confirmed yet
  (only the pages to confirm it, the outbox and sign-out use it).
- `first_factor_required`: signed in with a password, before the second factor (only the
  employer's second-factor pages use it).
- `employer_required`: a signed-in employer user (primary or secondary).
- `primary_required`: the employer's primary user.
- `admin_required`: a signed-in administrator who passed the second factor (TOTP) in this
  session; anyone else gets 404, so the admin area does not reveal itself.
- `admin_first_factor_required`: an administrator who signed in with a password but may not
  have passed the second factor yet (only the second-factor pages use it); others get 404.

Every other rule also needs a confirmed email address: an unconfirmed account is sent to the
page that asks for the confirmation (`auth.confirm_pending`) and can do nothing else. And an
employer user who has a second factor (TOTP), or whose team requires one, passes it after the
password before anything else (`auth.second_factor_step`, or `auth.second_factor_set_up`).

Employer users act for one employer at a time: the one chosen in the session
(`ACTING_EMPLOYER_KEY`), or their home employer. `portal.services.teams.acting_access` decides
whether they still may; `employer_required` and `current_actor()` use it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import abort, g, redirect, request, session, url_for
from flask_login import current_user, login_required

from portal.services.accounts import second_factor
from portal.services.actor import Actor
from portal.services.teams import membership, second_factor_policy

ACTING_EMPLOYER_KEY = "acting_employer_id"
SECOND_FACTOR_KEY = "second_factor_passed"

F = TypeVar("F", bound=Callable[..., Any])


def _mark(view: Callable[..., Any], rule: str) -> None:
    view.access_rule = rule  # type: ignore[attr-defined]  # a mark the route audit reads


def public(view: F) -> F:
    _mark(view, "public")
    return view


def acting_access() -> membership.Access | None:
    """The signed-in employer user's access to the employer they act for (cached per request)."""
    if not current_user.is_authenticated or current_user.is_admin:
        return None
    key = (current_user.id, session.get(ACTING_EMPLOYER_KEY))
    cached = g.get("acting_access")
    if cached is None or cached[0] != key:
        cached = (key, membership.acting_access(user_id=key[0], employer_id=key[1]))
        g.acting_access = cached
    return cached[1]


def acting_is_primary() -> bool:
    """Whether the signed-in employer user is the primary user of the employer they act for."""
    access = acting_access()
    return access is not None and access.is_primary


def _second_factor_gate() -> Any:
    """An administrator who has not passed the second factor can only finish it or sign out."""
    if current_user.is_admin and not second_factor_passed() and request.endpoint != (
        "auth.sign_out"
    ):
        return redirect(url_for("admin.second_factor_step"))
    return None


def _employer_second_factor_gate() -> Any:
    """An employer user with a second factor (or whose team requires one) passes it after the
    password: they are sent to enter a code, or to set one up, first."""
    if (
        current_user.is_admin
        or not current_user.email_confirmed
        or session.get(SECOND_FACTOR_KEY) == current_user.id
        or request.endpoint == "auth.sign_out"
    ):
        return None
    if second_factor.is_enrolled(user_id=current_user.id):
        return redirect(url_for("auth.second_factor_step"))
    if second_factor_policy.required_for(user_id=current_user.id):
        return redirect(url_for("auth.second_factor_set_up"))
    return None


def second_factor_ahead(user: Any) -> bool:
    """Whether `user`, just past the password, still has a second factor to pass (or set up)
    before they are signed in: every administrator; an employer user enrolled or whose team
    requires it."""
    if user.is_admin:
        return True
    return second_factor.is_enrolled(user_id=user.id) or second_factor_policy.required_for(
        user_id=user.id
    )


def first_factor_required(view: F) -> F:
    """Signed in with a password, before any second factor (the second-factor pages only)."""
    wrapped = login_required(view)
    _mark(wrapped, "first_factor")
    return cast(F, wrapped)


def account_required(view: F) -> F:
    @login_required
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return _second_factor_gate() or _employer_second_factor_gate() or view(*args, **kwargs)

    _mark(wrapped, "account")
    return cast(F, wrapped)


def _unconfirmed_gate() -> Any:
    """An account whose address is not confirmed goes to the confirmation page."""
    if current_user.is_authenticated and not current_user.email_confirmed:
        return redirect(url_for("auth.confirm_pending"))
    return None


def _employer_gate() -> Any:
    if current_user.is_admin:
        abort(404)
    refused = _unconfirmed_gate() or _employer_second_factor_gate()
    if refused is not None:
        return refused
    if acting_access() is None:
        # No longer a member of the chosen employer: pick another one (or see that none is left).
        session.pop(ACTING_EMPLOYER_KEY, None)
        return redirect(url_for("teams.choose_employer"))
    return None


def employer_required(view: F) -> F:
    @login_required
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        refused = _employer_gate()
        if refused is not None:
            return refused
        return view(*args, **kwargs)

    _mark(wrapped, "employer")
    return wrapped


def primary_required(view: F) -> F:
    @login_required
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        refused = _employer_gate()
        if refused is not None:
            return refused
        if not acting_is_primary():
            abort(403)
        return view(*args, **kwargs)

    _mark(wrapped, "primary")
    return wrapped


def signed_in_required(view: F) -> F:
    @login_required
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return (
            _second_factor_gate() or _unconfirmed_gate() or _employer_second_factor_gate()
            or view(*args, **kwargs)
        )

    _mark(wrapped, "signed_in")
    return wrapped


def second_factor_passed() -> bool:
    return bool(
        current_user.is_authenticated
        and current_user.is_admin
        and session.get(SECOND_FACTOR_KEY) == current_user.id
    )


def admin_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not second_factor_passed():
            abort(404)
        return view(*args, **kwargs)

    _mark(wrapped, "admin")
    return cast(F, wrapped)  # wraps() keeps the view's name; its signature is the view's


def admin_first_factor_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not (current_user.is_authenticated and current_user.is_admin):
            abort(404)
        return view(*args, **kwargs)

    _mark(wrapped, "admin_first_factor")
    return cast(F, wrapped)  # wraps() keeps the view's name; its signature is the view's


def current_actor() -> Actor:
    """The signed-in user as a service Actor (or an anonymous one), with their address: for an
    employer user, the employer they act for, their permission and whether they represent it."""
    if current_user.is_authenticated:
        if current_user.is_admin:
            return Actor(user_id=current_user.id, ip_address=request.remote_addr, is_admin=True)
        access = acting_access()
        return Actor(
            user_id=current_user.id,
            employer_id=access.employer_id if access else None,
            ip_address=request.remote_addr,
            can_submit=access.can_submit if access else False,
            representative_user_id=current_user.id if access and access.representative else None,
        )
    return Actor(user_id=None, ip_address=request.remote_addr)

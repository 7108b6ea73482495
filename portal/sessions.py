"""Signed-in sessions: loading the user from the cookie, and idle and absolute timeouts.

The session cookie carries "user id:session version"; a cookie whose version is older than
the user's (after sign-out, a password change or removal) loads no user. Timeouts end the
session after SESSION_IDLE_TIMEOUT without a request or SESSION_ABSOLUTE_TIMEOUT after
sign-in, and send the user to sign in again with a message (their drafts are saved).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, flash, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from portal import clock
from portal.extensions import login_manager
from portal.models import User
from portal.services.accounts import authentication

F = TypeVar("F", bound=Callable[..., Any])


def start_session(user: User) -> None:
    """Sign `user` in on this browser with a fresh session."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)
    now = clock.now().timestamp()
    session["signed_in_at"] = now
    session["last_seen"] = now
    session.permanent = True


def end_session() -> None:
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang


def _expired(app: Flask) -> bool:
    now = clock.now().timestamp()
    signed_in_at = session.get("signed_in_at", 0)
    last_seen = session.get("last_seen", 0)
    idle = app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    absolute = app.config["SESSION_ABSOLUTE_TIMEOUT"].total_seconds()
    return now - last_seen > idle or now - signed_in_at > absolute


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = _l("Sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = None  # the session version does this job, across devices

    @login_manager.user_loader
    def load_user(token: str) -> User | None:
        return authentication.load_session_user(token)

    @app.before_request
    def enforce_timeouts() -> ResponseReturnValue | None:
        if request.endpoint == "static" or not current_user.is_authenticated:
            return None
        if _expired(app):
            if request.method == "POST" and _keeps_work(app):
                # Let this one save go through, then end the session (see after_request).
                g.save_then_end_session = True
                return None
            end_session()
            flash(_l("Your session ended because it was inactive for too long. Sign in again: "
                     "your saved drafts are kept."), "info")
            next_page = request.full_path if request.method == "GET" else None
            return redirect(url_for("auth.sign_in", next=next_page))
        session["last_seen"] = clock.now().timestamp()
        return None

    @app.after_request
    def end_session_after_saving(response: Response) -> Response:
        if not g.pop("save_then_end_session", False):
            return response
        end_session()
        flash(_l("Your session ended because it was inactive for too long. What you had typed "
                 "is saved in your draft: sign in again to continue."), "info")
        return redirect(url_for("auth.sign_in", next=request.path))


def keeps_work_on_timeout(view: F) -> F:
    """Mark a form view whose POST saves a draft: when the session has timed out, the draft is
    still saved (by the user the expired session names) before the session ends, so nothing
    typed is lost. Only for views that save the signed-in employer's own drafts."""
    view.keeps_work_on_timeout = True  # type: ignore[attr-defined]  # a mark the timeout check reads
    return view


def _keeps_work(app: Flask) -> bool:
    view = app.view_functions.get(request.endpoint or "")
    return bool(getattr(view, "keeps_work_on_timeout", False))


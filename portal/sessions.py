"""Signed-in sessions: loading the user from the cookie, and idle and absolute timeouts.

The session cookie carries "user id:session version"; a cookie whose version is older than
the user's (after sign-out, a password change or removal) loads no user. Timeouts end the
session after SESSION_IDLE_TIMEOUT without a request or SESSION_ABSOLUTE_TIMEOUT after
sign-in, and send the user to sign in again with a message (their drafts are saved).
"""

from __future__ import annotations

from flask import Flask, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from portal import clock
from portal.extensions import login_manager
from portal.models import User
from portal.services import accounts


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
        return accounts.load_session_user(token)

    @app.before_request
    def enforce_timeouts():  # type: ignore[no-untyped-def]
        if request.endpoint == "static" or not current_user.is_authenticated:
            return None
        if _expired(app):
            end_session()
            flash(_l("Your session ended because it was inactive for too long. Sign in again: "
                     "your saved drafts are kept."), "info")
            next_page = request.full_path if request.method == "GET" else None
            return redirect(url_for("auth.sign_in", next=next_page))
        session["last_seen"] = clock.now().timestamp()
        return None


"""Signed-in sessions: loading the user from the cookie, and idle and absolute timeouts.

The session cookie carries "user id:session version" and a random session id; a cookie whose
version is older than the user's (after sign-out everywhere, a password change or removal)
loads no user, and neither does one whose session id has ended on the server
(portal.services.accounts.session_ids). A session ends after PORTAL_SESSION_IDLE_MINUTES
without a request or PORTAL_SESSION_MAX_HOURS after sign-in: the first request past either
limit records its id as ended, writes nothing, and sends the user to sign in again. What a
timed-out POST to a draft section carried is held on the server for that user only
(portal.services.held, 24 hours, never in the cookie) and put back into the form, unsaved, when
the same user opens the page again after signing in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from portal import clock
from portal.extensions import login_manager
from portal.models import User
from portal.services.accounts import authentication, session_ids
from portal.services.held import forms as held
from portal.text_checks import is_unsafe

F = TypeVar("F", bound=Callable[..., Any])
SESSION_ID = "sid"
_HELD_MAX_FIELDS = 200
_HELD_MAX_CHARS = 20_000


def start_session(user: User) -> None:
    """Sign `user` in on this browser with a fresh session (and a new session id)."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)
    now = clock.real_now().timestamp()
    session["signed_in_at"] = now
    session["last_seen"] = now
    session[SESSION_ID] = session_ids.new_session_id()
    session.permanent = True


def end_session(*, reason: str = "signed_out") -> None:
    """End this browser's session, and record its id as ended on the server."""
    sid = session.get(SESSION_ID)
    if sid and current_user.is_authenticated:
        session_ids.end(session_id=str(sid), user_id=current_user.id, reason=reason)
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang


def _expired(app: Flask) -> bool:
    now = clock.real_now().timestamp()
    signed_in_at = session.get("signed_in_at", 0)
    last_seen = session.get("last_seen", 0)
    idle = app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    absolute = app.config["SESSION_ABSOLUTE_TIMEOUT"].total_seconds()
    return now - last_seen > idle or now - signed_in_at > absolute


def _ended_on_server() -> bool:
    sid = session.get(SESSION_ID)
    return not isinstance(sid, str) or not sid or session_ids.is_ended(sid)


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
        if _ended_on_server() or _expired(app):
            return _end_timed_out_session()
        session["last_seen"] = clock.real_now().timestamp()
        return None


def _end_timed_out_session() -> ResponseReturnValue:
    """Nothing of this request is done: the session ends (its id recorded), and a POST to a
    draft section is held for this user to find again after signing in."""
    kept = request.method == "POST" and _keeps_work() and _hold_posted_input()
    end_session(reason="timeout")
    if kept:
        flash(_l("Your session ended because it was inactive for too long. Nothing was saved: "
                 "sign in again and what you had typed will be back in the form for you to "
                 "check and save."), "info")
    else:
        flash(_l("Your session ended because it was inactive for too long. Sign in again: "
                 "your saved drafts are kept."), "info")
    next_page = request.full_path if request.method == "GET" else request.path
    return redirect(url_for("auth.sign_in", next=next_page))


def _hold_posted_input() -> bool:
    data = {name: request.form.getlist(name) for name in request.form if name != "csrf_token"}
    values = [value for listed in data.values() for value in listed]
    if (not data or len(data) > _HELD_MAX_FIELDS or sum(map(len, values)) > _HELD_MAX_CHARS
            or any(is_unsafe(value, multiline=True) or is_unsafe(name) for name in data
                   for value in data[name])):
        return False
    held.hold_timed_out_input(user_id=current_user.id, path=request.path, data=data)
    return True


def restore_timed_out_input(form: FlaskForm) -> bool:
    """Put back into `form` what this user posted to this page after their session had timed
    out (once: the held input is deleted as it is read). True when something was put back."""
    data = held.take_timed_out_input(user_id=current_user.id, path=request.path)
    if not data:
        return False
    form.process(formdata=MultiDict([(k, v) for k, values in data.items() for v in values]))
    return True


def keeps_work_on_timeout(view: F) -> F:
    """Mark a form view whose POST saves a draft: when the session has timed out, nothing is
    saved, and what was posted is held on the server for the same user to find in the form
    after signing in again (restore_timed_out_input). Only for the signed-in employer's own
    drafts."""
    view.keeps_work_on_timeout = True  # type: ignore[attr-defined]  # a mark the timeout check reads
    return view


def _keeps_work() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(getattr(view, "keeps_work_on_timeout", False))

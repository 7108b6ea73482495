"""Registration, sign-in, sign-out and password change."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import (
    SECOND_FACTOR_KEY,
    account_required,
    current_actor,
    public,
    second_factor_ahead,
    signed_in_required,
)
from portal.auth import bp
from portal.auth.forms import ChangePasswordForm, RegisterForm, SignInForm, SignOutForm
from portal.extensions import limiter
from portal.forms_errors import apply_domain_error
from portal.i18n import current_language
from portal.services.accounts import authentication, passwords, registration
from portal.services.accounts.lockout import AccountLocked, LockoutLimits
from portal.services.errors import DomainError
from portal.services.teams import membership
from portal.sessions import end_session, start_session


def _sign_in_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_IN"]


def _register_limit() -> str:
    return current_app.config["RATELIMIT_REGISTER"]


def _home_for(user: Any) -> str:  # a signed-in User (current_user)
    if not user.email_confirmed:
        return url_for("auth.confirm_pending")
    if user.is_admin:  # admins pass the second factor (TOTP) before any admin page
        return url_for("admin.second_factor_step")
    # A representative picks an employer.
    if len(membership.employers_for_user(user_id=user.id)) > 1:
        return url_for("teams.choose_employer")
    return url_for("employer.dashboard")


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths are followed after sign-in (no open redirects)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_register_limit, methods=["POST"])
@public
def register() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = RegisterForm()
    if form.validate_on_submit():
        details = registration.EmployerDetails(
            **{name: form[name].data for name in registration.EmployerDetails.__dataclass_fields__}
        )
        try:
            registration.register_employer(
                details=details,
                full_name=form.full_name.data,
                email=form.email.data,
                password=form.password.data,
                language=current_language(),
                ip_address=request.remote_addr,
                link_base=url_for("auth.confirm_email", token="", _external=True),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            # The same answer whether or not the email or business number was taken.
            return redirect(url_for("auth.check_email"))
    return render_template("auth/register.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
@public
def sign_in() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = authentication.authenticate(
                email=form.email.data, password=form.password.data,
                ip_address=request.remote_addr, secret=current_app.config["SECRET_KEY"].encode(),
                limits=LockoutLimits.from_config(current_app.config),
            )
        except AccountLocked as error:  # the same for a known and an unknown email
            apply_domain_error(form, error)
            return render_template("auth/sign_in.html", form=form), 429
        if user is not None:
            start_session(user)
            if not second_factor_ahead(user):  # otherwise said once the code is entered
                flash(_("You are signed in."), "success")
            if user.is_admin or not user.email_confirmed:
                return redirect(_home_for(user))
            return redirect(_safe_next(request.args.get("next")) or _home_for(user))
        # One message for an unknown email and a wrong password: never say which.
        form.form_errors.append(_("The email address or password is not correct."))
        status = 401
    return render_template("auth/sign_in.html", form=form), status


@bp.route("/sign-out", methods=["POST"])
@account_required
def sign_out() -> ResponseReturnValue:
    form = SignOutForm()
    if form.validate_on_submit():
        authentication.end_sessions(
            user=current_user, actor=current_actor(), reason="user.signed_out"
        )
        end_session()
        flash(_("You are signed out."), "success")
    return redirect(url_for("public.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in_required
def change_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            passwords.change_password(
                user=current_user, current=form.current.data, new=form.new.data,
                actor=current_actor(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            # The old session version is dead everywhere; this browser gets a fresh session,
            # which keeps the second factor it passed.
            passed = session.get(SECOND_FACTOR_KEY)
            start_session(current_user._get_current_object())
            if passed == current_user.id:
                session[SECOND_FACTOR_KEY] = passed
            flash(_("Your password is changed. Other sessions have been signed out."), "success")
            return redirect(url_for("auth.change_password"))
    return render_template("auth/change_password.html", form=form)

"""An employer user's second factor (TOTP): turning it on (QR code, printed secret, recovery
codes shown once), the code asked after the password, turning it off, and the primary user's
rule for the whole team. Administrators use theirs in the admin area (mandatory)."""

from __future__ import annotations

import base64

import segno
from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import (
    SECOND_FACTOR_KEY,
    acting_is_primary,
    current_actor,
    first_factor_required,
    primary_required,
    signed_in_required,
)
from portal.auth import bp
from portal.auth.forms import SecondFactorCodeForm, TeamSecondFactorForm, TurnOffSecondFactorForm
from portal.extensions import limiter
from portal.forms_errors import apply_domain_error, flash_refusal
from portal.services.accounts import second_factor
from portal.services.accounts.lockout import LockoutLimits
from portal.services.errors import DomainError
from portal.services.teams import second_factor_policy
from portal.text_checks import UNSAFE_TEXT


def _code_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_IN"]


def _qr_data_uri(uri: str) -> str:
    """The QR code as an SVG data: URI (the CSP allows data: images; no inline script or style)."""
    buffer = segno.make(uri, error="m").svg_inline(scale=5, border=4, dark="#000", light="#fff")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.encode()).decode()


def _employer_user_only() -> ResponseReturnValue | None:
    if current_user.is_admin:
        return redirect(url_for("admin.second_factor_step"))
    if not current_user.email_confirmed:
        return redirect(url_for("auth.confirm_pending"))
    return None


@bp.route("/account/security")
@signed_in_required
def security() -> ResponseReturnValue:
    if current_user.is_admin:
        abort(404)
    enrolled = second_factor.is_enrolled(user_id=current_user.id)
    actor = current_actor()
    return render_template(
        "auth/security.html", enrolled=enrolled,
        codes_left=second_factor.recovery_codes_left(user_id=current_user.id),
        required=second_factor_policy.required_for(user_id=current_user.id),
        is_primary=acting_is_primary(),
        team_form=TeamSecondFactorForm(
            formdata=None, required=second_factor_policy.team_requires(actor=actor)
        ),
        off_form=TurnOffSecondFactorForm(formdata=None),
    )


@bp.route("/account/second-factor/set-up", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
@first_factor_required
def second_factor_set_up() -> ResponseReturnValue:
    refused = _employer_user_only()
    if refused is not None:
        return refused
    if second_factor.is_enrolled(user_id=current_user.id):
        return redirect(url_for("auth.security"))
    secret = second_factor.pending_secret(user_id=current_user.id)
    uri = second_factor.provisioning_uri(email=current_user.email, secret=secret)
    form = SecondFactorCodeForm()
    form.code.description = _("The 6-digit code your authenticator app shows now.")
    if form.validate_on_submit():
        try:
            codes = second_factor.confirm_enrolment(
                user_id=current_user.id, code=form.code.data, ip_address=request.remote_addr
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            session[SECOND_FACTOR_KEY] = current_user.id
            # Shown once, in this response only: never stored in clear, never in the session.
            return render_template("auth/recovery_codes.html", codes=codes)
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render_template(
        "auth/second_factor_set_up.html", form=form, qr=_qr_data_uri(uri), secret=grouped,
        required=second_factor_policy.required_for(user_id=current_user.id),
    )


@bp.route("/account/second-factor", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
@first_factor_required
def second_factor_step() -> ResponseReturnValue:
    refused = _employer_user_only()
    if refused is not None:
        return refused
    if session.get(SECOND_FACTOR_KEY) == current_user.id:
        return redirect(url_for("employer.dashboard"))
    if not second_factor.is_enrolled(user_id=current_user.id):
        return redirect(url_for("auth.second_factor_set_up"))
    form = SecondFactorCodeForm()
    if form.validate_on_submit():
        try:
            second_factor.verify(
                user_id=current_user.id, code=form.code.data, ip_address=request.remote_addr,
                limits=LockoutLimits.from_config(current_app.config),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            session[SECOND_FACTOR_KEY] = current_user.id
            flash(_("You are signed in."), "success")
            left = second_factor.recovery_codes_left(user_id=current_user.id)
            if left <= 2:
                flash(_("You have %(n)d recovery codes left.", n=left), "info")
            return redirect(url_for("employer.dashboard"))
    return render_template("auth/second_factor.html", form=form)


@bp.route("/account/second-factor/turn-off", methods=["POST"])
@limiter.limit(_code_limit)
@signed_in_required
def turn_off_second_factor() -> ResponseReturnValue:
    form = TurnOffSecondFactorForm()
    if form.validate_on_submit():
        try:
            second_factor_policy.turn_off(
                user_id=current_user.id, code=form.code.data, ip_address=request.remote_addr
            )
        except DomainError as error:
            flash_refusal(error)
        else:
            session.pop(SECOND_FACTOR_KEY, None)
            flash(_("Your second factor is off. Sign-in asks only for your password."),
                  "success")
    else:
        flash(_("Enter a code to turn the second factor off."), "error")
    return redirect(url_for("auth.security"))


@bp.route("/account/security/team", methods=["POST"])
@primary_required
def team_second_factor() -> ResponseReturnValue:
    form = TeamSecondFactorForm()
    if form.validate_on_submit():
        try:
            second_factor_policy.set_team_requirement(
                actor=current_actor(), required=bool(form.required.data)
            )
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("Every member must now sign in with a second factor; those without one set "
                    "it up at their next sign-in.") if form.required.data else
                  _("A second factor is now each member's own choice."), "success")
    elif form.has_unsafe_input:
        flash(UNSAFE_TEXT, "error")
    return redirect(url_for("auth.security"))

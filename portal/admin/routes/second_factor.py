"""The administrator's second factor: enrolment (QR code + printed secret), the code asked at
every sign-in, and the recovery codes shown once."""

from __future__ import annotations

import base64

import segno
from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import SECOND_FACTOR_KEY, admin_first_factor_required, second_factor_passed
from portal.admin import bp
from portal.admin.forms import CodeForm
from portal.extensions import limiter
from portal.forms_errors import apply_domain_error
from portal.services.accounts import second_factor
from portal.services.accounts.lockout import LockoutLimits
from portal.services.errors import DomainError


def _code_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_IN"]


def _qr_data_uri(uri: str) -> str:
    """The QR code as an SVG data: URI (the CSP allows data: images; no inline script or style)."""
    buffer = segno.make(uri, error="m").svg_inline(scale=5, border=4, dark="#000", light="#fff")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.encode()).decode()


def _passed() -> None:
    session[SECOND_FACTOR_KEY] = current_user.id


@bp.route("/second-factor", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
@admin_first_factor_required
def second_factor_step() -> ResponseReturnValue:
    if second_factor_passed():
        return redirect(url_for("admin.index"))
    if not second_factor.is_enrolled(user_id=current_user.id):
        return redirect(url_for("admin.enrol"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            second_factor.verify(
                user_id=current_user.id, code=form.code.data, ip_address=request.remote_addr,
                limits=LockoutLimits.from_config(current_app.config),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            _passed()
            left = second_factor.recovery_codes_left(user_id=current_user.id)
            flash(_("You are signed in as an administrator."), "success")
            if left <= 2:
                flash(_("You have %(n)d recovery codes left.", n=left), "info")
            return redirect(url_for("admin.index"))
    return render_template("admin/second_factor.html", form=form)


@bp.route("/second-factor/enrol", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
@admin_first_factor_required
def enrol() -> ResponseReturnValue:
    if second_factor.is_enrolled(user_id=current_user.id):
        return redirect(url_for("admin.second_factor_step"))
    secret = second_factor.pending_secret(user_id=current_user.id)
    uri = second_factor.provisioning_uri(email=current_user.email, secret=secret)
    form = CodeForm()
    form.code.description = _("The 6-digit code your authenticator app shows now.")
    if form.validate_on_submit():
        try:
            codes = second_factor.confirm_enrolment(
                user_id=current_user.id, code=form.code.data, ip_address=request.remote_addr
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            _passed()
            # Shown once, in this response only: never stored in clear, never in the session.
            return render_template("admin/recovery_codes.html", codes=codes)
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render_template("admin/enrol.html", form=form, qr=_qr_data_uri(uri), secret=grouped)

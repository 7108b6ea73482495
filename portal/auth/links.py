"""Links sent by email: confirming the address after registering, and resetting a password."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import account_required, public
from portal.auth import bp
from portal.auth.forms import ForgotPasswordForm, ResendConfirmationForm, ResetPasswordForm
from portal.extensions import limiter, mail
from portal.forms_errors import apply_domain_error
from portal.services.accounts import email_links
from portal.services.errors import DomainError
from portal.services.outbox import messages as outbox
from portal.services.teams import invitations
from portal.sessions import end_session


def _limit() -> str:
    return current_app.config["RATELIMIT_REGISTER"]


def _link_base(endpoint: str) -> str:
    return url_for(endpoint, token="", _external=True)


@bp.route("/register/check-email")
@public
def check_email() -> ResponseReturnValue:
    return render_template("auth/check_email.html", smtp=mail.enabled)


@bp.route("/account/confirm-email")
@account_required
def confirm_pending() -> ResponseReturnValue:
    if current_user.email_confirmed:
        return redirect(url_for("employer.dashboard"))
    messages = [] if mail.enabled else outbox.list_for_user(user_id=current_user.id)
    return render_template(
        "auth/confirm_pending.html", smtp=mail.enabled, messages=messages,
        form=ResendConfirmationForm(formdata=None),
    )


@bp.route("/account/confirm-email", methods=["POST"])
@limiter.limit(_limit)
@account_required
def resend_confirmation() -> ResponseReturnValue:
    if ResendConfirmationForm().validate_on_submit():
        email_links.send_confirmation(
            user_id=current_user.id, link_base=_link_base("auth.confirm_email"),
            ip_address=request.remote_addr,
        )
        flash(_("A new link is on its way. Earlier links no longer work."), "success")
    return redirect(url_for("auth.confirm_pending"))


@bp.route("/confirm-email/<token>")
@limiter.limit(_limit)
@public
def confirm_email(token: str) -> ResponseReturnValue:
    try:
        user_id = email_links.confirm_email(token=token, ip_address=request.remote_addr)
    except DomainError:
        return render_template("auth/link_invalid.html", purpose="confirm"), 404
    flash(_("Your email address is confirmed."), "success")
    for _employer in invitations.accept_claimed(user_id=user_id, ip_address=request.remote_addr):
        flash(_("You joined the team that invited you."), "success")
    if current_user.is_authenticated and current_user.id == user_id:
        return redirect(url_for("employer.dashboard"))
    return redirect(url_for("auth.sign_in"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@public
def forgot_password() -> ResponseReturnValue:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        email_links.request_password_reset(
            email=form.email.data, link_base=_link_base("auth.reset_password"),
            ip_address=request.remote_addr,
        )
        return render_template("auth/reset_sent.html", smtp=mail.enabled)
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@public
def reset_password(token: str) -> ResponseReturnValue:
    if not email_links.link_is_open(token=token, purpose=email_links.RESET):
        return render_template("auth/link_invalid.html", purpose="reset"), 404
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            email_links.reset_password(
                token=token, new_password=form.password.data, ip_address=request.remote_addr
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            end_session()
            flash(_("Your password is changed and every session is signed out. Sign in with "
                    "the new password."), "success")
            return redirect(url_for("auth.sign_in"))
    return render_template("auth/reset_password.html", form=form)

"""Employer teams: members and invitations, joining, and choosing the employer to act for."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal.access import (
    ACTING_EMPLOYER_KEY,
    acting_access,
    acting_is_primary,
    current_actor,
    employer_required,
    primary_required,
    public,
    signed_in_required,
)
from portal.catalogue import say
from portal.forms_errors import apply_domain_error, flash_refusal
from portal.i18n import current_language, one_period
from portal.services.errors import DomainError, NotFound
from portal.services.teams import invitations, membership
from portal.sessions import start_session
from portal.teams import bp
from portal.teams.forms import (
    ChooseEmployerForm,
    ConfirmForm,
    InviteForm,
    JoinCodeForm,
    NewAccountForm,
    PermissionForm,
)


@bp.route("/employer/act-for", methods=["GET", "POST"])
@signed_in_required
def choose_employer() -> ResponseReturnValue:
    if current_user.is_admin:
        abort(404)
    choices = membership.employers_for_user(user_id=current_user.id)
    form = ChooseEmployerForm()
    form.employer_id.choices = [
        SelectChoice(employer.id, f"{employer.operating_name} ({employer.business_number_display})")
        for employer, _access in choices
    ]
    if form.validate_on_submit():
        if membership.acting_access(user_id=current_user.id, employer_id=form.employer_id.data):
            session[ACTING_EMPLOYER_KEY] = form.employer_id.data
            flash(_("You are now acting for this employer."), "success")
            return redirect(url_for("employer.dashboard"))
        form.employer_id.errors = [_("Choose an employer.")]
    elif request.method == "GET":
        access = acting_access()
        form.employer_id.data = access.employer_id if access else None
    return render_template("teams/choose_employer.html", form=form, choices=choices)


@bp.route("/employer/team")
@employer_required
def team() -> ResponseReturnValue:
    members, open_invitations = membership.list_team(actor=current_actor())
    return render_template(
        "teams/team.html",
        members=members,
        invitations=open_invitations,
        is_primary=acting_is_primary(),
        permission_form=PermissionForm(formdata=None),
        confirm_form=ConfirmForm(formdata=None),
    )


@bp.route("/employer/team/invite", methods=["GET", "POST"])
@primary_required
def invite() -> ResponseReturnValue:
    form = InviteForm()
    if form.validate_on_submit():
        try:
            code = invitations.invite(
                actor=current_actor(),
                email=form.email.data,
                permission=form.permission.data,
                language=current_language(),
                link_base=url_for("teams.join", _external=True) + "/",
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            # The code is shown once, in this response; only its hash is stored.
            return render_template("teams/invited.html", code=code, email=form.email.data)
    return render_template("teams/invite.html", form=form)


@bp.route("/employer/team/<int:user_id>/permission", methods=["POST"])
@primary_required
def change_permission(user_id: int) -> ResponseReturnValue:
    form = PermissionForm()
    if form.validate_on_submit():
        try:
            membership.change_permission(
                actor=current_actor(), user_id=user_id, permission=form.permission.data
            )
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("The permission is changed."), "success")
    else:
        flash(_("Choose a permission."), "error")
    return redirect(url_for("teams.team"))


@bp.route("/employer/team/<int:user_id>/remove", methods=["POST"])
@primary_required
def remove_member(user_id: int) -> ResponseReturnValue:
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            membership.remove_member(actor=current_actor(), user_id=user_id)
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("The user is removed and signed out everywhere."), "success")
    return redirect(url_for("teams.team"))


@bp.route("/employer/team/invitations/<int:invitation_id>/cancel", methods=["POST"])
@primary_required
def cancel_invitation(invitation_id: int) -> ResponseReturnValue:
    form = ConfirmForm()
    if form.validate_on_submit():
        invitations.cancel_invitation(actor=current_actor(), invitation_id=invitation_id)
        flash(_("The invitation is cancelled."), "success")
    return redirect(url_for("teams.team"))


@bp.route("/join", methods=["GET", "POST"])
@public
def join() -> ResponseReturnValue:
    form = JoinCodeForm()
    if form.validate_on_submit():
        return redirect(url_for("teams.join_code", code=form.code.data.upper()))
    return render_template("teams/join.html", form=form)


@bp.route("/join/<code>", methods=["GET", "POST"])
@public
def join_code(code: str) -> ResponseReturnValue:
    try:
        invitation, employer, has_account = invitations.find_invitation(code=code)
    except NotFound:
        form = JoinCodeForm(formdata=None, code=code)
        form.code.errors = [
            _("This invitation code is not valid. It may have expired or already been used.")
        ]
        return render_template("teams/join.html", form=form), 404
    confirm_form = ConfirmForm()
    account_form = NewAccountForm()
    signed_in_as_invitee = current_user.is_authenticated and current_user.email == invitation.email
    joined = None
    if signed_in_as_invitee and confirm_form.validate_on_submit():
        joined = _join_as_signed_in(code, employer)
    elif (
        not current_user.is_authenticated and not has_account and account_form.validate_on_submit()
    ):
        joined = _join_with_new_account(code, employer, account_form)
    if joined is not None:
        return joined
    return render_template(
        "teams/join_code.html",
        code=code,
        invitation=invitation,
        employer=employer,
        has_account=has_account,
        signed_in_as_invitee=signed_in_as_invitee,
        confirm_form=confirm_form,
        account_form=account_form,
    )


def _join_as_signed_in(code: str, employer: Any) -> ResponseReturnValue | None:
    """The invitee, signed in, accepts: they act for the employer from now on."""
    try:
        employer_id = invitations.accept_invitation(
            code=code, user_id=current_user.id, ip_address=request.remote_addr
        )
    except DomainError as error:
        flash(say(error.message), "error")
        return None
    session[ACTING_EMPLOYER_KEY] = employer_id
    flash(
        one_period(_("You joined %(business)s and now act for it.",
                     business=employer.operating_name)),
        "success",
    )
    return redirect(url_for("employer.dashboard"))


def _join_with_new_account(
    code: str, employer: Any, account_form: NewAccountForm
) -> ResponseReturnValue | None:
    """Someone with no account makes one with the invitation, and is signed in; they join once
    they confirm the address (the link goes to it)."""
    try:
        user = invitations.accept_with_new_account(
            code=code,
            full_name=account_form.full_name.data,
            password=account_form.password.data,
            language=current_language(),
            ip_address=request.remote_addr,
            link_base=url_for("auth.confirm_email", token="", _external=True),
        )
    except DomainError as error:
        apply_domain_error(account_form, error)
        return None
    start_session(user)
    session[ACTING_EMPLOYER_KEY] = employer.id
    flash(
        one_period(_(
            "Your account is created. Confirm your email address to join %(business)s.",
            business=employer.operating_name,
        )),
        "success",
    )
    return redirect(url_for("auth.confirm_pending"))

"""Employers in the admin area: search, one employer's page, compliance-regime exemptions and
bans, and registering an exempt employer."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal import clock
from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.admin.forms import (
    BanForm,
    EmployerSearchForm,
    ExemptEmployerForm,
    GrantExemptionForm,
    ReasonForm,
)
from portal.forms_errors import apply_domain_error, apply_refusal, flash_refusal
from portal.models.enums import ExemptionCategory
from portal.services.audit import log as audit_log
from portal.services.compliance import bans, exemptions
from portal.services.compliance import employers as admin_employers
from portal.services.errors import DomainError


def _page_number() -> int:
    return request.args.get("page", 1, type=int) or 1


def _terms(form: Any) -> exemptions.ExemptionTerms:
    return exemptions.ExemptionTerms(
        category=ExemptionCategory(form.category.data),
        legal_basis=form.legal_basis.data,
        effective_date=form.effective_date.data,
        expiry_date=form.expiry_date.data,
        note=form.note.data or "",
    )


@bp.route("/employers")
@admin_required
def employers() -> ResponseReturnValue:
    form = EmployerSearchForm(request.args)
    form.validate()
    page = admin_employers.search_employers(
        actor=current_actor(),
        query=form.q.data or "",
        province=form.province.data if not form.province.errors else "",
        status=form.status.data if not form.status.errors else "",
        on=clock.today(),
        page=_page_number(),
    )
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template("admin/employers.html", form=form, page=page, args=args)


def _overview(employer_id: int) -> admin_employers.EmployerOverview:
    return admin_employers.employer_overview(
        actor=current_actor(), employer_id=employer_id, on=clock.today()
    )


def _render_employer(employer_id: int, **forms: Any) -> str:
    overview = _overview(employer_id)
    forms.setdefault("grant_form", GrantExemptionForm(formdata=None))
    forms.setdefault("ban_form", BanForm(formdata=None))
    return render_template(
        "admin/employer.html",
        o=overview,
        names=audit_log.names_for(actor=current_actor(), events=overview.events),
        legal_basis=exemptions.DEFAULT_LEGAL_BASIS,
        reason_form=ReasonForm(formdata=None),
        **forms,
    )


@bp.route("/employers/<int:employer_id>")
@admin_required
def employer(employer_id: int) -> ResponseReturnValue:
    return _render_employer(employer_id)


@bp.route("/employers/<int:employer_id>/exemptions", methods=["POST"])
@admin_required
def grant_exemption(employer_id: int) -> ResponseReturnValue:
    form = GrantExemptionForm()
    if form.validate_on_submit():
        try:
            exemptions.grant_exemption(
                actor=current_actor(), employer_id=employer_id, terms=_terms(form)
            )
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("The exemption from the compliance regime is recorded."), "success")
            return redirect(url_for("admin.employer", employer_id=employer_id))
    return _render_employer(employer_id, grant_form=form), 400


@bp.route("/employers/<int:employer_id>/exemptions/<int:exemption_id>/revoke", methods=["POST"])
@admin_required
def revoke_exemption(employer_id: int, exemption_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            exemptions.revoke_exemption(
                actor=current_actor(), exemption_id=exemption_id, reason=form.reason.data
            )
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("The exemption is revoked."), "success")
    else:
        flash(_("Give the reason for revoking."), "error")
    return redirect(url_for("admin.employer", employer_id=employer_id))


@bp.route("/employers/<int:employer_id>/bans", methods=["POST"])
@admin_required
def record_ban(employer_id: int) -> ResponseReturnValue:
    form = BanForm()
    if form.validate_on_submit():
        penalty = form.penalty.data
        try:
            bans.record_ban(
                actor=current_actor(),
                employer_id=employer_id,
                reason=form.reason.data,
                reason_fr=form.reason_fr.data,
                start_date=form.start_date.data,
                end_date=form.end_date.data,
                penalty_cents=None if penalty is None else int(penalty * 100),
            )
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("The ban is recorded and published on the public list."), "success")
            return redirect(url_for("admin.employer", employer_id=employer_id))
    return _render_employer(employer_id, ban_form=form), 400


@bp.route("/employers/<int:employer_id>/bans/<int:ban_id>/lift", methods=["POST"])
@admin_required
def lift_ban(employer_id: int, ban_id: int) -> ResponseReturnValue:
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            bans.lift_ban(actor=current_actor(), ban_id=ban_id, reason=form.reason.data)
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("The ban is lifted."), "success")
    else:
        flash(_("Give the reason for lifting the ban."), "error")
    return redirect(url_for("admin.employer", employer_id=employer_id))


@bp.route("/employers/new-exempt", methods=["GET", "POST"])
@admin_required
def new_exempt_employer() -> ResponseReturnValue:
    form = ExemptEmployerForm()
    if form.validate_on_submit():
        details = exemptions.ExemptEmployerDetails(
            **{
                name: form[name].data or ""
                for name in exemptions.ExemptEmployerDetails.__dataclass_fields__
            }
        )
        try:
            employer = exemptions.create_exempt_employer(
                actor=current_actor(), details=details, terms=_terms(form)
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The employer and its exemption are recorded."), "success")
            return redirect(url_for("admin.employer", employer_id=employer.id))
    return render_template("admin/new_exempt_employer.html", form=form)

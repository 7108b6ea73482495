"""Compliance inspections in the admin area (issue 19): the list, opening one for an employer,
one inspection's page (answers, findings, the computation step by step, the notices), and the
documents the employer gave."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal import clock
from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.admin.inspection_forms import DecisionForm, FindingForm, OpenInspectionForm, SizeForm
from portal.downloads import file_download
from portal.forms import ActionForm
from portal.forms_errors import apply_refusal, flash_refusal
from portal.models.enums import FindingOutcome, InspectionGround
from portal.rules.compliance.points import BusinessSize
from portal.services.compliance import employers as admin_employers
from portal.services.errors import DomainError
from portal.services.inspections import access, decisions, findings, opening


@bp.route("/inspections")
@admin_required
def inspections() -> ResponseReturnValue:
    return render_template("admin/inspections/list.html",
                           inspections=access.list_inspections(actor=current_actor()))


def _scope(employer_id: int) -> list[opening.ScopedOffer]:
    return opening.list_scope(actor=current_actor(), employer_id=employer_id,
                              today=clock.today())


@bp.route("/employers/<int:employer_id>/inspections/new", methods=["GET", "POST"])
@admin_required
def new_inspection(employer_id: int) -> ResponseReturnValue:
    overview = admin_employers.employer_overview(actor=current_actor(), employer_id=employer_id,
                                                 on=clock.today())
    scope = _scope(employer_id)
    form = OpenInspectionForm(offers=[s for s in scope if s.check.in_scope])
    if form.validate_on_submit():
        try:
            inspection = opening.open_inspection(
                actor=current_actor(), employer_id=employer_id,
                ground=InspectionGround(form.ground.data), offer_ids=form.offers.data,
                conditions=form.conditions.data,
                documents_requested=form.documents_requested.data)
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("The inspection is open and its notice is sent to the employer."), "success")
            return redirect(url_for("admin.inspection", inspection_id=inspection.id))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("admin/inspections/new.html", form=form, employer=overview.employer,
                           scope=scope), status


def _render(inspection_id: int, status: int = 200, **forms: Any) -> ResponseReturnValue:
    file = access.get_inspection_file(inspection_id=inspection_id, actor=current_actor())
    inspection = file.inspection
    forms.setdefault("finding_form", FindingForm(formdata=None, conditions=inspection.conditions,
                                                 offers=file.offers))
    forms.setdefault("size_form", SizeForm(formdata=None, size=inspection.business_size))
    forms.setdefault("decision_form", DecisionForm(formdata=None))
    return render_template(
        "admin/inspections/show.html", file=file, i=inspection,
        assessment=findings.preview(actor=current_actor(), inspection_id=inspection_id),
        earliest=decisions.earliest_decision_on(inspection), action_form=ActionForm(),
        **forms), status


@bp.route("/inspections/<int:inspection_id>")
@admin_required
def inspection(inspection_id: int) -> ResponseReturnValue:
    return _render(inspection_id)


def _finding_input(form: FindingForm) -> findings.FindingInput:
    severity = {name.removeprefix("severity_"): form[name].data or 0
                for name in form._fields if name.startswith("severity_")}
    return findings.FindingInput(
        condition=form.condition.data, offer_id=int(form.offer.data) if form.offer.data else None,
        outcome=FindingOutcome(form.outcome.data), element=form.element.data or None,
        ground=form.ground.data or None, facts=tuple(form.facts.data or ()), severity=severity)


@bp.route("/inspections/<int:inspection_id>/findings", methods=["POST"])
@admin_required
def record_finding(inspection_id: int) -> ResponseReturnValue:
    file = access.get_inspection_file(inspection_id=inspection_id, actor=current_actor())
    form = FindingForm(conditions=file.inspection.conditions, offers=file.offers)
    if form.validate_on_submit():
        try:
            findings.record_finding(actor=current_actor(), inspection_id=inspection_id,
                                    given=_finding_input(form))
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("The finding is recorded. The computation below is updated."), "success")
            return redirect(url_for("admin.inspection", inspection_id=inspection_id,
                                    _anchor="computation"))
    return _render(inspection_id, 400, finding_form=form)


@bp.route("/inspections/<int:inspection_id>/size", methods=["POST"])
@admin_required
def set_size(inspection_id: int) -> ResponseReturnValue:
    form = SizeForm()
    if form.validate_on_submit():
        try:
            findings.set_business_size(actor=current_actor(), inspection_id=inspection_id,
                                       size=BusinessSize(form.size.data))
        except DomainError as error:
            flash_refusal(error)
        return redirect(url_for("admin.inspection", inspection_id=inspection_id,
                                _anchor="computation"))
    return _render(inspection_id, 400, size_form=form)


@bp.route("/inspections/<int:inspection_id>/preliminary", methods=["POST"])
@admin_required
def issue_preliminary(inspection_id: int) -> ResponseReturnValue:
    if ActionForm().validate_on_submit():
        try:
            decisions.issue_preliminary(actor=current_actor(), inspection_id=inspection_id)
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("The notice of preliminary finding is sent to the employer."), "success")
    return redirect(url_for("admin.inspection", inspection_id=inspection_id))


@bp.route("/inspections/<int:inspection_id>/decision", methods=["POST"])
@admin_required
def decide_inspection(inspection_id: int) -> ResponseReturnValue:
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            decisions.decide(actor=current_actor(), inspection_id=inspection_id,
                             reason_en=form.reason_en.data, reason_fr=form.reason_fr.data)
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("The final decision is made and the employer is told."), "success")
            return redirect(url_for("admin.inspection", inspection_id=inspection_id))
    return _render(inspection_id, 400, decision_form=form)


@bp.route("/inspections/<int:inspection_id>/documents/<int:document_id>")
@admin_required
def inspection_document(inspection_id: int, document_id: int) -> ResponseReturnValue:
    document = access.get_document(inspection_id=inspection_id, document_id=document_id,
                                   actor=current_actor())
    return file_download(document.data, f"inspection-document-{document.id}",
                         document.content_type)

"""The employer's inspections (issue 19): the notices, answers with documents, a voluntary
disclosure, the reply to a preliminary finding, and paying the penalty. An employer sees only
its own inspections (the services answer NotFound, so another's is a 404)."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal import clock
from portal.access import current_actor, employer_required
from portal.downloads import file_download
from portal.employer import bp
from portal.employer.inspection_forms import (
    AnswerForm,
    DisclosureForm,
    PenaltyPaymentForm,
    ReplyForm,
)
from portal.forms_errors import apply_refusal
from portal.models.enums import PaymentResult
from portal.services.errors import DomainError
from portal.services.inspections import access, answers, decisions, opening, penalties
from portal.services.offers.filecheck import UploadLimits


@bp.route("/inspections")
@employer_required
def inspections() -> ResponseReturnValue:
    return render_template("employer/inspections/list.html",
                           inspections=access.list_inspections(actor=current_actor()))


@bp.route("/inspections/disclose", methods=["GET", "POST"])
@employer_required
def disclose() -> ResponseReturnValue:
    form = DisclosureForm()
    if form.validate_on_submit():
        try:
            inspection = opening.disclose(actor=current_actor(), condition=form.condition.data,
                                          statement=form.statement.data)
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("Your voluntary disclosure is sent to the officers."), "success")
            return redirect(url_for("employer.inspection", inspection_id=inspection.id))
    return render_template("employer/inspections/disclose.html", form=form), \
        400 if form.errors or form.form_errors else 200


def _render(inspection_id: int, status: int = 200, **forms: object) -> ResponseReturnValue:
    file = access.get_inspection_file(inspection_id=inspection_id, actor=current_actor())
    forms.setdefault("answer_form", AnswerForm(formdata=None, conditions=file.inspection.conditions,
                                               offers=file.offers))
    forms.setdefault("reply_form", ReplyForm(formdata=None))
    forms.setdefault("pay_form", PenaltyPaymentForm(formdata=None))
    return render_template(
        "employer/inspections/show.html", file=file, i=file.inspection,
        in_default=penalties.in_default(file.inspection, clock.today()), **forms), status


@bp.route("/inspections/<int:inspection_id>")
@employer_required
def inspection(inspection_id: int) -> ResponseReturnValue:
    return _render(inspection_id)


@bp.route("/inspections/<int:inspection_id>/answers", methods=["POST"])
@employer_required
def answer_inspection(inspection_id: int) -> ResponseReturnValue:
    file = access.get_inspection_file(inspection_id=inspection_id, actor=current_actor())
    form = AnswerForm(conditions=file.inspection.conditions, offers=file.offers)
    if form.validate_on_submit():
        uploads = [answers.Upload(f.filename or "", f.read())
                   for f in request.files.getlist("documents") if f and f.filename]
        try:
            answers.answer_condition(
                actor=current_actor(), inspection_id=inspection_id,
                condition=form.condition.data,
                offer_id=int(form.offer.data) if form.offer.data else None,
                explanation=form.explanation.data, files=uploads,
                max_file_bytes=current_app.config["EVIDENCE_MAX_FILE_BYTES"],
                limits=UploadLimits.of(current_app.config))
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("Your answer is sent."), "success")
            return redirect(url_for("employer.inspection", inspection_id=inspection_id))
    return _render(inspection_id, 400, answer_form=form)


@bp.route("/inspections/<int:inspection_id>/reply", methods=["POST"])
@employer_required
def reply_inspection(inspection_id: int) -> ResponseReturnValue:
    form = ReplyForm()
    if form.validate_on_submit():
        try:
            decisions.reply_to_preliminary(actor=current_actor(), inspection_id=inspection_id,
                                           reply=form.reply.data)
        except DomainError as error:
            apply_refusal(form, error)
        else:
            flash(_("Your reply is sent. The officer now makes the final decision."), "success")
            return redirect(url_for("employer.inspection", inspection_id=inspection_id))
    return _render(inspection_id, 400, reply_form=form)


def _declined(result: PaymentResult) -> str:
    if result is PaymentResult.INSUFFICIENT_FUNDS:
        return _("The payment was declined: the card has insufficient funds. Try another card.")
    return _("The payment was declined by the card issuer. Try another card.")


@bp.route("/inspections/<int:inspection_id>/pay", methods=["POST"])
@employer_required
def pay_penalty(inspection_id: int) -> ResponseReturnValue:
    form = PenaltyPaymentForm()
    if form.validate_on_submit():
        try:
            result = penalties.pay_penalty(actor=current_actor(), inspection_id=inspection_id,
                                           card_number=form.card_number.data)
        except DomainError as error:
            apply_refusal(form, error)
        else:
            if result is PaymentResult.SUCCEEDED:
                flash(_("The penalty is paid."), "success")
                return redirect(url_for("employer.inspection", inspection_id=inspection_id))
            form.card_number.errors = [_declined(result)]
    return _render(inspection_id, 400, pay_form=form)


@bp.route("/inspections/<int:inspection_id>/documents/<int:document_id>")
@employer_required
def inspection_document(inspection_id: int, document_id: int) -> ResponseReturnValue:
    document = access.get_document(inspection_id=inspection_id, document_id=document_id,
                                   actor=current_actor())
    return file_download(document.data, f"inspection-document-{document.id}",
                         document.content_type)

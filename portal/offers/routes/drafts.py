"""The offer form: creating a draft, its sections, evidence files and the review page."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, employer_required, signed_in_required
from portal.catalogue import say
from portal.forms import ActionForm, options
from portal.forms_errors import apply_domain_error, flash_refusal
from portal.i18n import current_language
from portal.models.enums import FEE_EXEMPTION_PROOF
from portal.offers import bp, sections
from portal.offers.forms import (
    EvidenceForm,
    JobForm,
    WagesForm,
    WorkerForm,
    attestations_form,
    code_form,
)
from portal.offers.views import with_draft, with_offer
from portal.rules.codes import get_code
from portal.rules.noc import get_unit_group, search_noc
from portal.services.errors import DomainError
from portal.services.offers import drafts, evidence
from portal.services.offers.details import offer_details
from portal.services.offers.filecheck import UploadLimits
from portal.services.offers.review import review_offer
from portal.sessions import keeps_work_on_timeout, restore_timed_out_input


@bp.route("/new", methods=["POST"])
@employer_required
def new() -> ResponseReturnValue:
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        offer = drafts.create_draft(actor=current_actor())
    except DomainError as error:
        flash(say(error.message), "error")
        return redirect(url_for("employer.dashboard"))
    flash(_("A new draft offer is saved. Fill in each section; you can leave and come back."),
          "success")
    return redirect(url_for("offers.exemption_code", offer_id=offer.id))


def _save_well_formed(offer: Any, section: str, values: dict[str, Any], form: Any) -> None:
    """Save the section; when the service refuses some fields, show why next to each and save
    the others (a refused date of birth does not lose the worker's name)."""
    try:
        drafts.save_section(offer_id=offer.id, actor=current_actor(), section=section,
                            values=values)
    except DomainError as error:
        apply_domain_error(form, error)
        refused = {name for name, _message in getattr(error, "errors", ((error.field, None),))}
        rest = {name: value for name, value in values.items() if name not in refused}
        if rest and None not in refused and len(rest) < len(values):
            # The first refusal's messages are on the page; if the rest is refused too (a date
            # checked against the one just dropped), nothing more is saved.
            with suppress(DomainError):
                drafts.save_section(offer_id=offer.id, actor=current_actor(), section=section,
                                    values=rest)


def _section(offer: Any, section: str, form: Any, values: Callable[[Any], dict[str, Any]],
             template: str, **context: Any) -> ResponseReturnValue:
    """Save what is well formed, keep the rest on the page with its error, then redirect."""
    if request.method == "GET" and restore_timed_out_input(form):
        flash(_("This is what you typed before your session ended. It is not saved yet: check "
                "it, then save."), "info")
    if request.method == "POST":
        form.validate()
        if not form.has_unsafe_input:  # control characters: nothing of the section is saved
            _save_well_formed(offer, section, values(form), form)
        has_errors = bool(form.errors) or bool(form.form_errors)
        if not has_errors and not context.pop("stay", False):
            if form.save_exit.data:
                flash(_("Your draft is saved."), "success")
                return redirect(url_for("employer.dashboard"))
            if form.save_continue.data:
                return redirect(url_for(sections.next_endpoint(section), offer_id=offer.id))
            flash(_("This section is saved."), "success")
            endpoint = request.endpoint or sections.SECTION_ENDPOINTS[section]
            return redirect(url_for(endpoint, offer_id=offer.id))
        if has_errors:
            flash(_("Some answers need fixing. The others are saved."), "error")
    review = review_offer(offer)
    problems = [p for p in review.problems if p.section == section]
    return render_template(template, offer=offer, form=form, section=section,
                           problems=problems, **context)


@bp.route("/<int:offer_id>/exemption-code", methods=["GET", "POST"])
@employer_required
@keeps_work_on_timeout
@with_draft
def exemption_code(offer: Any) -> ResponseReturnValue:
    entry = get_code(offer.code_key) if offer.code_key else None
    questions = entry.questions if entry else ()
    form = code_form(questions)
    if request.method == "GET":
        sections.fill_code(form, offer, questions)
    return _section(offer, "code", form, lambda f: sections.code_values(f, questions),
                    "offers/exemption_code.html", entry=entry,
                    finder_url=url_for("codes.find_code"))


@bp.route("/<int:offer_id>/foreign-worker", methods=["GET", "POST"])
@employer_required
@keeps_work_on_timeout
@with_draft
def foreign_worker(offer: Any) -> ResponseReturnValue:
    form = WorkerForm()
    if request.method == "GET":
        sections.fill_worker(form, offer)
    return _section(offer, "worker", form, sections.worker_values, "offers/foreign_worker.html")


@bp.route("/<int:offer_id>/job", methods=["GET", "POST"])
@employer_required
@keeps_work_on_timeout
@with_draft
def job(offer: Any) -> ResponseReturnValue:
    form = JobForm()
    if request.method == "GET":
        sections.fill_job(form, offer)
    searching = request.method == "POST" and bool(form.search_noc.data)
    results = search_noc(form.noc_query.data or "", current_language()) if searching else []
    unit_group = get_unit_group(offer.noc_code) if offer.noc_code else None
    return _section(offer, "job", form, sections.job_values, "offers/job.html",
                    noc_results=results, searching=searching, unit_group=unit_group,
                    stay=searching)


@bp.route("/<int:offer_id>/wages-and-benefits", methods=["GET", "POST"])
@employer_required
@keeps_work_on_timeout
@with_draft
def wages(offer: Any) -> ResponseReturnValue:
    form = WagesForm()
    if request.method == "GET":
        sections.fill_wages(form, offer)
    return _section(offer, "wages", form, sections.wages_values, "offers/wages.html")


@bp.route("/<int:offer_id>/attestations", methods=["GET", "POST"])
@employer_required
@keeps_work_on_timeout
@with_draft
def attestations(offer: Any) -> ResponseReturnValue:
    form = attestations_form(drafts.ATTESTATIONS)
    if request.method == "GET":
        for key in offer.attestations or ():
            form[f"attest_{key}"].data = True

    def values(f: Any) -> dict[str, Any]:
        return {"attestations": [k for k in drafts.ATTESTATION_IDS if f[f"attest_{k}"].data]}

    return _section(offer, "attestations", form, values, "offers/attestations.html",
                    attestation_ids=drafts.ATTESTATION_IDS)


@bp.route("/<int:offer_id>/business-information")
@employer_required
@with_offer
def business_information(offer: Any) -> ResponseReturnValue:
    employer = offer_details(offer).employer
    problems = [p for p in review_offer(offer, employer=employer).problems
                if p.section == "business"] if offer.is_draft else []
    return render_template("offers/business_information.html", offer=offer,
                           employer=employer, problems=problems)


@bp.route("/<int:offer_id>/evidence", methods=["GET", "POST"])
@employer_required
@with_draft
def evidence_files(offer: Any) -> ResponseReturnValue:
    lang = current_language()
    items = [(item, en if lang == "en" else fr) for item, en, fr in evidence.evidence_items(offer)]
    form = EvidenceForm()
    form.item_id.choices = options([("", _("Choose")), *items])
    if form.validate_on_submit():
        upload = request.files.get("file")
        try:
            evidence.add_file(
                offer_id=offer.id, actor=current_actor(), item_id=form.item_id.data,
                filename=(upload.filename or "") if upload else "",
                data=upload.read() if upload else b"",
                max_file_bytes=current_app.config["EVIDENCE_MAX_FILE_BYTES"],
                max_offer_bytes=current_app.config["EVIDENCE_MAX_OFFER_BYTES"],
                limits=UploadLimits.of(current_app.config),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The file is uploaded."), "success")
            return redirect(url_for("offers.evidence_files", offer_id=offer.id))
    files = evidence.list_files(offer_id=offer.id, actor=current_actor())
    labels = dict(items) | {FEE_EXEMPTION_PROOF: _("Proof of the fee exemption")}
    return render_template("offers/evidence.html", offer=offer, form=form, files=files,
                           labels=labels, items=items, remove_form=ActionForm())


@bp.route("/<int:offer_id>/evidence/<int:file_id>")
@signed_in_required
def download_evidence(offer_id: int, file_id: int) -> ResponseReturnValue:
    item = evidence.get_file(offer_id=offer_id, file_id=file_id, actor=current_actor())
    response = current_app.response_class(item.data, mimetype=item.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="evidence-{item.id}' + (
        {"application/pdf": '.pdf"', "image/png": '.png"', "image/jpeg": '.jpg"'}[item.content_type]
    )
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("/<int:offer_id>/evidence/<int:file_id>/remove", methods=["POST"])
@employer_required
def remove_evidence(offer_id: int, file_id: int) -> ResponseReturnValue:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        evidence.remove_file(offer_id=offer_id, file_id=file_id, actor=current_actor())
    except DomainError as error:
        flash_refusal(error)
    else:
        flash(_("The file is removed."), "success")
    return redirect(url_for("offers.evidence_files", offer_id=offer_id))


@bp.route("/<int:offer_id>/review")
@employer_required
@with_draft
def review(offer: Any) -> ResponseReturnValue:
    details = offer_details(offer)
    return render_template("offers/review.html", offer=offer, review=review_offer(offer),
                           employer=details.employer, action_form=ActionForm(),
                           section_endpoints=sections.SECTION_ENDPOINTS,
                           attestations=drafts.ATTESTATIONS,
                           unit_group=details.unit_group, entry=details.entry)


"""The batches pages: the batch list with the template and the upload (the dry run), a batch's
page (its rows and their errors, then its offers), the error report, confirm, and pay and
submit all. Each view: access rule, form, one service call, render or redirect."""

from __future__ import annotations

from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, employer_required
from portal.batches import bp
from portal.batches.forms import PayAllForm, UploadForm, confirm_form
from portal.catalogue import say
from portal.catalogue.batches import column_label, header_aliases, headers
from portal.downloads import csv_download
from portal.forms_errors import apply_domain_error, flash_refusal
from portal.i18n import current_language
from portal.services.batches import checking, confirming, spreadsheets
from portal.services.batches.stored import message_from_json
from portal.services.errors import DomainError
from portal.services.offers.drafts import ATTESTATION_IDS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _template_language() -> str:
    lang = request.args.get("lang", "")
    return lang if lang in ("en", "fr") else current_language()


@bp.route("/", methods=["GET", "POST"])
@employer_required
def index() -> ResponseReturnValue:
    form = UploadForm()
    if form.validate_on_submit():
        upload = request.files.get("file")
        name, data = ((upload.filename or ""), upload.read()) if upload else ("", b"")
        if upload:
            upload.close()  # a large upload waits in a temporary file
        try:
            batch = checking.check_upload(actor=current_actor(), file_name=name, data=data,
                                          aliases=header_aliases())
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            return redirect(url_for("batches.view", batch_id=batch.id))
    return render_template("batches/index.html", form=form,
                           batches=checking.list_batches(actor=current_actor()))


@bp.route("/template.csv")
@employer_required
def template_csv() -> Response:
    lang = _template_language()
    return csv_download(spreadsheets.template_csv(headers(lang)), f"offers-template-{lang}.csv",
                        private=False)


@bp.route("/template.xlsx")
@employer_required
def template_xlsx() -> Response:
    lang = _template_language()
    return Response(spreadsheets.template_xlsx(headers(lang)), mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="offers-template-{lang}.xlsx"'})


def worded(data: dict[str, Any]) -> str:
    """A stored error message in the reader's language."""
    return say(message_from_json(data))


def worded_rows(batch: Any) -> list[dict[str, Any]]:
    """The rows with their errors in the reader's language, by column."""
    return [{"row": row, "errors": [(column_label(e.get("field")), worded(e["message"]))
                                    for e in row.errors]} for row in batch.rows]


@bp.route("/<int:batch_id>")
@employer_required
def view(batch_id: int) -> ResponseReturnValue:
    batch = checking.get_batch(batch_id=batch_id, actor=current_actor())
    return render_template(
        "batches/view.html", batch=batch, rows=worded_rows(batch), form=confirm_form(),
        pay_form=PayAllForm(), offers=confirming.batch_offers(batch),
        invalid=sum(1 for row in batch.rows if row.status == "invalid"),
        attestation_ids=ATTESTATION_IDS, can_submit=current_actor().can_submit)


@bp.route("/<int:batch_id>/errors.csv")
@employer_required
def error_report(batch_id: int) -> Response:
    batch = checking.get_batch(batch_id=batch_id, actor=current_actor())
    header = [_("Row"), _("Column"), _("Value"), _("Error")]
    chunks = spreadsheets.error_report(batch, header=header, column_label=column_label,
                                       word=worded)
    return csv_download(chunks, f"batch-{batch.id}-errors.csv")


@bp.route("/<int:batch_id>/confirm", methods=["POST"])
@employer_required
def confirm(batch_id: int) -> ResponseReturnValue:
    form = confirm_form()
    if form.validate_on_submit():
        try:
            confirming.confirm_batch(
                batch_id=batch_id, actor=current_actor(), skip_invalid=form.skip_invalid.data,
                attestations=[k for k in ATTESTATION_IDS if form[f"attest_{k}"].data])
        except DomainError as error:
            flash_refusal(error)
        else:
            flash(_("The drafts are created."), "success")
    return redirect(url_for("batches.view", batch_id=batch_id))


def _outcome_text(result: str, row: int) -> str:
    texts = {
        "already_submitted": _("Row %(row)s: already submitted.", row=row),
        "declined": _("Row %(row)s: the payment was declined.", row=row),
        "not_ready": _("Row %(row)s: not ready to submit; its review page lists what to fix.",
                       row=row),
        "fee_exempt": _("Row %(row)s: no fee is due for its code; claim the exemption on its "
                        "page.", row=row),
    }
    return texts.get(result) or _("Row %(row)s: it cannot be submitted.", row=row)


@bp.route("/<int:batch_id>/pay-and-submit", methods=["POST"])
@employer_required
def pay_and_submit(batch_id: int) -> ResponseReturnValue:
    if PayAllForm().validate_on_submit():
        try:
            outcomes = confirming.pay_and_submit_all(batch_id=batch_id, actor=current_actor())
        except DomainError as error:
            flash_refusal(error)
        else:
            done = sum(1 for o in outcomes if o.result == "submitted")
            flash(_("%(count)s offers paid and submitted.", count=done), "success")
            for o in outcomes:
                if o.result != "submitted":
                    flash(_outcome_text(o.result, o.row_number), "error")
    return redirect(url_for("batches.view", batch_id=batch_id))

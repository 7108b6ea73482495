"""Paying or waiving the compliance fee, submitting, and what the employer gets for it: the
confirmation page, its PDF and the payment receipt.

The PDF of a submitted offer is rendered by a queue task (portal/jobs/documents.py) or, when the
task has not run yet, on the first download of each offer version and language; then served
from the store (services.documents.confirmation). Its HTML comes from templates/pdf/
(portal/confirmation_html.py), rendered with the app's Jinja environment (autoescape on, the
portal's filters and French catalogue) in the language asked for with ?lang=en|fr (default: the
user's language)."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, employer_required
from portal.catalogue import say
from portal.confirmation_html import render_and_store, verification_page
from portal.forms import ActionForm
from portal.forms_errors import apply_domain_error, flash_refusal
from portal.i18n import current_language
from portal.models.enums import OfferStatus
from portal.offers import bp
from portal.offers.forms import FeeExemptionForm, PaymentForm
from portal.offers.views import with_draft, with_offer
from portal.services.documents import confirmation as documents
from portal.services.errors import DomainError
from portal.services.offers import lifecycle, submission
from portal.services.offers.filecheck import UploadLimits
from portal.services.offers.payments import TEST_CARDS
from portal.services.offers.review import fee_for


def _new_key() -> str:
    return secrets.token_urlsafe(24)


@bp.route("/<int:offer_id>/pay", methods=["GET", "POST"])
@employer_required
@with_draft
def pay(offer: Any) -> ResponseReturnValue:
    form, fee = PaymentForm(), None
    if form.validate_on_submit():
        try:
            attempt = submission.pay_and_submit(
                offer_id=offer.id, actor=current_actor(), card_number=form.card_number.data,
                idempotency_key=form.idempotency_key.data,
            )
        except submission.FeeNotDue:
            return redirect(url_for("offers.fee_exemption", offer_id=offer.id))
        except submission.NotReady as error:
            flash(say(error.message), "error")
            return redirect(url_for("offers.review", offer_id=offer.id))
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            if attempt.succeeded:
                return redirect(url_for("offers.confirmation", offer_id=offer.id))
            form.card_number.errors = [_declined(attempt.payment.result)]
            fee = attempt.fee
    if fee is None:  # no payment attempted, or refused before the review: compute it here
        fee = fee_for(offer)
    if fee.exempt:
        return redirect(url_for("offers.fee_exemption", offer_id=offer.id))
    # Every rendering gets a new key: a double click or a refresh reuses the one in the page.
    form.idempotency_key.data = _new_key()
    form.card_number.data = ""
    form.cvc.data = ""
    return render_template("offers/pay.html", offer=offer, form=form, fee=fee,
                           test_cards=list(TEST_CARDS))


def _declined(result: str) -> str:
    if result == "insufficient_funds":
        return _("The payment was declined: the card has insufficient funds. Try another card.")
    return _("The payment was declined by the card issuer. Try another card.")


@bp.route("/<int:offer_id>/fee-exemption", methods=["GET", "POST"])
@employer_required
@with_draft
def fee_exemption(offer: Any) -> ResponseReturnValue:
    fee = fee_for(offer)
    if not fee.exempt:
        return redirect(url_for("offers.pay", offer_id=offer.id))
    form = FeeExemptionForm()
    if request.method == "GET":
        form.reason.data = offer.fee_exemption_reason
    if form.validate_on_submit():
        upload = request.files.get("proof")
        try:
            submission.claim_fee_exemption(
                offer_id=offer.id, actor=current_actor(), reason=form.reason.data or "",
                proof_filename=(upload.filename or "") if upload else "",
                proof_data=upload.read() if upload else b"",
                max_file_bytes=current_app.config["EVIDENCE_MAX_FILE_BYTES"],
                max_offer_bytes=current_app.config["EVIDENCE_MAX_OFFER_BYTES"],
                limits=UploadLimits.of(current_app.config),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The fee exemption is recorded. Submit the offer to get its number."),
                  "success")
            return redirect(url_for("offers.review", offer_id=offer.id))
    return render_template("offers/fee_exemption.html", offer=offer, form=form, fee=fee)


@bp.route("/<int:offer_id>/submit", methods=["POST"])
@employer_required
def submit(offer_id: int) -> ResponseReturnValue:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        submission.submit_exempt_offer(offer_id=offer_id, actor=current_actor())
    except DomainError as error:
        flash_refusal(error)
        return redirect(url_for("offers.review", offer_id=offer_id))
    return redirect(url_for("offers.confirmation", offer_id=offer_id))


@bp.route("/<int:offer_id>/confirmation")
@employer_required
@with_offer
def confirmation(offer: Any) -> ResponseReturnValue:
    if offer.status == OfferStatus.DRAFT:
        return redirect(url_for("offers.review", offer_id=offer.id))
    return render_template("offers/confirmation.html", offer=offer)


@bp.route("/<int:offer_id>/receipt")
@employer_required
def receipt(offer_id: int) -> ResponseReturnValue:
    offer, payment = lifecycle.get_receipt(offer_id=offer_id, actor=current_actor())
    return render_template("offers/receipt.html", offer=offer, payment=payment)


@bp.route("/<int:offer_id>/confirmation.pdf")
@employer_required
def download_confirmation(offer_id: int) -> Response:
    language, actor = _pdf_language(), current_actor()
    pdf = documents.get_offer_confirmation(offer_id=offer_id, actor=actor, language=language)
    if pdf is None:  # this version's first download in this language
        context = documents.confirmation_context(
            offer_id=offer_id, actor=actor, language=language,
            secret=current_app.config["SECRET_KEY"].encode("utf-8"),
            verification_page=verification_page(),
        )
        pdf = render_and_store(context)
    response = Response(pdf.data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _pdf_language() -> str:
    asked = request.args.get("lang")
    return asked if asked and asked in current_app.config["LANGUAGES"] else current_language()

"""Paying or waiving the compliance fee, submitting, and what happens after: the confirmation,
the receipt, viewing, withdrawing, copying and deleting offers, and the CSV export."""

from __future__ import annotations

import secrets

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal import clock
from portal.access import current_actor, employer_required
from portal.forms_errors import apply_domain_error
from portal.models import OfferStatus
from portal.offers import bp
from portal.offers.dashboard import dashboard_query
from portal.offers.forms import ActionForm, FeeExemptionForm, PaymentForm, WithdrawForm
from portal.offers.routes import load_draft, load_offer
from portal.rules.codes import get_code
from portal.rules.noc import get_unit_group
from portal.services.errors import DomainError, NotFound
from portal.services.offers import access, drafts, lifecycle, queue, submission
from portal.services.offers.payments import TEST_CARDS
from portal.services.offers.review import fee_for


def _new_key() -> str:
    return secrets.token_urlsafe(24)


@bp.route("/<int:offer_id>/pay", methods=["GET", "POST"])
@employer_required
def pay(offer_id: int):
    offer, done = load_draft(offer_id)
    if done:
        return done
    fee = fee_for(offer)
    if fee.exempt:
        return redirect(url_for("offers.fee_exemption", offer_id=offer.id))
    form = PaymentForm()
    if form.validate_on_submit():
        try:
            attempt = submission.pay_and_submit(
                offer_id=offer.id, actor=current_actor(), card_number=form.card_number.data,
                idempotency_key=form.idempotency_key.data,
            )
        except submission.NotReady as error:
            flash(str(error.message), "error")
            return redirect(url_for("offers.review", offer_id=offer.id))
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            if attempt.succeeded:
                return redirect(url_for("offers.confirmation", offer_id=offer.id))
            form.card_number.errors = [
                _("The payment was declined: the card has insufficient funds. Try another card.")
                if attempt.payment.result == "insufficient_funds"
                else _("The payment was declined by the card issuer. Try another card.")
            ]
    # Every rendering gets a new key: a double click or a refresh reuses the one in the page.
    form.idempotency_key.data = _new_key()
    form.card_number.data = ""
    form.cvc.data = ""
    return render_template("offers/pay.html", offer=offer, form=form, fee=fee,
                           test_cards=list(TEST_CARDS))


@bp.route("/<int:offer_id>/fee-exemption", methods=["GET", "POST"])
@employer_required
def fee_exemption(offer_id: int):
    offer, done = load_draft(offer_id)
    if done:
        return done
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
                proof_filename=upload.filename if upload else "",
                proof_data=upload.read() if upload else b"",
                max_file_bytes=current_app.config["EVIDENCE_MAX_FILE_BYTES"],
                max_offer_bytes=current_app.config["EVIDENCE_MAX_OFFER_BYTES"],
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
def submit(offer_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        submission.submit_exempt_offer(offer_id=offer_id, actor=current_actor())
    except NotFound:
        abort(404)
    except DomainError as error:
        flash(str(error.message), "error")
        return redirect(url_for("offers.review", offer_id=offer_id))
    return redirect(url_for("offers.confirmation", offer_id=offer_id))


@bp.route("/<int:offer_id>/confirmation")
@employer_required
def confirmation(offer_id: int):
    offer = load_offer(offer_id)
    if offer.status == OfferStatus.DRAFT:
        return redirect(url_for("offers.review", offer_id=offer.id))
    return render_template("offers/confirmation.html", offer=offer)


@bp.route("/<int:offer_id>/receipt")
@employer_required
def receipt(offer_id: int):
    try:
        offer, payment = lifecycle.get_receipt(offer_id=offer_id, actor=current_actor())
    except NotFound:
        abort(404)
    return render_template("offers/receipt.html", offer=offer, payment=payment)


@bp.route("/<int:offer_id>")
@employer_required
def view(offer_id: int):
    offer = load_offer(offer_id)
    if offer.status == OfferStatus.DRAFT:
        return redirect(url_for("offers.review", offer_id=offer.id))
    return render_template(
        "offers/view.html", offer=offer, action_form=ActionForm(),
        payment=access.successful_payment(offer), attestations=drafts.ATTESTATIONS,
        entry=get_code(offer.code_key) if offer.code_key else None,
        unit_group=get_unit_group(offer.noc_code) if offer.noc_code else None,
    )


@bp.route("/<int:offer_id>/withdraw", methods=["GET", "POST"])
@employer_required
def withdraw(offer_id: int):
    offer = load_offer(offer_id)
    if offer.status != OfferStatus.PENDING:
        flash(_("Only a pending offer can be withdrawn in the portal."), "error")
        return redirect(url_for("offers.view", offer_id=offer.id))
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            refund = lifecycle.withdraw_offer(offer_id=offer.id, actor=current_actor(),
                                           reason=form.reason.data)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The offer is withdrawn. The compliance fee will be refunded to the card "
                    "used to pay it.") if refund else _("The offer is withdrawn."), "success")
            return redirect(url_for("offers.view", offer_id=offer.id))
    return render_template("offers/withdraw.html", offer=offer, form=form)


@bp.route("/<int:offer_id>/copy", methods=["POST"])
@employer_required
def copy(offer_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        new_offer = drafts.copy_offer(offer_id=offer_id, actor=current_actor())
    except NotFound:
        abort(404)
    except DomainError as error:
        flash(str(error.message), "error")
        return redirect(url_for("employer.dashboard"))
    flash(_("A new draft is made from the offer, without the worker's identity. Enter the "
            "worker and check every section."), "success")
    return redirect(url_for("offers.foreign_worker", offer_id=new_offer.id))


@bp.route("/<int:offer_id>/delete", methods=["POST"])
@employer_required
def delete(offer_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        drafts.delete_draft(offer_id=offer_id, actor=current_actor())
    except NotFound:
        abort(404)
    except DomainError as error:
        flash(str(error.message), "error")
        return redirect(url_for("offers.view", offer_id=offer_id))
    flash(_("The draft is deleted."), "success")
    return redirect(url_for("employer.dashboard"))


@bp.route("/export")
@employer_required
def export():
    chunks = queue.export_csv(actor=current_actor(), query=dashboard_query())
    name = f"offers-{clock.today().isoformat()}.csv"
    return Response(
        "".join(chunks),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"',
                 "Cache-Control": "private, no-store"},
    )

"""A submitted offer's page, and what the employer does with an offer after it: withdraw it (the
fee refunded), copy it into a new draft (renewals), delete a draft."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, employer_required
from portal.forms import ActionForm
from portal.forms_errors import apply_domain_error, flash_refusal
from portal.models.enums import OfferStatus
from portal.offers import bp
from portal.offers.forms import WithdrawForm
from portal.offers.views import with_offer
from portal.services.errors import DomainError
from portal.services.offers import drafts, lifecycle
from portal.services.offers.details import offer_details
from portal.services.work_permits import verification


@bp.route("/<int:offer_id>")
@employer_required
@with_offer
def view(offer: Any) -> ResponseReturnValue:
    if offer.status == OfferStatus.DRAFT:
        return redirect(url_for("offers.review", offer_id=offer.id))
    details = offer_details(offer)
    return render_template(
        "offers/view.html", offer=offer, action_form=ActionForm(), payment=details.payment,
        refund=details.refund,
        attestations=drafts.ATTESTATIONS, entry=details.entry, unit_group=details.unit_group,
        probing=verification.probing_of(offer_id=offer.id),
    )


@bp.route("/<int:offer_id>/withdraw", methods=["GET", "POST"])
@employer_required
@with_offer
def withdraw(offer: Any) -> ResponseReturnValue:
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
def copy(offer_id: int) -> ResponseReturnValue:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        new_offer = drafts.copy_offer(offer_id=offer_id, actor=current_actor())
    except DomainError as error:
        flash_refusal(error)
        return redirect(url_for("employer.dashboard"))
    flash(_("A new draft is made from the offer, without the worker's identity. Enter the "
            "worker and check every section."), "success")
    return redirect(url_for("offers.foreign_worker", offer_id=new_offer.id))


@bp.route("/<int:offer_id>/delete", methods=["POST"])
@employer_required
def delete(offer_id: int) -> ResponseReturnValue:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        drafts.delete_draft(offer_id=offer_id, actor=current_actor())
    except DomainError as error:
        flash_refusal(error)
        return redirect(url_for("offers.view", offer_id=offer_id))
    flash(_("The draft is deleted."), "success")
    return redirect(url_for("employer.dashboard"))

"""The worker's side (public, no account): check an offer, apply for a work permit, see the
result and the decision. Personal data travels only in POST bodies, never in URLs."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, public
from portal.catalogue import say
from portal.extensions import limiter
from portal.forms_errors import apply_domain_error
from portal.i18n import current_language
from portal.rules.numbers import is_offer_number
from portal.services.errors import DomainError, NotFound
from portal.services.work_permits import applications, verification
from portal.worker import bp
from portal.worker.forms import ApplyForm, StatusForm, VerifyOfferForm

SUBMITTED_KEY = "worker_application_id"


def _attempt_limit() -> str:
    return current_app.config["RATELIMIT_WORKER_ATTEMPTS"]


def _secret() -> bytes:
    return current_app.config["SECRET_KEY"].encode()




@bp.route("/verify-offer", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
@public
def verify_offer() -> ResponseReturnValue:
    form = VerifyOfferForm()
    if request.method == "GET":
        # The PDF's QR code links here: the number (and its verification code) only.
        form.number.data = request.args.get("number", "")[:20]
        form.code.data = request.args.get("code", "")[:20]
    confirmation = None
    if form.number.data and form.code.data:
        confirmation = verification.confirmation_status(
            number=form.number.data, code=form.code.data, secret=_secret()
        )
    if form.validate_on_submit():
        try:
            offer = verification.verify_offer(
                number=form.number.data,
                passport_number=form.passport_number.data,
                date_of_birth=form.date_of_birth.data,
                secret=_secret(),
                ip_address=request.remote_addr,
                limits=verification.FailureLimits.from_config(current_app.config),
            )
        except verification.TooManyAttempts:
            abort(429)
        if offer is not None:
            return render_template("worker/verified.html", offer=offer)
        # One message for every kind of failure: never say which value was wrong.
        form.form_errors.append(
            _("We could not confirm an offer with these details. The offer number, your passport "
              "number and your date of birth must all be exactly as your employer entered them.")
        )
    malformed = bool(form.errors or form.form_errors) and not is_offer_number(form.number.data)
    return render_template(
        "worker/verify_offer.html", form=form, confirmation=confirmation, malformed=malformed
    )


@bp.route("/work-permit/apply", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
@public
def apply() -> ResponseReturnValue:
    form = ApplyForm()
    if request.method == "GET" and is_offer_number(request.args.get("number")):
        form.permit_type.data = "employer_specific"
        form.offer_number.data = request.args["number"]
    if form.validate_on_submit():
        try:
            application = applications.submit_application(
                details=_details(form), actor=current_actor()
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            session[SUBMITTED_KEY] = application.id
            flash(_("Your application is submitted."), "success")
            return redirect(url_for("worker.submitted"))
    return render_template("worker/apply.html", form=form)


def _details(form: ApplyForm) -> applications.ApplicationDetails:
    return applications.ApplicationDetails.from_values(form.data, language=current_language())


@bp.route("/work-permit/submitted")
@public
def submitted() -> ResponseReturnValue:
    application_id = session.get(SUBMITTED_KEY)
    if not isinstance(application_id, int):
        return redirect(url_for("worker.status"))
    try:
        application = applications.get_submitted_application(application_id=application_id)
    except NotFound:
        session.pop(SUBMITTED_KEY, None)
        return redirect(url_for("worker.status"))
    return _result(application)


def _result(application: Any) -> str:
    """The result page; an unmatched application says what to check, on each field."""
    not_matched = applications.not_matched_messages(application)
    return render_template(
        "worker/result.html", application=application, not_matched=not_matched,
        not_matched_intro=applications.NOT_MATCHED_INTRO if not_matched else (),
    )


@bp.route("/work-permit/status", methods=["GET", "POST"])
@limiter.limit(_attempt_limit, methods=["POST"])
@public
def status() -> ResponseReturnValue:
    form = StatusForm()
    if form.validate_on_submit():
        try:
            application = applications.get_application_result(
                number=form.number.data, date_of_birth=form.date_of_birth.data
            )
        except DomainError as error:
            form.form_errors.append(say(error.message))
        else:
            return _result(application)
    return render_template("worker/status.html", form=form)

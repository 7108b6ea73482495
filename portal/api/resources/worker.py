"""The worker's side, public like its pages (a worker has no account and no API key): check an
offer (number + passport number + date of birth), apply for the work permit, read the result
(application number + date of birth). The same services as the pages, and the same limits:
the pages' limit per address (RATELIMIT_WORKER_ATTEMPTS) and the failed checks counted in
the database per offer number and address, and per number (the same
verification.FailureLimits.from_config as the pages). Personal data only in POST bodies; no
Idempotency-Key (there is no key to own it): a repeated application is refused because the
offer is already matched."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from portal.access import public
from portal.api.docs import problems
from portal.api.errors import from_domain_error
from portal.api.problems import ApiProblem, word
from portal.api.rate_limits import worker_attempts
from portal.api.schemas.worker import (
    ApplicationRequest,
    ApplicationSchema,
    StatusRequest,
    VerificationRequest,
    VerificationSchema,
)
from portal.api.schemas.worker_examples import (
    APPLICATION_EXAMPLE,
    APPLY_EXAMPLE,
    VERIFIED_EXAMPLE,
)
from portal.api.walk import APPLICATION_STATUS, example_link
from portal.catalogue import say_stored
from portal.catalogue.labels import travel_document_label
from portal.i18n import current_language
from portal.services.actor import Actor
from portal.services.errors import DomainError
from portal.services.work_permits import applications, verification

blp = Blueprint("api_worker", __name__, description="The worker's side: check an offer, apply "
                "for the work permit, read the result. Public: no API key.")
PUBLIC: dict[str, Any] = {"security": []}
_NOT_VERIFIED = _l("We could not confirm an offer with these details. The offer number, your "
                   "passport number and your date of birth must all be exactly as your employer "
                   "entered them.")


def verified_body(offer: verification.VerifiedOffer) -> dict[str, Any]:
    lang = current_language()
    return {"number": offer.number, "employer": offer.operating_name,
            "job_title": offer.job_title, "noc_code": offer.noc_code,
            "noc_title": offer.noc_title(lang), "exemption_code": offer.exemption_code,
            "exemption_name": offer.exemption_name(lang), "work_province": offer.work_province,
            "start_date": offer.start_date, "status": str(offer.status),
            "fee_status": str(offer.fee_status)}


@blp.route("/worker/offer-verification", methods=["POST"])
@worker_attempts()
@blp.arguments(VerificationRequest, example={"number": "A1234567",
                                             "passport_number": "18AV12345",
                                             "date_of_birth": "1990-04-25"})
@blp.response(200, VerificationSchema, example=VERIFIED_EXAMPLE)
@problems(blp, 422, 429)
@blp.doc(summary="Check an offer number", description="All three values must be exactly as "
         "the employer entered them; any failure gives the same answer. Failed checks per "
         "offer number are limited (429, code verification.too_many_attempts).", **PUBLIC)
@public
def verify_offer(body: dict[str, Any]) -> Any:
    try:
        offer = verification.verify_offer(
            number=body["number"], passport_number=body["passport_number"],
            date_of_birth=body["date_of_birth"],
            secret=current_app.config["SECRET_KEY"].encode(), ip_address=request.remote_addr,
            limits=verification.FailureLimits.from_config(current_app.config))
    except verification.TooManyAttempts as error:
        raise ApiProblem(429, "verification.too_many_attempts", detail=word(error.message),
                         headers={"Retry-After": "3600"}) from error
    if offer is None:
        return {"verified": False, "message": str(_NOT_VERIFIED), "offer": None}
    return {"verified": True, "message": None, "offer": verified_body(offer)}


def application_body(application: Any) -> dict[str, Any]:
    return {
        "number": application.number, "status": str(application.status),
        "permit_type": str(application.permit_type), "code_key": application.code_key,
        "offer_number": application.offer.number if application.offer else None,
        "submitted_at": application.submitted_at, "decided_at": application.decided_at,
        "decision_document": application.decision_document,
        "decision_reason": application.decision_reason,
        "fee_lines": [{"key": line["key"], "label": say_stored(line["label"]),
                       "amount_cents": line["amount_cents"],
                       "exempt_reason": say_stored(line.get("exempt_reason")) or None}
                      for line in application.fee_lines],
        "fees_total_cents": application.fees_total_cents,
        "travel_document": application.travel_document,
        "travel_document_label": travel_document_label(application.travel_document),
        "travel_note": say_stored(application.travel_note) or None,
        "medical_exam": {"needed": application.medical_required,
                         "reasons": [say_stored(r) for r in application.medical_reasons]},
        "two_week_processing": {"eligible": application.gss_eligible,
                                "reasons": [say_stored(r) for r in application.gss_reasons]},
        "port_of_entry": {"eligible": application.poe_allowed,
                          "reasons": [say_stored(r) for r in application.poe_reasons]},
    }


@blp.route("/worker/work-permit-applications", methods=["POST"])
@worker_attempts()
@blp.arguments(ApplicationRequest, example=APPLY_EXAMPLE)
@blp.response(201, ApplicationSchema, example=APPLICATION_EXAMPLE)
@problems(blp, 409, 422, 429)
@blp.doc(responses={201: {"links": {
    "readTheApplicationStatus": example_link("applicationStatus", APPLICATION_STATUS)}}})
@blp.doc(summary="Apply for the work permit", description="An employer-specific application "
         "matches the offer only when the number is that of a pending offer and the passport "
         "number and citizenship are exactly those the employer entered (IRCC's rule). The "
         "answer holds the application number and what the rules computed: fees, travel "
         "document, medical exam, two-week processing, port of entry.", **PUBLIC)
@public
def apply(body: dict[str, Any]) -> Any:
    details = applications.ApplicationDetails.from_values(body, language=current_language())
    try:
        application = applications.submit_application(
            details=details, actor=Actor(user_id=None, ip_address=request.remote_addr))
    except DomainError as error:
        return from_domain_error(error)
    return application_body(application), 201


@blp.route("/worker/work-permit-applications/status", methods=["POST"])
@worker_attempts()
@blp.arguments(StatusRequest, example={"number": "W123456789", "date_of_birth": "1990-04-25"})
@blp.response(200, ApplicationSchema, example=APPLICATION_EXAMPLE)
@problems(blp, 404, 422, 429)
@blp.doc(summary="Read an application's result", description="By application number and "
         "date of birth (a POST: the date of birth never goes in the address). An unknown "
         "number and a wrong date of birth get the same 404.", **PUBLIC)
@public
def application_status(body: dict[str, Any]) -> Any:
    try:
        application = applications.get_application_result(
            number=body["number"], date_of_birth=body["date_of_birth"])
    except DomainError as error:
        return from_domain_error(error)
    return application_body(application)

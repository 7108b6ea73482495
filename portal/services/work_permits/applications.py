"""The worker's work permit step: submitting an application and reading its result.

Matching is IRCC's (domain.md 9.2): an employer-specific application matches an offer only when
the number is that of a pending offer AND the passport number AND the citizenship are exactly
equal to what the employer entered: raw string comparison, so case, spaces, hyphens and accents
all count (portal.rules.matching). As at IRCC, an application that does not match is still
accepted: it is submitted, not matched, and keeps the fields that differ (an unknown number:
offer_number; else passport_number and/or citizenship). The worker is told which field to
check, never what the offer holds; the administrator sees the mismatch in the decision queue.

Guarantees of `submit_application`:
- the application and the offer's pending -> matched change commit together or not at all;
- of two applications on the same pending number at the same moment exactly one matches
  (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE on the offer row; and the unique
  offer_id on the application as the last word);
- a withdrawn or matched offer, or one whose employer is banned or in default on a penalty, is
  refused with the reason
  (when the passport number and citizenship match it);
- every figure on the result comes from portal.rules (portal.rules.work_permit).

Decisions (approve / refuse) and the decision queue are in `work_permits.decisions`.
"""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import (
    ApplicationStatus,
    FeeStatus,
    Offer,
    OfferStatus,
    PermitType,
    WorkPermitApplication,
)
from portal.models.enums import AppliesFrom, Biometrics
from portal.rules import numbers
from portal.rules.matching import work_permit_mismatch
from portal.rules.messages import Message, Sentences
from portal.rules.noc import teer_of
from portal.rules.work_permit import (
    Assessment,
    AssessmentInput,
    assess,
    resided,
)
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.compliance.standing import get_standing
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.offers.lifecycle import mark_matched
from portal.services.work_permits.details import ApplicationDetails, check_shape
from portal.services.work_permits.messages import notify_employer

__all__ = [
    "NOT_MATCHED_INTRO",
    "ApplicationDetails",
    "get_application_result",
    "get_submitted_application",
    "not_matched_messages",
    "submit_application",
]

_sysrandom = secrets.SystemRandom()

def _locked_offer(number: str) -> Offer | None:
    return db.session.scalar(
        select(Offer)
        .where(Offer.number == number)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def _check_offer(
    offer: Offer | None, details: ApplicationDetails
) -> tuple[Offer | None, tuple[str, ...]]:
    """The offer this application matches and no mismatch, or no offer and the fields that
    differ. Raises Conflict for a matching offer that cannot be used."""
    if offer is None or offer.status == OfferStatus.DRAFT:
        return None, ("offer_number",)
    differ = work_permit_mismatch(
        offer_passport_number=offer.worker_passport_number,
        offer_citizenship=offer.worker_citizenship,
        passport_number=details.passport_number,
        citizenship=details.citizenship,
    )
    if differ:
        return None, differ
    if offer.status == OfferStatus.WITHDRAWN:
        raise Conflict(
            Message.of("application.offer_withdrawn"),
            field="offer_number",
        )
    if offer.status == OfferStatus.MATCHED:
        raise Conflict(
            Message.of("application.offer_used"),
            field="offer_number",
        )
    standing = get_standing(employer_id=offer.employer_id, on=clock.today())
    if standing.banned:
        raise Conflict(
            Message.of("application.employer_banned"),
            field="offer_number",
        )
    if standing.in_default:
        raise Conflict(
            Message.of("application.employer_in_default"),
            field="offer_number",
        )
    return offer, ()


def _new_number() -> str:
    while True:
        number = numbers.new_application_number(_sysrandom)
        taken = db.session.scalar(
            select(WorkPermitApplication.id).where(WorkPermitApplication.number == number)
        )
        if taken is None:
            return number


def submit_application(*, details: ApplicationDetails, actor: Actor) -> WorkPermitApplication:
    """Record the worker's application and, when employer-specific, match it to the offer in
    the same transaction. Commits once. Returns the application (status submitted).

    An application that matches no offer is recorded unmatched (`mismatch` names the fields).
    Raises DomainError (field named) for bad values, Conflict (field offer_number) for a
    withdrawn, already matched or banned-employer offer,
    DomainError on field applies_from when the rules do not allow a port-of-entry application.
    """
    check_shape(details)
    try:
        with write_transaction():
            application = _record(details, actor)
    except IntegrityError as error:
        # Only the unique offer_id can collide here: another application matched it first.
        raise Conflict(
            Message.of("application.offer_used_concurrently"),
            field="offer_number",
        ) from error
    return application


def _record(details: ApplicationDetails, actor: Actor) -> WorkPermitApplication:
    """The application, matched to its offer when employer-specific, audited and announced
    (inside the caller's write transaction)."""
    offer: Offer | None = None
    mismatch: tuple[str, ...] = ()
    if details.permit_type == PermitType.EMPLOYER_SPECIFIC:
        offer, mismatch = _check_offer(_locked_offer(details.offer_number or ""), details)
    application = _build(details, offer)
    if details.permit_type == PermitType.EMPLOYER_SPECIFIC:
        application.offer_number = details.offer_number
        application.mismatch = ",".join(mismatch) or None
    if offer is not None:
        mark_matched(offer=offer, actor=actor)
    db.session.add(application)
    db.session.flush()
    audit.record(
        "work_permit.submitted",
        actor=actor,
        employer_id=offer.employer_id if offer is not None else None,
        object_type="work_permit_application",
        object_id=application.id,
        details={
            "number": application.number,
            "permit_type": application.permit_type,
            "offer_number": offer.number if offer is not None else None,
            "mismatch": application.mismatch,
        },
    )
    if offer is not None:
        notify_employer(
            offer=offer,
            kind="offer_matched",
            context={"offer_number": offer.number, "application_number": application.number},
        )
    return application


def _assess(
    details: ApplicationDetails, offer: Offer | None, code: str | None, noc: str | None
) -> Assessment:
    """The rules' assessment of the application (fees, travel document, medical exam, two-week
    processing, port of entry), with what the matched offer adds."""
    teer = (offer.teer if offer.teer is not None else teer_of(noc)) if offer else teer_of(noc)
    return assess(
        AssessmentInput(
            permit_type=details.permit_type,
            code=code,
            citizenship=details.citizenship,
            applies_from=details.applies_from,
            in_canada_now=details.in_canada_now,
            biometrics=details.biometrics,
            upfront_medical=details.upfront_medical,
            family_size=details.family_size,
            date_of_birth=details.date_of_birth,
            today=clock.today(),
            noc_code=noc,
            teer=teer,
            resided_countries=resided((details.residence_country, details.lived_country)),
            stay_months=details.stay_months,
            offer_fee_settled=offer is not None
            and offer.fee_status in (FeeStatus.PAID, FeeStatus.EXEMPT),
            offer_answers=offer.answers if offer is not None else None,
            us_permanent_resident=details.us_permanent_resident,
        )
    )


def _build(details: ApplicationDetails, offer: Offer | None) -> WorkPermitApplication:
    if offer is not None:
        code, noc = offer.code_key, offer.noc_code
    else:
        code = details.open_code if details.permit_type == PermitType.OPEN else None
        noc = details.noc_code or None
    result = _assess(details, offer, code, noc)
    if details.applies_from == AppliesFrom.PORT_OF_ENTRY and not result.port_of_entry.eligible:
        reasons = Sentences(result.port_of_entry.reasons)
        raise DomainError(
            Message.of("application.port_of_entry_refused", reasons=reasons),
            field="applies_from",
        )
    return WorkPermitApplication(
        number=_new_number(),
        permit_type=PermitType(details.permit_type),
        status=ApplicationStatus.SUBMITTED,
        offer_id=offer.id if offer is not None else None,
        code_key=code,
        noc_code=noc,
        family_name=details.family_name,
        given_names=details.given_names or None,
        date_of_birth=details.date_of_birth,
        citizenship=details.citizenship,
        passport_number=details.passport_number,
        passport_expiry=details.passport_expiry,
        passport_issue_date=details.passport_issue_date,
        residence_country=details.residence_country,
        lived_country=details.lived_country or None,
        language=details.language if details.language in ("en", "fr") else "en",
        applies_from=AppliesFrom(details.applies_from),
        in_canada_now=details.in_canada_now,
        biometrics=Biometrics(details.biometrics),
        upfront_medical=details.upfront_medical,
        family_size=details.family_size,
        stay_months=details.stay_months,
        fee_lines=[line.to_json() for line in result.fee_lines],
        fees_total_cents=result.fees_total_cents,
        travel_document=str(result.travel.document),
        travel_note=result.travel.note.to_json() if result.travel.note else None,
        medical_required=result.medical.required,
        medical_reasons=result.medical.to_json(),
        gss_eligible=result.gss.eligible,
        gss_reasons=result.gss.to_json(),
        poe_allowed=result.port_of_entry.eligible,
        poe_reasons=result.port_of_entry.to_json(),
        submitted_at=clock.now(),
    )


_NOT_MATCHED = {
    "offer_number": Message.of("application.not_matched.offer_number"),
    "passport_number": Message.of("application.not_matched.passport_number"),
    "citizenship": Message.of("application.not_matched.citizenship"),
}
NOT_MATCHED_INTRO = (Message.of("application.not_matched"), Message.of("application.mismatch"))


def not_matched_messages(application: WorkPermitApplication) -> list[tuple[str, Message]]:
    """What the worker should check, per field that did not match (never what the offer
    holds): empty for a matched application."""
    return [(name, _NOT_MATCHED[name]) for name in application.mismatched_fields
            if name in _NOT_MATCHED]


def get_application_result(*, number: str, date_of_birth: date | None) -> WorkPermitApplication:
    """The application with this number when the date of birth is its own. Raises NotFound,
    with the same message for an unknown number and a wrong date of birth."""
    application = None
    number = (number or "").strip().upper()  # w078895577 is W078895577
    if numbers.is_application_number(number) and date_of_birth is not None:
        application = db.session.scalar(
            select(WorkPermitApplication).where(WorkPermitApplication.number == number)
        )
    if application is None or application.date_of_birth != date_of_birth:
        raise NotFound(
            Message.of("application.result_not_found")
        )
    return application


def get_submitted_application(*, application_id: int) -> WorkPermitApplication:
    """The application this browser just submitted (the caller keeps its id in the signed
    session, never in the URL). Raises NotFound."""
    application = db.session.get(WorkPermitApplication, application_id)
    if application is None:
        raise NotFound(Message.of("application.not_found"))
    return application

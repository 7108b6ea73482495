"""A demo offer an administrator can inspect straight away (issue 19): the first demo
employer's submitted offer whose job began three months ago and whose worker's employer-specific
work permit the demo administrator approved, so it is in an inspection's scope (six-year window).

Built through the services a user's actions go through (draft, sections, the test card, the
worker's application, the officer's decision), once: a later run finds the approved permit and
does nothing. The worker is fictional; no password is involved.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ApplicationStatus, Offer, WorkPermitApplication
from portal.services.actor import Actor
from portal.services.offers.drafts import ATTESTATION_IDS, create_draft, save_section
from portal.services.offers.submission import pay_and_submit
from portal.services.work_permits.applications import ApplicationDetails, submit_application
from portal.services.work_permits.decisions import decide_application

DEMO_CARD = "4242424242424242"  # the simulator's test card that pays
FAMILY_NAME, GIVEN_NAMES, BORN = "Okafor", "Chinwe Ada", date(1991, 3, 14)
PASSPORT, PASSPORT_EXPIRY = "A09876543", date(2033, 6, 30)
WORKER = {
    "worker_family_name": FAMILY_NAME, "worker_given_names": GIVEN_NAMES, "worker_sex": "F",
    "worker_date_of_birth": BORN, "worker_country_of_birth": "NG",
    "worker_citizenship": "NG", "worker_residence_country": "NG",
    "worker_passport_number": PASSPORT, "worker_passport_expiry": PASSPORT_EXPIRY,
}


def _has_inspectable_offer(employer_id: int) -> bool:
    return db.session.scalar(
        select(WorkPermitApplication.id)
        .join(Offer, WorkPermitApplication.offer_id == Offer.id)
        .where(Offer.employer_id == employer_id,
               WorkPermitApplication.status == ApplicationStatus.APPROVED).limit(1)) is not None


def _submitted_offer(employer: Actor, starts: date) -> Offer:
    offer = create_draft(actor=employer)
    save_section(offer_id=offer.id, actor=employer, section="code", values={
        "code_key": "C10", "answers": {},
        "explanation": "The developer brings significant economic benefit to Canada.",
    })
    save_section(offer_id=offer.id, actor=employer, section="worker", values=WORKER)
    save_section(offer_id=offer.id, actor=employer, section="job", values={
        "job_title": "Software developer", "noc_code": "21232",
        "duties": "Design, write and test software for the company's clients.",
        "start_date": starts, "end_date": starts + timedelta(days=730), "full_time": True,
        "locations": [{"address_line1": "100 Queen Street", "city": "Ottawa",
                       "province": "ON", "postal_code": "K1P 1J9"}],
    })
    save_section(offer_id=offer.id, actor=employer, section="wages",
                 values={"wage_cents": 5200, "wage_unit": "hour", "hours_per_week": 37})
    save_section(offer_id=offer.id, actor=employer, section="attestations",
                 values={"attestations": list(ATTESTATION_IDS)})
    pay_and_submit(offer_id=offer.id, actor=employer, card_number=DEMO_CARD,
                   idempotency_key="demo-inspectable-offer-" + str(offer.id).rjust(10, "0"))
    submitted = db.session.get(Offer, offer.id)
    assert submitted is not None and submitted.number is not None
    return submitted


def seed_inspectable_offer(*, employer_id: int, user_id: int, admin_id: int) -> None:
    """Give the employer an offer in an inspection's scope, unless it has one already."""
    if _has_inspectable_offer(employer_id):
        return
    offer = _submitted_offer(Actor(user_id=user_id, employer_id=employer_id),
                             clock.today() - timedelta(days=90))
    application = submit_application(details=ApplicationDetails(
        permit_type="employer_specific", offer_number=offer.number, open_code=None,
        family_name=FAMILY_NAME, given_names=GIVEN_NAMES, date_of_birth=BORN,
        citizenship="NG", passport_number=PASSPORT, passport_expiry=PASSPORT_EXPIRY,
        residence_country="NG",
        lived_country=None, applies_from="outside", in_canada_now=False,
        biometrics="within_14_days", upfront_medical=False, family_size=1, stay_months=24,
        noc_code=None,
    ), actor=Actor(user_id=None))
    decide_application(application_id=application.id, approve=True, reason="",
                       actor=Actor(user_id=admin_id, is_admin=True))

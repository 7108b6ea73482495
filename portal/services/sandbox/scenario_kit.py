"""What the named scenarios are built from (portal.services.sandbox.scenarios): a scenario's
employer, found again by its fixed business number; its sign-ins (demo.upsert_user: a fresh
password each load, printed once, stored nowhere); and an offer taken through the services a
user's actions go through (draft, sections, the test card, the worker's application).

Every worker and business here is fictional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from portal.extensions import db
from portal.models import BusinessType, Employer, Offer, Role, User, WorkPermitApplication
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.offers.drafts import ATTESTATION_IDS, create_draft, save_section
from portal.services.offers.submission import pay_and_submit
from portal.services.sandbox.demo import DemoAccount, upsert_user
from portal.services.sandbox.demo_offer import DEMO_CARD
from portal.services.work_permits.applications import ApplicationDetails, submit_application


@dataclass(frozen=True)
class ScenarioEmployer:
    """A scenario's employer: the business number and the primary user's email are fixed, so a
    second load finds what the first made."""

    business_number: str
    legal_name: str
    email: str
    contact_name: str
    city: str = "Toronto"
    province: str = "ON"
    postal_code: str = "M5H 2N2"
    business_type: BusinessType = BusinessType.CORPORATION
    extra: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> dict[str, Any]:
        return {
            "legal_name": self.legal_name, "operating_name": self.legal_name,
            "business_number": self.business_number, "business_type": self.business_type,
            "address_line1": "200 Bay Street", "address_line2": "", "city": self.city,
            "province": self.province, "postal_code": self.postal_code,
            "phone": "416-555-0170", "contact_name": self.contact_name,
            "contact_email": self.email, "contact_job_title": "Human resources manager",
            "contact_phone": "416-555-0171", "employees_in_canada": 40,
            "gross_annual_revenue_cents": 450_000_000,
            "business_started_on": date(2012, 2, 1),
            "principal_activity": "Professional services", **self.extra,
        }


def find_employer(business_number: str) -> Employer | None:
    return db.session.scalar(
        select(Employer).where(Employer.business_number == business_number))


def ensure_employer(spec: ScenarioEmployer) -> tuple[Employer, DemoAccount, bool]:
    """The employer and its primary user's sign-in (a fresh password); True when made now.
    Runs inside the caller's write transaction."""
    employer = find_employer(spec.business_number)
    made = employer is None
    if employer is None:
        employer = Employer(**spec.columns())
        db.session.add(employer)
        db.session.flush()
        audit.record("employer.registered", actor=Actor.system(), employer_id=employer.id,
                     object_type="employer", object_id=employer.id,
                     details={"scenario": True})
    account = upsert_user(spec.email, spec.contact_name, Role.EMPLOYER_PRIMARY, employer)
    db.session.flush()
    return employer, account, made


def acting_as(email: str) -> Actor:
    """The actor of a scenario user acting for their own employer."""
    user = db.session.scalar(select(User).where(User.email == email))
    assert user is not None and user.employer_id is not None
    return Actor(user_id=user.id, employer_id=user.employer_id)


@dataclass(frozen=True)
class ScenarioWorker:
    family_name: str
    given_names: str
    born: date
    citizenship: str
    passport: str
    passport_expiry: date = date(2034, 5, 31)
    sex: str = "F"

    def section(self) -> dict[str, Any]:
        return {
            "worker_family_name": self.family_name, "worker_given_names": self.given_names,
            "worker_sex": self.sex, "worker_date_of_birth": self.born,
            "worker_country_of_birth": self.citizenship,
            "worker_citizenship": self.citizenship,
            "worker_residence_country": self.citizenship,
            "worker_passport_number": self.passport,
            "worker_passport_expiry": self.passport_expiry,
        }


def job_section(starts: date, *, title: str = "Software developer", noc: str = "21232",
                days: int = 730, province: str = "ON") -> dict[str, Any]:
    return {
        "job_title": title, "noc_code": noc,
        "duties": "Design, write and test software for the company's clients.",
        "start_date": starts, "end_date": starts + timedelta(days=days), "full_time": True,
        "locations": [{"address_line1": "200 Bay Street", "city": "Toronto",
                       "province": province, "postal_code": "M5H 2N2"}],
    }


def draft_offer(actor: Actor, sections: dict[str, dict[str, Any]]) -> Offer:
    """A draft with these sections saved, each through the offer form's service."""
    offer = create_draft(actor=actor)
    for name, values in sections.items():
        save_section(offer_id=offer.id, actor=actor, section=name, values=values)
    return offer


def complete_sections(worker: ScenarioWorker, starts: date) -> dict[str, dict[str, Any]]:
    return {
        "code": {"code_key": "C10", "answers": {},
                 "explanation": "The developer brings significant economic benefit to Canada."},
        "worker": worker.section(),
        "job": job_section(starts),
        "wages": {"wage_cents": 5200, "wage_unit": "hour", "hours_per_week": 37},
        "attestations": {"attestations": list(ATTESTATION_IDS)},
    }


def submitted_offer(actor: Actor, worker: ScenarioWorker, starts: date, key: str) -> Offer:
    """A complete offer paid with the test card and submitted (pending)."""
    offer = draft_offer(actor, complete_sections(worker, starts))
    pay_and_submit(offer_id=offer.id, actor=actor, card_number=DEMO_CARD,
                   idempotency_key=f"scenario-{key}-" + str(offer.id).rjust(10, "0"))
    submitted = db.session.get(Offer, offer.id)
    assert submitted is not None and submitted.number is not None
    return submitted


def worker_applies(offer: Offer, worker: ScenarioWorker) -> WorkPermitApplication:
    """The worker takes the work permit step with the offer's number (it matches)."""
    assert offer.number is not None
    return submit_application(details=ApplicationDetails(
        permit_type="employer_specific", offer_number=offer.number, open_code=None,
        family_name=worker.family_name, given_names=worker.given_names,
        date_of_birth=worker.born, citizenship=worker.citizenship,
        passport_number=worker.passport, passport_expiry=worker.passport_expiry,
        residence_country=worker.citizenship, lived_country=None, applies_from="outside",
        in_canada_now=False, biometrics="within_14_days", upfront_medical=False,
        family_size=1, stay_months=24, noc_code=None,
    ), actor=Actor(user_id=None))

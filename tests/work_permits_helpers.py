"""Helpers for the work permit tests: the worker (no account), an application's details, and the
same as the worker's form posts them."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from portal.services.actor import Actor
from portal.services.work_permits.applications import ApplicationDetails

WORKER = Actor(user_id=None, ip_address="192.0.2.7")


def details_for(offer, **changes) -> ApplicationDetails:
    base = ApplicationDetails(
        permit_type="employer_specific",
        offer_number=offer.number if offer is not None else None,
        open_code=None,
        family_name="Rivera",
        given_names="Ana",
        date_of_birth=date(1990, 4, 25),
        citizenship=offer.worker_citizenship if offer is not None else "US",
        passport_number=offer.worker_passport_number if offer is not None else "P1",
        passport_expiry=date(2034, 1, 1),
        residence_country=offer.worker_citizenship if offer is not None else "US",
        lived_country=None,
        applies_from="outside",
        in_canada_now=False,
        biometrics="within_14_days",
        upfront_medical=False,
        family_size=1,
        stay_months=24,
        noc_code=None,
    )
    return dataclasses.replace(base, **changes)


DOB = "1990-04-25"


def apply_form(offer, **changes):
    data = {
        "permit_type": "employer_specific",
        "offer_number": offer.number if offer is not None else "",
        "open_code": "",
        "noc_code": "",
        "stay_months": "24",
        "family_name": "Rivera",
        "given_names": "Ana",
        "date_of_birth": DOB,
        "citizenship": offer.worker_citizenship if offer is not None else "US",
        "passport_number": offer.worker_passport_number if offer is not None else "P1",
        "passport_expiry": "2034-01-01",
        "residence_country": "US",
        "lived_country": "",
        "family_size": "1",
        "applies_from": "outside",
        "biometrics": "within_14_days",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def exempt_employer(name: str = "Embassy of Norway"):
    """An employer the administrators exempted from the compliance regime (the "Other" type)."""
    from datetime import date

    from portal.extensions import db
    from portal.models import ComplianceExemption
    from portal.models.enums import ExemptionCategory
    from tests.factories import EmployerFactory

    employer: Any = EmployerFactory(legal_name=name, operating_name=name)
    db.session.add(ComplianceExemption(
        employer_id=employer.id, category=ExemptionCategory.DIPLOMATIC_OR_CONSULAR_MISSION,
        legal_basis="R209.9(b)", effective_date=date(2020, 1, 1)))
    db.session.commit()
    return employer

"""Made-up employers for the journeys: valid, unique business numbers and emails.

User data avoids English words on purpose (French place and family names), so the
untranslated-text check never mistakes it for interface text.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from stdnum import luhn

_serial = itertools.count(1)
SHORT_PASSWORD = "violon-prisme1"  # 14 characters: one short of the minimum
PASSWORD = "cactus-violon-marée-prisme-17"


def business_number() -> str:
    """A 9-digit BN that passes the CRA check digit (Luhn), unlike the demo ones."""
    while True:
        base = f"{random.randrange(10_000_000, 99_999_999):08d}"
        number = base + luhn.calc_check_digit(base)
        if number not in {"123456782", "100000009"}:
            return number


@dataclass(frozen=True)
class NewEmployer:
    legal_name: str
    operating_name: str
    business_number: str
    business_type: str = "corporation"
    address_line1: str = "1200 rue Sainte-Catherine"
    city: str = "Montréal"
    province: str = "QC"
    postal_code: str = "H3B 1K9"
    phone: str = "514-555-0199"
    contact_name: str = "Nadia Tremblay"
    full_name: str = "Nadia Tremblay"
    email: str = ""
    password: str = PASSWORD
    # The business details the profile asks after registration (issue 13 item 27).
    employees_in_canada: str = "12"
    gross_annual_revenue: str = "850000"
    business_started_on: str = "2009-05-01"
    principal_activity: str = "Acériculture et transformation du sirop d'érable"
    contact_job_title: str = "Directrice générale"
    contact_phone: str = "514-555-0142"

    @classmethod
    def make(cls, tag: str) -> NewEmployer:
        n = next(_serial)
        suffix = f"{random.randrange(10**6):06d}{n}"
        return cls(
            legal_name=f"Érablière Tremblay {suffix} Inc.",
            operating_name=f"Érablière Tremblay {suffix}",
            business_number=business_number(),
            email=f"nadia.{tag}.{suffix}@example.com",
        )

    def typed_values(self) -> tuple[str, ...]:
        return (self.legal_name, self.operating_name, self.address_line1, self.city,
                self.postal_code, self.phone, self.contact_name, self.full_name, self.email,
                self.principal_activity, self.contact_job_title, self.contact_phone)


@dataclass(frozen=True)
class ForeignWorker:
    """The worker named in an offer, and who later applies with its number (a French citizen
    applying from outside Canada, for a Francophone mobility job in Ontario)."""

    family_name: str
    given_names: str
    passport_number: str
    date_of_birth: str = "1991-06-14"
    passport_expiry: str = "2033-02-28"
    sex: str = "F"
    citizenship: str = "FR"
    country_of_birth: str = "FR"
    residence_country: str = "FR"

    @classmethod
    def make(cls) -> ForeignWorker:
        return cls(
            family_name="Lefebvre-Duchesne",
            given_names=random.choice(("Élodie", "Margaux", "Solène", "Inès")),
            passport_number=f"{random.randrange(10, 99)}FR{random.randrange(10**5, 10**6)}",
        )

    def typed_values(self) -> tuple[str, ...]:
        return (self.family_name, self.given_names, self.passport_number, self.date_of_birth,
                self.passport_expiry)

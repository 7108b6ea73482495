"""factory_boy factories for the models. Each call commits, as a real use case would."""

from __future__ import annotations

import random
from datetime import date

import factory
from stdnum import luhn

from portal import clock, passwords
from portal.extensions import db
from portal.models import (
    BusinessType,
    Employer,
    FeeStatus,
    Offer,
    OfferLocation,
    OfferStatus,
    Payment,
    PaymentResult,
    Role,
    User,
)
from tests.conftest import TEST_PASSWORD

_TEST_HASH = passwords.hash_password(TEST_PASSWORD)
_rng = random.Random(20261124)


def valid_business_number() -> str:
    """A random 9-digit number that passes the CRA checksum (Luhn)."""
    body = f"{_rng.randrange(10**7, 10**8):08d}"
    return body + luhn.calc_check_digit(body)


class BaseFactory(factory.alchemy.SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "commit"


class EmployerFactory(BaseFactory):
    class Meta:
        model = Employer

    legal_name = factory.Sequence(lambda n: f"Test Business {n} Inc.")
    operating_name = factory.Sequence(lambda n: f"Test Business {n}")
    business_number = factory.LazyFunction(valid_business_number)
    business_type = BusinessType.CORPORATION
    address_line1 = "100 Queen Street"
    address_line2 = ""
    city = "Ottawa"
    province = "ON"
    postal_code = "K1P 1J9"
    phone = "613-555-0100"
    contact_name = "Pat Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.com")
    contact_job_title = "Human resources manager"
    contact_phone = "613-555-0101"
    employees_in_canada = 25
    gross_annual_revenue_cents = 125_000_000
    business_started_on = date(2015, 4, 1)
    principal_activity = "Software development"


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password_hash = _TEST_HASH
    role = Role.EMPLOYER_PRIMARY
    employer = factory.SubFactory(EmployerFactory)
    preferred_language = "en"
    email_confirmed_at = factory.LazyFunction(clock.now)  # confirmed; pass None for a new account


class AdminFactory(UserFactory):
    role = Role.ADMIN
    employer = None  # type: ignore[assignment]  # an admin has no employer (no SubFactory)


class OfferFactory(BaseFactory):
    """A submitted (pending) offer with its number, its work location and, unless
    `fee_status` is exempt, a successful $230 payment (so refunds can be tested)."""

    class Meta:
        model = Offer
        exclude = ("employer",)

    employer = factory.SubFactory(EmployerFactory)
    employer_id = factory.SelfAttribute("employer.id")
    number = factory.Sequence(lambda n: f"A{4_000_000 + n:07d}")
    status = OfferStatus.PENDING
    code_key = "T36"
    answers = factory.LazyFunction(dict)
    explanation = "The worker meets the CUSMA professional requirements."
    worker_family_name = "Rivera"
    worker_given_names = "Ana"
    worker_sex = "F"
    worker_date_of_birth = date(1990, 4, 25)
    worker_country_of_birth = "US"
    worker_citizenship = "US"
    worker_residence_country = "US"
    worker_passport_number = factory.Sequence(lambda n: f"P{50_000_000 + n}")
    worker_passport_expiry = date(2034, 1, 1)
    job_title = "Software engineer"
    noc_code = "21231"
    teer = 1
    duties = "Design and build software."
    start_date = date(2027, 3, 1)
    end_date = date(2029, 2, 28)
    wage_cents = 5500
    wage_unit = "hour"
    fee_status = FeeStatus.PAID
    submitted_at = factory.LazyFunction(clock.now)

    @factory.post_generation
    def settle(obj, create, extracted, **kwargs):
        if not create:
            return
        db.session.add(OfferLocation(offer_id=obj.id, position=1, address_line1="1 Main Street",
                                     city="Ottawa", province=kwargs.get("province", "ON"),
                                     postal_code="K1P 1J9"))
        if obj.fee_status in (FeeStatus.PAID, FeeStatus.REFUNDED):
            db.session.add(Payment(
                offer_id=obj.id, amount_cents=23_000, card_brand="visa", card_last4="4242",
                result=PaymentResult.SUCCEEDED, receipt_number=f"R{obj.id:010d}",
                idempotency_key=f"offer-factory-{obj.id}", paid_by_user_id=None,
            ))
        db.session.commit()
        db.session.refresh(obj)

"""factory_boy factories for the models. Each call commits, as a real use case would."""

from __future__ import annotations

import random

import factory
from stdnum import luhn

from portal import passwords
from portal.extensions import db
from portal.models import BusinessType, Employer, Role, User
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


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password_hash = _TEST_HASH
    role = Role.EMPLOYER_PRIMARY
    employer = factory.SubFactory(EmployerFactory)
    preferred_language = "en"


class AdminFactory(UserFactory):
    role = Role.ADMIN
    employer = None

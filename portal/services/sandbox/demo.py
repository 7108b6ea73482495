"""Demo data for development and training: employers, their users and an administrator.

Idempotent: records are created once and found again on later runs; passwords are generated
afresh each run (so none is written anywhere) and returned for printing.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from portal import clock, passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import BusinessType, Employer, Role, User
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.sandbox.demo_offer import seed_inspectable_offer

DEMO_EMPLOYERS: tuple[dict[str, Any], ...] = (  # Employer columns, and the employer's users
    {
        "legal_name": "Maple Software Solutions Inc.",
        "operating_name": "Maple Software",
        "business_number": "123456782",
        "business_type": BusinessType.CORPORATION,
        "address_line1": "100 Queen Street",
        "address_line2": "Suite 500",
        "city": "Ottawa",
        "province": "ON",
        "postal_code": "K1P 1J9",
        "phone": "613-555-0100",
        "contact_name": "Alex Martin",
        "contact_email": "demo@example.com",
        "contact_job_title": "Director of engineering",
        "contact_phone": "613-555-0101",
        "employees_in_canada": 85,
        "gross_annual_revenue_cents": 1_250_000_000,
        "business_started_on": dt.date(2009, 5, 4),
        "principal_activity": "Software development and IT consulting",
        "users": (("demo@example.com", "Alex Martin", Role.EMPLOYER_PRIMARY),),
    },
    {
        "legal_name": "Boulangerie Acadienne Ltée",
        "operating_name": "Boulangerie Acadienne",
        "business_number": "100000009",
        "business_type": BusinessType.CORPORATION,
        "address_line1": "25 rue Main",
        "address_line2": "",
        "city": "Moncton",
        "province": "NB",
        "postal_code": "E1C 1B9",
        "phone": "506-555-0142",
        "contact_name": "Chantal LeBlanc",
        "contact_email": "demo2@example.com",
        "contact_job_title": "Propriétaire-gérante",
        "contact_phone": "506-555-0143",
        "employees_in_canada": 14,
        "gross_annual_revenue_cents": 98_000_000,
        "business_started_on": dt.date(1998, 9, 15),
        "principal_activity": "Boulangerie et pâtisserie",
        "mailing_address_line1": "C.P. 1234",
        "mailing_city": "Dieppe",
        "mailing_province": "NB",
        "mailing_postal_code": "E1A 1P9",
        "users": (("demo2@example.com", "Chantal LeBlanc", Role.EMPLOYER_PRIMARY),),
    },
)
DEMO_ADMIN = ("admin@example.com", "Demo Administrator")


@dataclass(frozen=True)
class DemoAccount:
    label: Message  # what the account is, worded by the catalogue (the page's language)
    email: str
    password: str


def _new_password() -> str:
    return "-".join(secrets.token_urlsafe(4) for _ in range(4))


def upsert_user(email: str, name: str, role: Role, employer: Employer | None) -> DemoAccount:
    password = _new_password()
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(email=email, full_name=name, role=role, employer=employer, password_hash="")
        db.session.add(user)
    else:
        user.session_version += 1  # a new password ends the old demo sessions
    user.password_hash = passwords.hash_password(password)
    if user.email_confirmed_at is None:  # demo addresses are the simulator's own
        user.email_confirmed_at = clock.now()
    label = (
        Message.of("sandbox.account.admin") if role == Role.ADMIN or employer is None
        else Message.of("sandbox.account.employer", employer=employer.operating_name)
    )
    return DemoAccount(label=label, email=email, password=password)


def seed() -> list[DemoAccount]:
    with write_transaction():
        made: list[DemoAccount] = []
        for data in DEMO_EMPLOYERS:
            fields = {k: v for k, v in data.items() if k != "users"}
            employer = db.session.scalar(
                select(Employer).where(Employer.business_number == fields["business_number"])
            )
            if employer is None:
                employer = Employer(**fields)
                db.session.add(employer)
                db.session.flush()
                audit.record(
                    "employer.registered", actor=Actor.system(), employer_id=employer.id,
                    object_type="employer", object_id=employer.id, details={"demo": True},
                )
            else:  # seeded before the business details existed (migration 0024): add them
                for key, value in fields.items():
                    if getattr(employer, key) is None:
                        setattr(employer, key, value)
            for email, name, role in data["users"]:
                made.append(upsert_user(email, name, role, employer))
        made.append(upsert_user(*DEMO_ADMIN, Role.ADMIN, None))
    _seed_inspectable_offer()
    return made


def _seed_inspectable_offer() -> None:
    """The first demo employer gets an offer an administrator can inspect (demo_offer)."""
    first = DEMO_EMPLOYERS[0]
    employer_user = db.session.scalar(select(User).where(User.email == first["users"][0][0]))
    admin = db.session.scalar(select(User).where(User.email == DEMO_ADMIN[0]))
    assert employer_user is not None and employer_user.employer_id is not None
    assert admin is not None
    seed_inspectable_offer(employer_id=employer_user.employer_id, user_id=employer_user.id,
                           admin_id=admin.id)

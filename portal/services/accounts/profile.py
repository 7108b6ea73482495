"""Employers: reading and editing the business profile.

Guarantees: the business number never changes after registration; only the employer's primary
user (or an administrator) may edit; every change is audited with the names of the fields
changed (not their values, which may be personal).
"""

from __future__ import annotations

from typing import Any

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Employer
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Forbidden, NotFound

EDITABLE_FIELDS = (
    "legal_name",
    "operating_name",
    "business_type",
    "address_line1",
    "address_line2",
    "city",
    "province",
    "postal_code",
    "phone",
    "contact_name",
    "contact_email",
    "contact_job_title",
    "contact_phone",
    "employees_in_canada",
    "gross_annual_revenue_cents",
    "business_started_on",
    "principal_activity",
    "mailing_address_line1",
    "mailing_address_line2",
    "mailing_city",
    "mailing_province",
    "mailing_postal_code",
)
# What an offer cannot be submitted without, beyond what registration asks (the review lists
# the missing ones with a link to the profile: portal.services.offers.review).
REQUIRED_FOR_OFFERS = (
    "employees_in_canada",
    "gross_annual_revenue_cents",
    "business_started_on",
    "principal_activity",
    "contact_job_title",
    "contact_phone",
)


def get_employer(*, employer_id: int | None, actor: Actor) -> Employer:
    """The employer, if the actor belongs to it or is an administrator. Raises NotFound (also
    for no employer at all: an actor who acts for none)."""
    if employer_id is None or (not actor.is_admin and actor.employer_id != employer_id):
        raise NotFound(Message.of("employer.not_found"))
    employer = db.session.get(Employer, employer_id)
    if employer is None:
        raise NotFound(Message.of("employer.not_found"))
    return employer


def update_profile(
    *, employer_id: int, actor: Actor, is_primary: bool, changes: dict[str, Any]
) -> Employer:
    """Apply profile changes. Raises NotFound, Forbidden (not the primary user)."""
    get_employer(employer_id=employer_id, actor=actor)
    if not (is_primary or actor.is_admin):
        raise Forbidden(Message.of("profile.primary_only"))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with write_transaction():
        employer = db.session.get(Employer, employer_id)
        assert employer is not None
        changed = sorted(k for k, v in changes.items() if getattr(employer, k) != v)
        for key in changed:
            setattr(employer, key, changes[key])
        if changed:
            employer.updated_at = clock.now()
            audit.record(
                "employer.profile_updated",
                actor=actor,
                employer_id=employer.id,
                object_type="employer",
                object_id=employer.id,
                details={"fields": changed},
            )
    return employer

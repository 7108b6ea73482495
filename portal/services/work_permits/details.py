"""What the worker typed on the work permit step, as typed (the form only trims surrounding
spaces), and the checks of its shape and of the family rules made before anything is written.

The family open work permit rules of 2025 (portal.rules.family) are checked here, on the
answers about the principal worker or student; every finding is reported in one round, each
on its own field (services.errors.InvalidFields).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from datetime import date
from typing import Any

from portal import clock
from portal.models import PermitType
from portal.models.enums import AppliesFrom, Biometrics
from portal.rules import dates, numbers
from portal.rules.family import FamilyFacts, family_findings
from portal.rules.messages import Message
from portal.rules.work_permit import is_open_permit_code
from portal.services.errors import DomainError, InvalidFields
from portal.services.work_permits.other_permits import check_exempt_employer


@dataclass(frozen=True)
class ApplicationDetails:
    """What the worker typed, as typed (the form only trims surrounding spaces)."""

    permit_type: str
    offer_number: str | None
    open_code: str | None
    family_name: str
    given_names: str | None
    date_of_birth: date
    citizenship: str
    passport_number: str
    passport_expiry: date
    residence_country: str
    lived_country: str | None
    applies_from: str
    in_canada_now: bool
    biometrics: str
    upfront_medical: bool
    family_size: int
    stay_months: int | None
    noc_code: str | None
    language: str = "en"
    # Family open work permits (C41, C42): the principal worker's job and permit, the student's
    # program (portal.rules.family).
    principal_noc_code: str | None = None
    principal_permit_expiry: date | None = None
    student_program: str | None = None
    # "Other" (an employer exempt from the compliance regime): the employer's name.
    employer_name: str | None = None
    us_permanent_resident: bool = False  # holds a US green card (travel, port of entry)
    passport_issue_date: date | None = None  # optional: checked with the other passport dates

    @classmethod
    def from_values(cls, values: Mapping[str, Any], *, language: str) -> ApplicationDetails:
        """From what the page's form or the API's body holds under the same names: an empty
        or missing optional value is None, a yes/no is a bool, a value not sent takes its
        default, a required one not sent is a KeyError (the form and schema require it). The one
        place that lists the fields is this class; the page and the API both build it here."""
        found: dict[str, Any] = {"language": language}
        for field in fields(cls):
            if field.name == "language" or (field.name not in values
                                            and field.default is not MISSING):
                continue
            optional = str(field.type).endswith("| None")
            value = values.get(field.name) if optional else values[field.name]
            if field.type == "str | None":
                value = value or None
            elif field.type == "bool":
                value = bool(value)
            found[field.name] = value
        return cls(**found)


def check_shape(details: ApplicationDetails) -> None:
    """DomainError on the first field whose value cannot be used; InvalidFields with every
    reason when a family open work permit does not qualify under the 2025 rules."""
    today = clock.today()
    if details.permit_type not in set(PermitType):
        raise DomainError(Message.of("application.permit_type_missing"), field="permit_type")
    if details.applies_from not in set(AppliesFrom):
        raise DomainError(Message.of("application.applies_from_missing"), field="applies_from")
    if details.biometrics not in set(Biometrics):
        raise DomainError(Message.of("application.biometrics_missing"), field="biometrics")
    if details.permit_type == PermitType.EMPLOYER_SPECIFIC and not numbers.is_offer_number(
        details.offer_number
    ):
        raise DomainError(
            Message.of("application.offer_number_format"),
            field="offer_number",
        )
    if details.permit_type == PermitType.OPEN and not is_open_permit_code(details.open_code):
        raise DomainError(Message.of("application.open_code_missing"), field="open_code")
    check_dates(details, today)
    if details.permit_type == PermitType.OPEN:
        check_family(details, today)
    if details.permit_type == PermitType.OTHER:
        check_exempt_employer(details.employer_name)


# The worker's own wording of the date rules' findings (portal.rules.dates words them for the
# employer).
_APPLICANT_WORDING = {
    "WORKER-BIRTH-DATE-FUTURE": Message("application.birth_date_future"),
    "WORKER-AGE-IMPLAUSIBLE": Message("application.birth_date_implausible"),
    "PASSPORT-EXPIRY-BEFORE-BIRTH": Message("application.passport_expiry_before_birth"),
    "PASSPORT-EXPIRY-BEFORE-ISSUE": Message("application.passport_expiry_before_issue"),
    "PASSPORT-ISSUED-BEFORE-BIRTH": Message("application.passport_issued_before_birth"),
}


def check_dates(details: ApplicationDetails, today: date) -> None:
    """The one date rule (portal.rules.dates: a date of birth in the past and of working age,
    a passport issued after the birth and expiring after its issue and the birth) and a
    passport still valid; every finding in one
    round, each on its field."""
    found = [
        (finding.field, Message(_APPLICANT_WORDING.get(finding.code, finding.message).code,
                                finding.message.params))
        for finding in dates.person_findings(date_of_birth=details.date_of_birth,
                                             passport_expiry=details.passport_expiry,
                                             passport_issue_date=details.passport_issue_date,
                                             today=today)
    ]
    if details.passport_expiry <= today and "passport_expiry" not in {f for f, _m in found}:
        found.append(("passport_expiry", Message.of("application.passport_expired")))
    if found:
        raise InvalidFields(found, code="application_dates")


def check_family(details: ApplicationDetails, today: date) -> None:
    findings = family_findings(FamilyFacts(
        code=details.open_code,
        applied_on=today,
        principal_noc=details.principal_noc_code,
        principal_permit_expiry=details.principal_permit_expiry,
        student_program=details.student_program,
    ))
    if findings:
        raise InvalidFields([(f.field, f.message) for f in findings], code="family_rules")

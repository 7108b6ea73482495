"""The models' enums and fixed values, with the labels users read for them.

No SQLAlchemy here: this is the part of the models the edges (blueprints, API) may import, to
compare what a service returned with a member and to show its `.label` (an import-linter contract
allows blueprints this module and no other of portal.models). The model modules import their
enums from here; `portal.models` re-exports them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

E = TypeVar("E", bound=StrEnum)
_LABELS: dict[tuple[type[StrEnum], str], LazyString] = {}


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry `label`: what users read for the value, lazily translated.
    The labels are given once, with `give_labels`, right after the enum."""

    @property
    def label(self) -> LazyString:
        return _LABELS[(type(self), self.value)]


def give_labels(enum: type[E], labels: Mapping[E, LazyString]) -> None:
    """Set the label of every member of `enum` (all of them, or ValueError)."""
    if set(labels) != set(enum):
        raise ValueError(f"{enum.__name__}: every member needs exactly one label")
    for member, label in labels.items():
        _LABELS[(enum, member.value)] = label


# The compliance regime (portal.models.compliance)

class ExemptionCategory(LabelledEnum):
    """Who is outside the employer compliance regime (domain.md section 6; R209.9 and related)."""

    FOREIGN_GOVERNMENT = "foreign_government"
    POLITICAL_SUBDIVISION_OFFICE = "political_subdivision_office"
    DIPLOMATIC_OR_CONSULAR_MISSION = "diplomatic_or_consular_mission"
    INTERNATIONAL_ORGANIZATION = "international_organization"
    INTERNATIONAL_BRIDGE_OR_TUNNEL = "international_bridge_or_tunnel"


give_labels(
    ExemptionCategory,
    {
        ExemptionCategory.FOREIGN_GOVERNMENT: _l("Foreign government"),
        ExemptionCategory.POLITICAL_SUBDIVISION_OFFICE: _l(
            "Office of a political subdivision of a foreign state"
        ),
        ExemptionCategory.DIPLOMATIC_OR_CONSULAR_MISSION: _l(
            "Diplomatic mission or consular post (staff not accredited by Global Affairs Canada)"
        ),
        ExemptionCategory.INTERNATIONAL_ORGANIZATION: _l("International organization"),
        ExemptionCategory.INTERNATIONAL_BRIDGE_OR_TUNNEL: _l(
            "Owner or operator of an international bridge or tunnel"
        ),
    },
)


# Employers (portal.models.employer)

class BusinessType(LabelledEnum):
    CORPORATION = "corporation"
    SOLE_PROPRIETORSHIP = "sole_proprietorship"
    PARTNERSHIP = "partnership"
    NON_PROFIT = "non_profit"
    COOPERATIVE = "cooperative"
    PUBLIC_SECTOR = "public_sector"
    ACADEMIC = "academic"
    FOREIGN_GOVERNMENT = "foreign_government"
    OTHER = "other"


give_labels(
    BusinessType,
    {
        BusinessType.CORPORATION: _l("Corporation"),
        BusinessType.SOLE_PROPRIETORSHIP: _l("Sole proprietorship"),
        BusinessType.PARTNERSHIP: _l("Partnership"),
        BusinessType.NON_PROFIT: _l("Not-for-profit organization"),
        BusinessType.COOPERATIVE: _l("Co-operative"),
        BusinessType.PUBLIC_SECTOR: _l("Public sector (federal, provincial, municipal)"),
        BusinessType.ACADEMIC: _l("Academic institution"),
        BusinessType.FOREIGN_GOVERNMENT: _l(
            "Foreign government, mission or international organization"
        ),
        BusinessType.OTHER: _l("Other"),
    },
)


# Offers (portal.models.offer)

class OfferStatus(LabelledEnum):
    DRAFT = "draft"
    PENDING = "pending"
    MATCHED = "matched"
    WITHDRAWN = "withdrawn"


give_labels(
    OfferStatus,
    {
        OfferStatus.DRAFT: _l("Draft"),
        OfferStatus.PENDING: _l("Pending"),
        OfferStatus.MATCHED: _l("Matched"),
        OfferStatus.WITHDRAWN: _l("Withdrawn"),
    },
)


class FeeStatus(LabelledEnum):
    UNPAID = "unpaid"
    PAID = "paid"
    EXEMPT = "exempt"
    REFUNDED = "refunded"


give_labels(
    FeeStatus,
    {
        FeeStatus.UNPAID: _l("Not paid"),
        FeeStatus.PAID: _l("Paid"),
        FeeStatus.EXEMPT: _l("Exempt"),
        FeeStatus.REFUNDED: _l("Refunded"),
    },
)


class WageUnit(StrEnum):
    HOUR = "hour"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class RegimeStatus(LabelledEnum):
    """Where an employer stands in the compliance regime on a day (the admin employer list)."""

    ACTIVE = "active"
    EXEMPT = "exempt"
    BANNED = "banned"


give_labels(RegimeStatus, {RegimeStatus.ACTIVE: _l("In the regime"),
                           RegimeStatus.EXEMPT: _l("Exempt"), RegimeStatus.BANNED: _l("Banned")})


# Payments (portal.models.payment)

class PaymentResult(StrEnum):
    SUCCEEDED = "succeeded"
    DECLINED = "declined"
    INSUFFICIENT_FUNDS = "insufficient_funds"


class RefundCause(LabelledEnum):
    """Why a fee was refunded (refund.reason): a code, worded in the reader's language."""

    OFFER_WITHDRAWN = "offer_withdrawn"
    WORK_PERMIT_REFUSED = "work_permit_refused"


give_labels(
    RefundCause,
    {
        RefundCause.OFFER_WITHDRAWN: _l(
            "The offer was withdrawn: the compliance fee is refunded to the card used."),
        RefundCause.WORK_PERMIT_REFUSED: _l(
            "The work permit application that matched the offer was refused: the compliance "
            "fee is refunded to the card used."),
    },
)


# Teams (portal.models.team)

class MemberRole(LabelledEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


give_labels(
    MemberRole,
    {MemberRole.PRIMARY: _l("Primary user"), MemberRole.SECONDARY: _l("Secondary user")},
)


class Permission(LabelledEnum):
    """prepare: create and edit drafts; submit: also pay, submit and withdraw."""

    PREPARE = "prepare"
    SUBMIT = "submit"


give_labels(Permission, {Permission.PREPARE: _l("Prepare"), Permission.SUBMIT: _l("Submit")})


# Users (portal.models.user)

class Role(StrEnum):
    EMPLOYER_PRIMARY = "employer_primary"
    EMPLOYER_SECONDARY = "employer_secondary"
    ADMIN = "admin"


# Work permit applications (portal.models.work_permit)

class PermitType(LabelledEnum):
    EMPLOYER_SPECIFIC = "employer_specific"  # LMIA-exempt, with an offer number
    OTHER = "other"  # employer exempt from the compliance regime: no offer number
    OPEN = "open"


give_labels(
    PermitType,
    {
        PermitType.EMPLOYER_SPECIFIC: _l("Employer-specific, exempt from the LMIA"),
        PermitType.OTHER: _l("Other (employer exempt from the compliance regime)"),
        PermitType.OPEN: _l("Open work permit"),
    },
)


class ApplicationStatus(LabelledEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REFUSED = "refused"


give_labels(
    ApplicationStatus,
    {
        ApplicationStatus.SUBMITTED: _l("Submitted"),
        ApplicationStatus.APPROVED: _l("Approved"),
        ApplicationStatus.REFUSED: _l("Refused"),
    },
)


class AppliesFrom(LabelledEnum):
    OUTSIDE = "outside"  # online from outside Canada
    INSIDE = "inside"  # online from inside Canada
    PORT_OF_ENTRY = "port_of_entry"


give_labels(
    AppliesFrom,
    {
        AppliesFrom.OUTSIDE: _l("Online, from outside Canada"),
        AppliesFrom.INSIDE: _l("Online, from inside Canada"),
        AppliesFrom.PORT_OF_ENTRY: _l("At a port of entry"),
    },
)


class Biometrics(StrEnum):
    ON_FILE = "on_file"  # given in the last 10 years
    WITHIN_14_DAYS = "within_14_days"
    LATER = "later"


class DecisionDocument(StrEnum):
    POE_LETTER = "poe_letter"  # port-of-entry letter of introduction (applied from outside)
    WORK_PERMIT = "work_permit"  # issued inside Canada or at a port of entry


# Evidence files (portal.models.evidence): the item id that is in no code's evidence list.

FEE_EXEMPTION_PROOF = "fee-exemption-proof"


# API keys (portal.models.api_key)


class Scope(LabelledEnum):
    """read: see offers and reference data; prepare: create and edit drafts; submit: also pay,
    submit, withdraw."""

    READ = "read"
    PREPARE = "prepare"
    SUBMIT = "submit"


give_labels(
    Scope,
    {
        Scope.READ: _l("Read: see offers, their documents and reference data"),
        Scope.PREPARE: _l("Prepare: create, edit, copy and delete draft offers"),
        Scope.SUBMIT: _l("Submit: pay, submit and withdraw offers"),
    },
)


# Email delivery of outbox messages (portal.models.outbox)


class DeliveryState(LabelledEnum):
    STORED = "stored"  # in the outbox only: no SMTP server is configured
    QUEUED = "queued"  # to be emailed (or being emailed: next_attempt_at is its lease)
    RETRYING = "retrying"  # an attempt failed; the next one is due at next_attempt_at
    SENT = "sent"  # the SMTP server accepted it
    FAILED = "failed"  # refused for good, or every attempt failed


give_labels(
    DeliveryState,
    {
        DeliveryState.STORED: _l("In the outbox only"),
        DeliveryState.QUEUED: _l("Queued"),
        DeliveryState.RETRYING: _l("Failed, will be retried"),
        DeliveryState.SENT: _l("Sent"),
        DeliveryState.FAILED: _l("Failed"),
    },
)


# Webhooks (portal.models.webhook)


class WebhookEventType(LabelledEnum):
    """What an endpoint can subscribe to (the `type` of each event's payload)."""

    OFFER_SUBMITTED = "offer.submitted"
    OFFER_PAID = "offer.paid"
    OFFER_WITHDRAWN = "offer.withdrawn"
    REFUND_ISSUED = "refund.issued"
    OFFER_MATCHED = "offer.matched"
    WORK_PERMIT_DECIDED = "work_permit.decided"
    EMPLOYER_EXEMPTION_CHANGED = "employer.exemption_changed"
    EMPLOYER_BANNED = "employer.banned"
    EMPLOYER_INSPECTION_OPENED = "employer.inspection_opened"
    EMPLOYER_PENALTY_IMPOSED = "employer.penalty_imposed"


give_labels(
    WebhookEventType,
    {
        WebhookEventType.OFFER_SUBMITTED: _l("An offer is submitted"),
        WebhookEventType.OFFER_PAID: _l("An offer's compliance fee is paid"),
        WebhookEventType.OFFER_WITHDRAWN: _l("An offer is withdrawn"),
        WebhookEventType.REFUND_ISSUED: _l("A compliance fee refund is issued"),
        WebhookEventType.OFFER_MATCHED: _l("An offer is matched to a work permit application"),
        WebhookEventType.WORK_PERMIT_DECIDED: _l("A matched work permit application is decided"),
        WebhookEventType.EMPLOYER_EXEMPTION_CHANGED: _l(
            "The employer's exemption from the compliance regime changes"),
        WebhookEventType.EMPLOYER_BANNED: _l("The employer is found non-compliant and banned"),
        WebhookEventType.EMPLOYER_INSPECTION_OPENED: _l(
            "A compliance inspection of the employer is opened"),
        WebhookEventType.EMPLOYER_PENALTY_IMPOSED: _l(
            "An administrative monetary penalty is imposed on the employer"),
    },
)
# The event "send a test event" sends: to one endpoint, whatever it subscribes to.
WEBHOOK_TEST_EVENT = "webhook.test"


class WebhookDeliveryState(LabelledEnum):
    PENDING = "pending"  # due now (or being delivered: next_attempt_at is its lease)
    RETRYING = "retrying"  # an attempt failed; the next one is due at next_attempt_at
    DELIVERED = "delivered"  # the endpoint answered 2xx
    FAILED = "failed"  # every attempt failed, or the endpoint was disabled or deleted


give_labels(
    WebhookDeliveryState,
    {
        WebhookDeliveryState.PENDING: _l("Pending"),
        WebhookDeliveryState.RETRYING: _l("Failed, will be retried"),
        WebhookDeliveryState.DELIVERED: _l("Delivered"),
        WebhookDeliveryState.FAILED: _l("Failed"),
    },
)


# Compliance inspections: their enums live in inspection_enums (this module's size), and are
# re-exported here, the one enums module the edges import.
from portal.models.inspection_enums import (  # noqa: E402
    FindingOutcome as FindingOutcome,
)
from portal.models.inspection_enums import (  # noqa: E402
    InspectionGround as InspectionGround,
)
from portal.models.inspection_enums import (  # noqa: E402
    InspectionState as InspectionState,
)

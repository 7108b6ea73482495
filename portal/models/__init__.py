"""SQLAlchemy models, one module per aggregate, and their enums (`portal.models.enums`, the one
module of the models that the edges may import). Importing this package registers them all."""

from portal.models.account_guard import AccountGuard, SignInFailure
from portal.models.api_key import ApiKey
from portal.models.audit import AuditCheckpoint, AuditEvent, AuditSealedHead, AuditStream
from portal.models.batch import Batch, BatchRow
from portal.models.compliance import ComplianceExemption, EmployerBan
from portal.models.document import OfferDocument
from portal.models.email_link import EmailLink
from portal.models.employer import Employer
from portal.models.ended_session import EndedSession
from portal.models.enums import (
    ApplicationStatus,
    BusinessType,
    DeliveryState,
    ExemptionCategory,
    FeeStatus,
    FindingOutcome,
    InspectionGround,
    InspectionState,
    MemberRole,
    OfferStatus,
    PaymentResult,
    Permission,
    PermitType,
    Role,
    Scope,
    WageUnit,
    WebhookDeliveryState,
    WebhookEventType,
)
from portal.models.evidence import EvidenceFile
from portal.models.held_form import HeldForm
from portal.models.idempotency import IdempotencyRecord
from portal.models.inspection import (
    Inspection,
    InspectionAnswer,
    InspectionDocument,
    InspectionFinding,
    InspectionOffer,
)
from portal.models.offer import Offer, OfferLocation
from portal.models.offer_verification import VerificationAttempt
from portal.models.operations import FailedTask
from portal.models.outbox import Message
from portal.models.payment import Payment, Refund
from portal.models.practice import PracticeResult
from portal.models.refund_states import RefundState
from portal.models.sandbox_clock import SandboxClock
from portal.models.search import FTS_TABLES
from portal.models.second_factor import RecoveryCode
from portal.models.team import Invitation, Membership
from portal.models.user import User
from portal.models.webhook import WebhookDelivery, WebhookEndpoint, WebhookEvent
from portal.models.work_permit import WorkPermitApplication

__all__ = [
    "FTS_TABLES",
    "AccountGuard",
    "ApiKey",
    "ApplicationStatus",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditSealedHead",
    "AuditStream",
    "Batch",
    "BatchRow",
    "BusinessType",
    "ComplianceExemption",
    "DeliveryState",
    "EmailLink",
    "Employer",
    "EmployerBan",
    "EndedSession",
    "EvidenceFile",
    "ExemptionCategory",
    "FailedTask",
    "FeeStatus",
    "FindingOutcome",
    "HeldForm",
    "IdempotencyRecord",
    "Inspection",
    "InspectionAnswer",
    "InspectionDocument",
    "InspectionFinding",
    "InspectionGround",
    "InspectionOffer",
    "InspectionState",
    "Invitation",
    "MemberRole",
    "Membership",
    "Message",
    "Offer",
    "OfferDocument",
    "OfferLocation",
    "OfferStatus",
    "Payment",
    "PaymentResult",
    "Permission",
    "PermitType",
    "PracticeResult",
    "RecoveryCode",
    "Refund",
    "RefundState",
    "Role",
    "SandboxClock",
    "Scope",
    "SignInFailure",
    "User",
    "VerificationAttempt",
    "WageUnit",
    "WebhookDelivery",
    "WebhookDeliveryState",
    "WebhookEndpoint",
    "WebhookEvent",
    "WebhookEventType",
    "WorkPermitApplication",
]

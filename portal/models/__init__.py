"""SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from portal.models.audit import AuditEvent
from portal.models.compliance import ComplianceExemption, EmployerBan, ExemptionCategory
from portal.models.document import OfferDocument
from portal.models.employer import BusinessType, Employer
from portal.models.evidence import EvidenceFile
from portal.models.offer import FeeStatus, Offer, OfferLocation, OfferStatus, WageUnit
from portal.models.offer_verification import VerificationAttempt
from portal.models.outbox import Message
from portal.models.payment import Payment, PaymentResult, Refund
from portal.models.second_factor import RecoveryCode
from portal.models.team import Invitation, MemberRole, Membership, Permission
from portal.models.user import Role, User
from portal.models.work_permit import ApplicationStatus, PermitType, WorkPermitApplication

__all__ = [
    "ApplicationStatus",
    "AuditEvent",
    "BusinessType",
    "ComplianceExemption",
    "Employer",
    "EmployerBan",
    "EvidenceFile",
    "ExemptionCategory",
    "FeeStatus",
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
    "RecoveryCode",
    "Refund",
    "Role",
    "User",
    "VerificationAttempt",
    "WageUnit",
    "WorkPermitApplication",
]

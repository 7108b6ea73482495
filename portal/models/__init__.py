"""SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from portal.models.audit import AuditEvent
from portal.models.compliance import ComplianceExemption, EmployerBan, ExemptionCategory
from portal.models.employer import BusinessType, Employer
from portal.models.evidence import EvidenceFile
from portal.models.offer import FeeStatus, Offer, OfferLocation, OfferStatus, WageUnit
from portal.models.offer_verification import VerificationAttempt
from portal.models.payment import Payment, PaymentResult, Refund
from portal.models.user import Role, User
from portal.models.work_permit import ApplicationStatus, PermitType, WorkPermitApplication

__all__ = ["AuditEvent", "ComplianceExemption", "EmployerBan", "ExemptionCategory", "BusinessType", "Employer", "Role", "User",
           "EvidenceFile", "FeeStatus", "Offer", "OfferLocation", "OfferStatus", "WageUnit",
           "Payment", "PaymentResult", "Refund",
           "ApplicationStatus", "PermitType", "VerificationAttempt", "WorkPermitApplication"]

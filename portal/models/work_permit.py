"""The worker's work permit application: the step that references an offer number and is
matched to the offer exactly as IRCC's system does it (number + passport number + citizenship).

What the application keeps is what the worker entered plus what the rules computed when it was
submitted (fee lines, travel document, medical exam, two-week processing, port of entry), so the
result page shows the same figures later even if the reference data changes.

Invariants the database enforces:
- the application number (W + 9 digits) is unique;
- an employer-specific application either references exactly one offer (matched) or names the
  fields that did not match (`mismatch`: IRCC accepts it and it stays unmatched, domain.md
  9.2); the others reference no offer and have no mismatch;
- an offer is matched by at most one application (unique offer_id), so two concurrent
  applications on the same number can never both be stored;
- a decided application has its decision time; an approval names its document; a refusal
  has its reason.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import Model
from portal.models.enums import (
    ApplicationStatus,
    AppliesFrom,
    Biometrics,
    DecisionDocument,
    PermitType,
)
from portal.models.offer import Offer
from portal.models.types import EnumText, UTCDateTime


def _values(enum: type[StrEnum]) -> str:
    return ",".join(f"'{member.value}'" for member in enum)


class WorkPermitApplication(Model):
    __tablename__ = "work_permit_application"
    __table_args__ = (
        CheckConstraint(f"permit_type IN ({_values(PermitType)})", name="permit_type_known"),
        CheckConstraint(f"status IN ({_values(ApplicationStatus)})", name="status_known"),
        CheckConstraint(f"applies_from IN ({_values(AppliesFrom)})", name="applies_from_known"),
        CheckConstraint(f"biometrics IN ({_values(Biometrics)})", name="biometrics_known"),
        CheckConstraint(
            "travel_document IN ('visa','eta','none')", name="travel_document_known"
        ),
        CheckConstraint("length(number) = 10 AND number LIKE 'W%'", name="number_format"),
        CheckConstraint(
            "CASE WHEN permit_type = 'employer_specific' "
            "THEN (offer_id IS NULL) <> (mismatch IS NULL) "
            "ELSE offer_id IS NULL AND mismatch IS NULL END",
            name="matched_or_mismatch",
        ),
        CheckConstraint("fees_total_cents >= 0", name="fees_total_not_negative"),
        CheckConstraint("family_size BETWEEN 1 AND 20", name="family_size_range"),
        CheckConstraint(
            "(status = 'submitted') = (decided_at IS NULL)", name="decided_iff_not_submitted"
        ),
        CheckConstraint(
            "status <> 'approved' OR decision_document IS NOT NULL", name="approval_has_document"
        ),
        CheckConstraint(
            "status <> 'refused' OR decision_reason IS NOT NULL", name="refusal_has_reason"
        ),
        # The decision queue lists submitted applications, oldest first.
        Index("ix_work_permit_application_status_submitted", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10), unique=True)
    permit_type: Mapped[PermitType] = mapped_column(EnumText(PermitType, 20))
    status: Mapped[ApplicationStatus] = mapped_column(
        EnumText(ApplicationStatus, 16), default=ApplicationStatus.SUBMITTED
    )
    # One application per offer, ever: the database refuses a second match.
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id"), unique=True)
    code_key: Mapped[str | None] = mapped_column(String(16))
    noc_code: Mapped[str | None] = mapped_column(String(5))
    # Employer-specific: the offer number as typed, and when it matched no offer, the fields
    # that differ (comma-separated: offer_number, or passport_number and/or citizenship).
    offer_number: Mapped[str | None] = mapped_column(String(8))
    mismatch: Mapped[str | None] = mapped_column(String(64))

    # Identity, exactly as typed (never normalised: matching compares raw strings)
    family_name: Mapped[str] = mapped_column(String(100))
    given_names: Mapped[str | None] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    citizenship: Mapped[str] = mapped_column(String(2))
    passport_number: Mapped[str] = mapped_column(String(30))
    passport_expiry: Mapped[date] = mapped_column(Date)
    # Asked since migration 0028 (issue 13 item 14); None on applications made before it.
    passport_issue_date: Mapped[date | None] = mapped_column(Date, default=None)
    residence_country: Mapped[str] = mapped_column(String(2))
    lived_country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str] = mapped_column(String(2), default="en")

    # Where and how they apply
    applies_from: Mapped[AppliesFrom] = mapped_column(EnumText(AppliesFrom, 16))
    in_canada_now: Mapped[bool] = mapped_column(Boolean, default=False)
    biometrics: Mapped[Biometrics] = mapped_column(EnumText(Biometrics, 16))
    upfront_medical: Mapped[bool] = mapped_column(Boolean, default=False)
    family_size: Mapped[int] = mapped_column(Integer, default=1)
    stay_months: Mapped[int | None] = mapped_column(Integer)

    # What the rules computed on submission, as codes and parameters (a stored message is
    # {"code": ..., "params": {...}}, worded in the reader's language by the catalogue). A fee
    # line is {"key", "label": message, "amount_cents", "exempt_reason": message or null}.
    fee_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    fees_total_cents: Mapped[int] = mapped_column(Integer, default=0)
    travel_document: Mapped[str] = mapped_column(String(8))
    travel_note: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    medical_required: Mapped[bool] = mapped_column(Boolean)
    medical_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    gss_eligible: Mapped[bool] = mapped_column(Boolean)
    gss_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    poe_allowed: Mapped[bool] = mapped_column(Boolean)
    poe_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    # Lifecycle
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decision_document: Mapped[DecisionDocument | None] = mapped_column(String(16))

    offer: Mapped[Offer | None] = relationship(lazy="selectin")

    @property
    def mismatched_fields(self) -> tuple[str, ...]:
        """The fields that did not match an offer (empty when matched or not employer-specific)."""
        return tuple(self.mismatch.split(",")) if self.mismatch else ()

    @property
    def is_decided(self) -> bool:
        return self.status != ApplicationStatus.SUBMITTED

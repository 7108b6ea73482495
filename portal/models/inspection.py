"""Compliance inspections of an employer (IRPR R209.5-R209.997): the inspection and its notice,
the offers in scope, the employer's answers and documents, the officer's findings, the notice of
preliminary finding and the employer's reply, and the final determination with its penalty.

Rows are never deleted. The state moves open -> preliminary -> decided, and the columns each state
needs are filled together (CHECK constraints). A penalty's default is not stored: it follows from
`penalty_due_on` and `penalty_paid_at` on the clock's day (rules.compliance.status).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.enums import FindingOutcome, InspectionGround, InspectionState
from portal.models.types import EnumText, UTCDateTime


def _values(enum: Any) -> str:
    return ",".join(f"'{m.value}'" for m in enum)


class Inspection(Model):
    __tablename__ = "inspection"
    __table_args__ = (
        CheckConstraint(f"ground IN ({_values(InspectionGround)})", name="ground_known"),
        CheckConstraint(f"state IN ({_values(InspectionState)})", name="state_known"),
        CheckConstraint("due_on >= opened_on", name="due_after_opening"),
        CheckConstraint(
            "state = 'open' OR (preliminary_sent_on IS NOT NULL"
            " AND preliminary_due_on IS NOT NULL)",
            name="preliminary_dated",
        ),
        CheckConstraint(
            "state <> 'decided' OR (decided_on IS NOT NULL AND reason_en IS NOT NULL"
            " AND reason_fr IS NOT NULL)",
            name="decision_complete",
        ),
        CheckConstraint("penalty_cents IS NULL OR penalty_cents >= 0", name="penalty_not_negative"),
        CheckConstraint(
            "penalty_paid_at IS NULL OR penalty_cents IS NOT NULL", name="paid_only_a_penalty"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    ground: Mapped[InspectionGround] = mapped_column(EnumText(InspectionGround, 32))
    state: Mapped[InspectionState] = mapped_column(
        EnumText(InspectionState, 16), default=InspectionState.OPEN
    )
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    opened_on: Mapped[date] = mapped_column(Date)
    # Codes of rules.compliance.conditions examined, in Schedule 2 order.
    conditions: Mapped[list[str]] = mapped_column(JSON, default=list)
    documents_requested: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)
    # A voluntary disclosure: what the employer disclosed (the ground is then voluntary_disclosure).
    disclosure: Mapped[str | None] = mapped_column(Text)
    # Table 2 column (rules.compliance.points.BusinessSize), set with the findings.
    business_size: Mapped[str] = mapped_column(String(8), default="small")

    preliminary_sent_on: Mapped[date | None] = mapped_column(Date)
    preliminary_due_on: Mapped[date | None] = mapped_column(Date)
    response: Mapped[str | None] = mapped_column(Text)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    warning: Mapped[bool] = mapped_column(Boolean, default=False)
    penalty_cents: Mapped[int | None] = mapped_column(Integer)
    ban_years: Mapped[int | None] = mapped_column(Integer)
    ban_permanent: Mapped[bool] = mapped_column(Boolean, default=False)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    reason_en: Mapped[str | None] = mapped_column(Text)
    reason_fr: Mapped[str | None] = mapped_column(Text)
    ban_id: Mapped[int | None] = mapped_column(ForeignKey("employer_ban.id"))
    penalty_due_on: Mapped[date | None] = mapped_column(Date)
    penalty_paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    penalty_receipt: Mapped[str | None] = mapped_column(String(20))
    penalty_card_last4: Mapped[str | None] = mapped_column(String(4))
    # When the employer was told the penalty went into default (once; default itself is read
    # from the dates, never from this).
    penalty_default_announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class InspectionOffer(Model):
    """An offer (its worker) in the inspection's scope."""

    __tablename__ = "inspection_offer"
    __table_args__ = (UniqueConstraint("inspection_id", "offer_id", name="once_per_inspection"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id"))


class InspectionAnswer(Model):
    """The employer's explanation on one condition for one worker (offer; None: the employer as
    a whole, for the co-operation conditions)."""

    __tablename__ = "inspection_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    condition: Mapped[str] = mapped_column(String(40))
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id"))
    explanation: Mapped[str] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)


class InspectionDocument(Model):
    """A document given with an answer (checked as evidence files are)."""

    __tablename__ = "inspection_document"
    __table_args__ = (CheckConstraint("size_bytes > 0", name="not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("inspection_answer.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size_bytes: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)


class InspectionFinding(Model):
    """The officer's finding on one condition, worker (offer) and element. `justification`
    holds the claim (ground and the facts shown); `severity` the Table 5 scores."""

    __tablename__ = "inspection_finding"
    __table_args__ = (
        CheckConstraint(f"outcome IN ({_values(FindingOutcome)})", name="outcome_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    condition: Mapped[str] = mapped_column(String(40))
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id"))
    element: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[FindingOutcome] = mapped_column(EnumText(FindingOutcome, 16))
    justification: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    severity: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

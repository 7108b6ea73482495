"""Simulated compliance-fee payments and their refunds.

Only the card brand, the last four digits and the result are kept (never the card number).
The database allows at most one successful payment per offer (a partial unique index, on both
SQLite and PostgreSQL), and each payment attempt has a unique idempotency key, so a double
click or a refresh can never charge twice. Refunds are separate rows: a payment is never
deleted or changed. A refund moves requested -> approved -> issued on the business days of
portal.rules.refunds (portal.services.offers.refunds); the day of each step it reached is kept.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import Model
from portal.models.enums import PaymentResult
from portal.models.refund_states import RefundState
from portal.models.types import EnumText, UTCDateTime


class Payment(Model):
    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint(
            "result IN ('succeeded','declined','insufficient_funds')", name="result_known"
        ),
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint("length(card_last4) = 4", name="last4_four_digits"),
        CheckConstraint(
            "(result = 'succeeded') = (receipt_number IS NOT NULL)", name="receipt_iff_succeeded"
        ),
        Index(
            "uq_payment_one_success_per_offer",
            "offer_id",
            unique=True,
            sqlite_where=text("result = 'succeeded'"),
            postgresql_where=text("result = 'succeeded'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    card_brand: Mapped[str] = mapped_column(String(20))
    card_last4: Mapped[str] = mapped_column(String(4))
    result: Mapped[PaymentResult] = mapped_column(String(20))
    receipt_number: Mapped[str | None] = mapped_column(String(11), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    paid_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

    refunds: Mapped[list[Refund]] = relationship(back_populates="payment", lazy="selectin")

    @property
    def succeeded(self) -> bool:
        return self.result == PaymentResult.SUCCEEDED


class Refund(Model):
    __tablename__ = "refund"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint("state IN ('requested','approved','issued')", name="state_known"),
        CheckConstraint("(state = 'requested') = (approved_on IS NULL)",
                        name="approved_on_iff_approved"),
        CheckConstraint("(state = 'issued') = (issued_on IS NOT NULL)",
                        name="issued_on_iff_issued"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # One refund per payment: the whole fee goes back once.
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), unique=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    refunded_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    state: Mapped[RefundState] = mapped_column(EnumText(RefundState, 20), index=True,
                                               default=RefundState.REQUESTED)
    requested_on: Mapped[date] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    issued_on: Mapped[date | None] = mapped_column(Date)

    payment: Mapped[Payment] = relationship(back_populates="refunds")

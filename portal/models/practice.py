"""A learner's graded attempt at a practice case (portal.rules.practice): one row per "Check my
work", so the progress page shows the best score and the instructor the cohort's results."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class PracticeResult(Model):
    __tablename__ = "practice_result"
    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
        Index("ix_practice_result_user_case", "user_id", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"))
    case_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[int]
    graded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)

"""Operations: queue tasks that failed (an attempt that raised), for the admin's figures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from portal import clock
from portal.extensions import Model
from portal.models.types import UTCDateTime


class FailedTask(Model):
    """One failed attempt of a queue task: its name, Huey's id, when, the exception's class
    (never its message, which may quote data) and whether Huey retries it."""

    __tablename__ = "failed_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_name: Mapped[str] = mapped_column(String(64))
    task_id: Mapped[str] = mapped_column(String(64))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now, index=True)
    error: Mapped[str] = mapped_column(String(64))
    will_retry: Mapped[bool] = mapped_column(default=False)

"""Refunds in tests: move the frozen clock to a refund's next step and run the hourly task
(portal/jobs/refunds.py), as the consumer would."""

from __future__ import annotations

from datetime import date, datetime

from portal import clock
from portal.extensions import db, queue
from portal.rules import refunds as rules
from tests.jobs_helpers import tasks_at_once


def move_to(day: date) -> None:
    """Move the frozen clock (or freeze it) to `day`, same time of day."""
    clock.freeze(datetime.combine(day, clock.real_now().timetz()))


def run_refunds_task() -> None:
    with tasks_at_once():
        queue.enqueue("refunds.advance")
    db.session.commit()


def approve_refunds(requested_on: date | None = None) -> None:
    """Move to the approval day of a refund requested on `requested_on` (today) and run the task."""
    move_to(rules.schedule(requested_on or clock.today()).approved_on)
    run_refunds_task()


def issue_refunds(requested_on: date | None = None) -> None:
    """Move to the issue day of a refund requested on `requested_on` (today), approving it on its
    day first, and run the task each time."""
    plan = rules.schedule(requested_on or clock.today())
    approve_refunds(plan.requested_on)
    move_to(plan.issued_on)
    run_refunds_task()

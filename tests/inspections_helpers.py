"""Helpers for the inspection tests: an employer with a matched offer whose work permit was
approved (so it is in an inspection's scope), and an inspection taken to a final decision."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, cast

from portal import clock
from portal.models import FindingOutcome, InspectionGround, User
from portal.services.actor import Actor
from portal.services.inspections import decisions, findings, opening
from portal.services.work_permits.applications import submit_application
from portal.services.work_permits.decisions import decide_application
from tests.admin_helpers import NOW
from tests.factories import AdminFactory, OfferFactory, UserFactory
from tests.work_permits_helpers import WORKER, details_for

TODAY = NOW.date()
# Findings that compute to each outcome (small business, first inspection).
WARNING = findings.FindingInput("accurate_information", None, FindingOutcome.NON_COMPLIANT)
PENALTY = findings.FindingInput("employment_laws", None, FindingOutcome.NON_COMPLIANT,
                                severity={"benefit": 4})  # Type B, 1 + 4 points: $7,000
BAN = findings.FindingInput("abuse_free_workplace", None, FindingOutcome.NON_COMPLIANT,
                            element="physical", severity={"abuse": 8})  # $60,000, 10 years


def move_to(day: date) -> None:
    """Move the frozen clock to `day`, same time of day."""
    clock.freeze(datetime.combine(day, NOW.timetz()))


def admin_actor(admin: Any = None) -> Actor:
    admin = admin or cast(User, AdminFactory())
    return Actor(user_id=admin.id, is_admin=True)


def employer_actor(user: Any) -> Actor:
    return Actor(user_id=user.id, employer_id=user.employer_id)


def permitted_offer(user: Any, **changes: Any) -> Any:
    """A matched offer of the user's employer whose work permit an officer approved, employment
    started on 2026-01-05 (in its six-year window on TODAY)."""
    offer = OfferFactory(employer=user.employer, start_date=date(2026, 1, 5),
                         end_date=date(2027, 12, 31), **changes)
    application = submit_application(details=details_for(offer), actor=WORKER)
    decide_application(application_id=application.id, approve=True, reason="",
                       actor=admin_actor())
    return offer


def opened(user: Any | None = None, *, conditions: list[str] | None = None,
           admin: Actor | None = None) -> tuple[Any, Any, Any, Actor]:
    """(user, offer, inspection, admin) with an inspection opened today."""
    clock.freeze(NOW)
    user = cast(Any, user or UserFactory(preferred_language="en"))
    offer = permitted_offer(user)
    admin = admin or admin_actor()
    inspection = opening.open_inspection(
        actor=admin, employer_id=user.employer_id, ground=InspectionGround.RANDOM,
        offer_ids=[offer.id],
        conditions=conditions or ["accurate_information", "employment_laws",
                                  "abuse_free_workplace"],
        documents_requested="Payroll records for 2026; the worker's schedules.")
    return user, offer, inspection, admin


def decided(given: findings.FindingInput, user: Any | None = None) -> tuple[Any, Any, Any, Actor]:
    """An inspection with one finding for the offer's worker, past its preliminary notice and
    decided once the reply period is over (the clock is moved)."""
    user, offer, inspection, admin = opened(user)
    given = findings.FindingInput(given.condition, offer.id, given.outcome, given.element,
                                  given.ground, given.facts, given.severity)
    findings.record_finding(actor=admin, inspection_id=inspection.id, given=given)
    decisions.issue_preliminary(actor=admin, inspection_id=inspection.id)
    move_to(inspection.preliminary_due_on + timedelta(days=1))
    inspection = decisions.decide(actor=admin, inspection_id=inspection.id,
                                  reason_en="Did not meet the conditions of the offer.",
                                  reason_fr="N’a pas respecté les conditions de l’offre.")
    return user, offer, inspection, admin

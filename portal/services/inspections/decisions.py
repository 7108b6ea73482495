"""The notice of preliminary finding, the employer's reply, and the final determination.

Guarantees:
- the preliminary notice is issued only when the findings compute (no problems) and the
  inspection's answer period is over or every condition has an answer; it is deemed received 10
  days after sending (5 for items 18-23 only) and the employer may reply for 30 days (5)
  (rules.compliance.deadlines.preliminary_finding_deadline);
- the final decision is made only after that period (R209.996(3)) or once the employer replied
  (SIMPLIFICATION: the simulator does not make the officer wait for a period the employer has
  already used); it is recomputed on the day of the decision, which starts any ban (R209.99(2));
- a ban goes through compliance.bans.add_ban (the public list with the reason in English and
  French, the refusal of work permits), a penalty is due 30 days after the decision is deemed
  received (payment_deadline), a warning is not published (R209.997(1)).
"""

from __future__ import annotations

from datetime import date, timedelta

from portal import clock
from portal.database import write_transaction
from portal.models import Inspection, InspectionState
from portal.rules.compliance.consequences import Outcome
from portal.rules.compliance.deadlines import (
    payment_deadline,
    preliminary_finding_deadline,
)
from portal.rules.compliance.status import BanRecord
from portal.rules.messages import Day, Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.compliance import bans
from portal.services.errors import Conflict, DomainError
from portal.services.inspections import notices
from portal.services.inspections.access import load_inspection
from portal.services.inspections.findings import assess

REPLY_MAX = 5000
REASON_MAX = 2000


def _items(outcome: Outcome) -> tuple[int, ...]:
    return outcome.breached_items


def _outcome_or_refuse(inspection: Inspection, on: date) -> Outcome:
    assessment = assess(inspection, determined_on=on)
    if assessment.outcome is None:
        raise Conflict(Message.of("inspection.findings_to_fix"))
    return assessment.outcome


def issue_preliminary(*, actor: Actor, inspection_id: int) -> Inspection:
    """Send the notice of preliminary finding. Raises Forbidden, NotFound, Conflict."""
    require_admin(actor)
    today = clock.today()
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if inspection.state is not InspectionState.OPEN:
            raise Conflict(Message.of("inspection.preliminary_already_sent"))
        outcome = _outcome_or_refuse(inspection, today)
        if outcome.violations == 0:
            raise Conflict(Message.of("inspection.no_violation_to_notify"))
        deadline = preliminary_finding_deadline(today, items=_items(outcome))
        inspection.state = InspectionState.PRELIMINARY
        inspection.preliminary_sent_on, inspection.preliminary_due_on = today, deadline.due_on
        audit.record("inspection.preliminary_sent", actor=actor,
                     employer_id=inspection.employer_id, object_type="inspection",
                     object_id=inspection.id,
                     details={"due_on": deadline.due_on.isoformat(),
                              "amp_cents": outcome.amp_cents, "ban_years": outcome.ban_years,
                              "warning": outcome.warning})
        notices.tell_employer(inspection, kind="inspection_preliminary",
                              due_on=deadline.due_on, received_on=deadline.received_on)
    return inspection


def reply_to_preliminary(*, actor: Actor, inspection_id: int, reply: str) -> Inspection:
    """The employer's written submissions on the preliminary finding, until its last day.
    Raises NotFound, Conflict (not awaiting a reply, or too late), DomainError (field reply)."""
    reply = reply.strip()
    if not reply or len(reply) > REPLY_MAX:
        raise DomainError(Message.of("inspection.reply_missing"), field="reply")
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if actor.is_admin or inspection.state is not InspectionState.PRELIMINARY:
            raise Conflict(Message.of("inspection.not_awaiting_reply"))
        assert inspection.preliminary_due_on is not None, "a preliminary notice has its day"
        if clock.today() > inspection.preliminary_due_on:
            raise Conflict(Message.of("inspection.reply_too_late"))
        inspection.response, inspection.responded_at = reply, clock.now()
        audit.record("inspection.replied", actor=actor, object_type="inspection",
                     object_id=inspection.id)
    return inspection


def earliest_decision_on(inspection: Inspection) -> date | None:
    """The first day the officer may decide (None before the preliminary notice): the day after
    the reply period (R209.996(3)), or the day the employer replied."""
    if inspection.preliminary_due_on is None:
        return None
    if inspection.responded_at is not None:
        return inspection.responded_at.date()
    return inspection.preliminary_due_on + timedelta(days=1)


def _apply(inspection: Inspection, outcome: Outcome, today: date, actor: Actor,
           reasons: tuple[str, str]) -> None:
    inspection.state, inspection.decided_on, inspection.decided_by = (
        InspectionState.DECIDED, today, actor.user_id)
    inspection.warning, inspection.published = outcome.warning, outcome.published
    inspection.reason_en, inspection.reason_fr = reasons
    inspection.ban_years, inspection.ban_permanent = outcome.ban_years, outcome.permanent_ban
    if outcome.published and not outcome.warning and outcome.amp_before_caps_cents:
        inspection.penalty_cents = outcome.amp_cents
        inspection.penalty_due_on = payment_deadline(today, items=_items(outcome)).due_on
    if outcome.ban is not None:
        end = BanRecord(today, outcome.ban).last_day
        ban = bans.add_ban(actor=actor, employer_id=inspection.employer_id, reason=reasons[0],
                           reason_fr=reasons[1], start_date=today, end_date=end,
                           penalty_cents=inspection.penalty_cents)
        inspection.ban_id = ban.id


def decide(*, actor: Actor, inspection_id: int, reason_en: str, reason_fr: str) -> Inspection:
    """Make the final determination with its reason in English and French (as published).
    Raises Forbidden, NotFound, Conflict (not yet, or already), DomainError (fields reason_en,
    reason_fr)."""
    require_admin(actor)
    for name, text in (("reason_en", reason_en), ("reason_fr", reason_fr)):
        if not text.strip() or len(text) > REASON_MAX:
            raise DomainError(Message.of("inspection.reason_missing"), field=name)
    today = clock.today()
    with write_transaction():
        inspection = load_inspection(inspection_id=inspection_id, actor=actor, for_update=True)
        if inspection.state is not InspectionState.PRELIMINARY:
            raise Conflict(Message.of("inspection.not_ready_to_decide"))
        earliest = earliest_decision_on(inspection)
        if earliest is None or today < earliest:
            raise Conflict(Message.of("inspection.too_early_to_decide",
                                      on=Day(earliest) if earliest else ""))
        outcome = _outcome_or_refuse(inspection, today)
        _apply(inspection, outcome, today, actor, (reason_en.strip(), reason_fr.strip()))
        audit.record("inspection.decided", actor=actor, employer_id=inspection.employer_id,
                     object_type="inspection", object_id=inspection.id,
                     details={"warning": outcome.warning, "amp_cents": inspection.penalty_cents,
                              "ban_years": outcome.ban_years,
                              "permanent_ban": outcome.permanent_ban,
                              "published": outcome.published})
        notices.tell_employer(inspection, kind="inspection_decided",
                              warning=outcome.warning, penalty=inspection.penalty_cents,
                              due_on=inspection.penalty_due_on,
                              ban_years=outcome.ban_years, permanent=outcome.permanent_ban)
        if inspection.penalty_cents:
            notices.emit_penalty(inspection)
    return inspection

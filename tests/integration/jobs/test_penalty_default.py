"""An inspection's penalty goes into default the day after its due day: the hourly compliance
task tells the employer (outbox, in their language) and audits it, once, however often it runs;
the clock drives it, and a paid penalty is never announced (issue 19)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal.extensions import db, queue
from portal.i18n import format_day
from portal.models import AuditEvent, Message
from portal.services.inspections import penalties
from tests.factories import UserFactory
from tests.inspections_helpers import PENALTY, decided, employer_actor, move_to
from tests.jobs_helpers import tasks_at_once


def run_task() -> None:
    with tasks_at_once():
        queue.enqueue("compliance.announce_endings")
    db.session.commit()


def defaults_told(user) -> list[Message]:
    return list(db.session.scalars(select(Message).where(
        Message.recipient_user_id == user.id, Message.kind == "inspection_penalty_default")))


def audited() -> int:
    return db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "inspection.penalty_default")) or 0


def test_an_unpaid_penalty_in_default_is_announced_once_in_the_employers_language(app):
    user = UserFactory(preferred_language="fr")
    _, _, inspection, _ = decided(PENALTY, user)
    assert inspection.penalty_cents == 700_000 and inspection.penalty_due_on
    move_to(inspection.penalty_due_on)  # its due day: not yet in default
    run_task()
    assert defaults_told(user) == [] and audited() == 0
    move_to(inspection.penalty_due_on + timedelta(days=1))
    run_task()
    run_task()  # again: nothing new
    [message] = defaults_told(user)
    assert message.language == "fr"
    assert "Sanction en défaut de paiement" in message.subject
    assert "7\xa0000\xa0$" in message.body
    assert format_day(inspection.penalty_due_on, "fr") in message.body
    assert "défaut de paiement" in message.body and "has not been paid" not in message.body
    assert audited() == 1
    move_to(inspection.penalty_due_on + timedelta(days=9))
    run_task()
    assert len(defaults_told(user)) == 1 and audited() == 1


def test_a_penalty_paid_by_its_due_day_is_never_announced(app):
    user = UserFactory(preferred_language="en")
    _, _, inspection, _ = decided(PENALTY, user)
    penalties.pay_penalty(actor=employer_actor(user), inspection_id=inspection.id,
                          card_number="4242424242424242")
    move_to(inspection.penalty_due_on + timedelta(days=5))
    run_task()
    assert defaults_told(user) == [] and audited() == 0


def test_the_english_notice_names_the_amount_and_the_due_day(app):
    user = UserFactory(preferred_language="en")
    _, _, inspection, _ = decided(PENALTY, user)
    move_to(inspection.penalty_due_on + timedelta(days=2))
    run_task()
    [message] = defaults_told(user)
    assert message.subject == f"Penalty in default: inspection {inspection.id}"
    assert "$7,000" in message.body and "It is now in default." in message.body


def test_the_default_shows_in_the_employers_history(app, client, auth):
    user = UserFactory(preferred_language="en")
    _, _, inspection, _ = decided(PENALTY, user)
    move_to(inspection.penalty_due_on + timedelta(days=1))
    run_task()
    assert auth.sign_in(user.email).status_code == 302
    history = client.get("/employer/history").get_data(as_text=True)
    assert "inspection.penalty_default" in history

"""Inspections end to end at the service level: the notice and its deadline, the employer's
answers with checked documents, the findings' computation, the preliminary notice, and each
outcome of the final decision with its consequences (issue 19)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.catalogue import language, say
from portal.extensions import db
from portal.models import (
    AuditEvent,
    FindingOutcome,
    InspectionGround,
    InspectionState,
    Message,
    PaymentResult,
    WebhookEvent,
)
from portal.rules.compliance.deadlines import payment_deadline
from portal.services.compliance.bans import list_public_bans
from portal.services.compliance.standing import get_standing
from portal.services.errors import Conflict, DomainError, Forbidden, NotFound
from portal.services.inspections import access, answers, decisions, findings, opening, penalties
from portal.services.webhooks import endpoints
from portal.services.webhooks.addresses import UrlPolicy
from portal.services.work_permits.applications import submit_application
from tests.factories import OfferFactory, UserFactory
from tests.files import PDF
from tests.inspections_helpers import (
    BAN,
    PENALTY,
    TODAY,
    WARNING,
    decided,
    employer_actor,
    move_to,
    opened,
    permitted_offer,
)
from tests.work_permits_helpers import WORKER, details_for


def _actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_opening_sends_the_notice_with_its_deadline_in_the_employers_language(app):
    user = UserFactory(preferred_language="fr")
    endpoints.create_endpoint(actor=employer_actor(user), url="https://hooks.example.com/p",
                              events=["employer.inspection_opened"],
                              policy=UrlPolicy(https_only=False, allow_private=False))
    user, offer, inspection, _admin = opened(user)
    assert inspection.state is InspectionState.OPEN
    # Sent through the portal: received the same day (R9.3(2)), 30 days to answer.
    assert inspection.due_on == TODAY + timedelta(days=30)
    message = db.session.scalars(select(Message).where(Message.kind == "inspection_opened")).one()
    assert message.recipient_user_id == user.id and message.language == "fr"
    assert "Avis d’inspection" in message.subject and "24 décembre 2026" in message.body
    assert "inspection.opened" in _actions()
    event = json.loads(db.session.scalars(select(WebhookEvent)).one().payload)
    assert event["type"] == "employer.inspection_opened"
    assert event["data"]["inspection"]["id"] == inspection.id
    assert offer.worker_family_name not in json.dumps(event)
    assert offer.worker_passport_number not in json.dumps(event)


def test_only_offers_with_a_permit_in_the_six_year_window_are_in_scope(app):
    clock.freeze(clock.now().replace(year=2026, month=11, day=24))
    user = UserFactory()
    admin_offer = permitted_offer(user)
    pending = OfferFactory(employer=user.employer)
    scope = opening.list_scope(actor=findings_admin(), employer_id=user.employer_id, today=TODAY)
    assert [s.offer_id for s in scope] == [admin_offer.id]
    assert scope[0].check.in_scope
    later = opening.list_scope(actor=findings_admin(), employer_id=user.employer_id,
                               today=date(2032, 1, 5))
    assert not later[0].check.in_scope and later[0].check.code == "compliance.scope.window_closed"
    with pytest.raises(DomainError) as refused:
        opening.open_inspection(actor=findings_admin(), employer_id=user.employer_id,
                                ground=InspectionGround.RANDOM, offer_ids=[pending.id],
                                conditions=["accurate_information"], documents_requested="")
    assert refused.value.field == "offers"


def findings_admin():
    from tests.inspections_helpers import admin_actor

    return admin_actor()


def test_only_admins_open_and_another_employer_gets_not_found(app):
    user, _offer, inspection, _admin = opened()
    with pytest.raises(Forbidden):
        opening.open_inspection(actor=employer_actor(user), employer_id=user.employer_id,
                                ground=InspectionGround.RANDOM, offer_ids=[],
                                conditions=["accurate_information"], documents_requested="")
    stranger = UserFactory()
    with pytest.raises(NotFound):
        access.get_inspection_file(inspection_id=inspection.id, actor=employer_actor(stranger))
    assert access.list_inspections(actor=employer_actor(stranger)) == []
    assert [i.id for i in access.list_inspections(actor=employer_actor(user))] == [inspection.id]


def test_answers_take_documents_with_the_evidence_checks(app):
    user, offer, inspection, _admin = opened()
    actor = employer_actor(user)
    with pytest.raises(DomainError) as refused:
        answers.answer_condition(actor=actor, inspection_id=inspection.id,
                                 condition="employment_laws", offer_id=offer.id,
                                 explanation="Payroll attached.",
                                 files=[answers.Upload("payroll.exe", b"MZ\x90\x00")],
                                 max_file_bytes=1024 * 1024)
    assert refused.value.field == "documents" and refused.value.message.code == "evidence.file_type"
    answers.answer_condition(actor=actor, inspection_id=inspection.id,
                             condition="employment_laws", offer_id=offer.id,
                             explanation="Payroll attached.",
                             files=[answers.Upload("payroll.pdf", PDF)],
                             max_file_bytes=1024 * 1024)
    file = access.get_inspection_file(inspection_id=inspection.id, actor=actor)
    assert [a.answer.explanation for a in file.answers] == ["Payroll attached."]
    assert file.answers[0].documents[0].content_type == "application/pdf"
    with pytest.raises(DomainError) as wrong:
        answers.answer_condition(actor=actor, inspection_id=inspection.id,
                                 condition="no_fees_charged", offer_id=offer.id,
                                 explanation="x", files=[], max_file_bytes=1024)
    assert wrong.value.field == "condition"


def test_warning_is_not_published_and_leaves_the_employer_eligible(app):
    user, _offer, inspection, _admin = decided(WARNING)
    assert inspection.state is InspectionState.DECIDED
    assert inspection.warning and not inspection.published and inspection.penalty_cents is None
    standing = get_standing(employer_id=user.employer_id, on=clock.today())
    assert standing.eligible
    assert list_public_bans(on=clock.today()) == []
    kinds = list(db.session.scalars(select(Message.kind)))
    assert kinds[-1] == "inspection_decided"


def test_penalty_paid_with_the_test_card_never_defaults(app):
    user, _offer, inspection, _admin = decided(PENALTY)
    assert inspection.penalty_cents == 700000 and inspection.ban_id is None
    # The decision is deemed received 10 days later, then 30 days to pay.
    assert inspection.penalty_due_on == payment_deadline(inspection.decided_on).due_on
    assert inspection.penalty_due_on >= inspection.decided_on + timedelta(days=40)
    actor = employer_actor(user)
    declined = penalties.pay_penalty(actor=actor, inspection_id=inspection.id,
                                     card_number="4000 0000 0000 0002")
    assert declined is PaymentResult.DECLINED and inspection.penalty_paid_at is None
    paid = penalties.pay_penalty(actor=actor, inspection_id=inspection.id,
                                 card_number="4242 4242 4242 4242")
    assert paid is PaymentResult.SUCCEEDED and inspection.penalty_card_last4 == "4242"
    clock.advance(timedelta(days=60))
    assert get_standing(employer_id=user.employer_id, on=clock.today()).eligible
    with pytest.raises(Conflict):
        penalties.pay_penalty(actor=actor, inspection_id=inspection.id,
                              card_number="4242424242424242")


def test_penalty_in_default_after_its_due_day_refuses_work_permits(app):
    user, _offer, inspection, _admin = decided(PENALTY)
    fresh = OfferFactory(employer=user.employer)
    move_to(inspection.penalty_due_on)
    assert not get_standing(employer_id=user.employer_id, on=clock.today()).in_default
    clock.advance(timedelta(days=1))
    assert get_standing(employer_id=user.employer_id, on=clock.today()).in_default
    with pytest.raises(Conflict) as refused:
        submit_application(details=details_for(fresh), actor=WORKER)
    assert refused.value.message.code == "application.employer_in_default"


def test_ban_is_listed_in_both_languages_and_refuses_work_permits(app):
    user, _offer, inspection, _admin = decided(BAN)
    assert inspection.ban_years == 10 and inspection.penalty_cents == 6000000
    listed = list_public_bans(on=clock.today())
    assert listed[0].reason_in("en") == "Did not meet the conditions of the offer."
    assert listed[0].reason_in("fr") == "N’a pas respecté les conditions de l’offre."
    # Ten years beginning on the day of the decision: the last day is the day before.
    assert listed[0].start_date == inspection.decided_on
    assert listed[0].end_date == inspection.decided_on.replace(year=2037) - timedelta(days=1)
    fresh = OfferFactory(employer=user.employer)
    with pytest.raises(Conflict) as refused:
        submit_application(details=details_for(fresh), actor=WORKER)
    assert refused.value.message.code == "application.employer_banned"
    assert {"compliance.ban_recorded", "inspection.decided"} <= set(_actions())


def test_the_decision_waits_for_the_reply_period_moved_by_the_clock(app):
    user, offer, inspection, admin = opened()
    given = findings.FindingInput("employment_laws", offer.id, FindingOutcome.NON_COMPLIANT,
                                  severity={"benefit": 4})
    findings.record_finding(actor=admin, inspection_id=inspection.id, given=given)
    decisions.issue_preliminary(actor=admin, inspection_id=inspection.id)
    # Deemed received 10 days after sending, 30 days to reply (R209.994): 2027-01-03 is a
    # Sunday, so the last day is the Monday (Interpretation Act s. 26).
    assert inspection.preliminary_due_on == date(2027, 1, 4)
    reasons = {"reason_en": "Wages", "reason_fr": "Salaire"}
    with pytest.raises(Conflict) as early:
        decisions.decide(actor=admin, inspection_id=inspection.id, **reasons)
    assert early.value.message.code == "inspection.too_early_to_decide"
    with language("fr"):  # the day written out (issue 13 item 18), never 2027-01-05
        assert "5 janvier 2027" in say(early.value.message)
    move_to(date(2027, 1, 4))
    decisions.reply_to_preliminary(actor=employer_actor(user), inspection_id=inspection.id,
                                   reply="On the last day")
    move_to(date(2027, 1, 5))
    with pytest.raises(Conflict):
        decisions.reply_to_preliminary(actor=employer_actor(user), inspection_id=inspection.id,
                                       reply="Too late")
    assert decisions.decide(actor=admin, inspection_id=inspection.id, **reasons).decided_on


def test_a_reply_lets_the_officer_decide_at_once(app):
    user, offer, inspection, admin = opened()
    findings.record_finding(actor=admin, inspection_id=inspection.id, given=findings.FindingInput(
        "accurate_information", offer.id, FindingOutcome.NON_COMPLIANT))
    decisions.issue_preliminary(actor=admin, inspection_id=inspection.id)
    decisions.reply_to_preliminary(actor=employer_actor(user), inspection_id=inspection.id,
                                   reply="We corrected the information.")
    done = decisions.decide(actor=admin, inspection_id=inspection.id, reason_en="x", reason_fr="y")
    assert done.warning and inspection.response == "We corrected the information."


def test_a_justified_breach_has_no_consequence_and_needs_the_facts(app):
    _user, offer, inspection, admin = opened()
    claim = findings.FindingInput("employment_laws", offer.id, FindingOutcome.JUSTIFIED,
                                  ground="accounting_error")
    findings.record_finding(actor=admin, inspection_id=inspection.id, given=claim)
    assessment = findings.preview(actor=admin, inspection_id=inspection.id)
    assert assessment.outcome is None
    assert assessment.problems[0].code == "compliance.problem.requirement_compensated"
    compensated = findings.FindingInput("employment_laws", offer.id, FindingOutcome.JUSTIFIED,
                                        ground="accounting_error", facts=("compensated",))
    findings.record_finding(actor=admin, inspection_id=inspection.id, given=compensated)
    outcome = findings.preview(actor=admin, inspection_id=inspection.id).outcome
    assert outcome is not None and outcome.violations == 0
    with pytest.raises(Conflict):
        decisions.issue_preliminary(actor=admin, inspection_id=inspection.id)


def test_a_voluntary_disclosure_takes_four_points_off(app):
    clock.freeze(clock.now().replace(year=2026, month=11, day=24))
    user = UserFactory()
    offer = permitted_offer(user)
    inspection = opening.disclose(actor=employer_actor(user), condition="employment_laws",
                                  statement="We paid overtime late in March.")
    assert inspection.ground is InspectionGround.VOLUNTARY_DISCLOSURE
    from portal.models import InspectionOffer
    db.session.add(InspectionOffer(inspection_id=inspection.id, offer_id=offer.id))
    db.session.commit()
    admin = findings_admin()
    findings.record_finding(actor=admin, inspection_id=inspection.id, given=findings.FindingInput(
        "employment_laws", offer.id, FindingOutcome.NON_COMPLIANT, severity={"benefit": 4}))
    assessment = findings.preview(actor=admin, inspection_id=inspection.id)
    assert "compliance.disclosure.deducted" in [s.code for s in assessment.steps]
    assert assessment.outcome is not None and assessment.outcome.warning


def test_every_condition_and_justification_has_a_name_in_both_languages(app):
    from flask_babel import force_locale

    from portal.catalogue.inspections import CONDITION_LABELS, JUSTIFICATION_LABELS
    from portal.rules.compliance.conditions import all_conditions, all_justifications

    assert set(CONDITION_LABELS) == {c.code for c in all_conditions()}
    assert set(JUSTIFICATION_LABELS) == {j.code for j in all_justifications()}
    with app.test_request_context(), force_locale("fr"):
        assert str(CONDITION_LABELS["offer_terms"]).startswith("Offrir la profession")

"""The worker's work permit step: IRCC's exact matching, what the rules compute for typical
workers, and two applications racing for one offer (decisions: test_decisions.py)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from portal.catalogue import say_in
from portal.extensions import db
from portal.models import (
    ApplicationStatus,
    EmployerBan,
    FeeStatus,
    Message,
    OfferStatus,
    WorkPermitApplication,
)
from portal.rules import fees
from portal.rules.messages import Message as Said
from portal.services.errors import Conflict, DomainError
from portal.services.work_permits.applications import (
    get_application_result,
    not_matched_messages,
    submit_application,
)
from tests.factories import AdminFactory, OfferFactory, UserFactory
from tests.work_permits_helpers import WORKER, details_for, exempt_employer


def say_stored_in(data, lang):
    """A stored message (code and parameters) worded in `lang`."""
    return say_in(Said.from_json(data), lang)


def words(stored, lang="en"):
    return [say_stored_in(reason, lang) for reason in stored]


def fee(application: WorkPermitApplication, key: str) -> int | None:
    return next((f["amount_cents"] for f in application.fee_lines if f["key"] == key), None)


# --- exact matching ------------------------------------------------------------------------


def test_exact_passport_and_citizenship_match_and_the_offer_becomes_matched(app):
    offer = OfferFactory(worker_passport_number="AB123456")
    application = submit_application(details=details_for(offer), actor=WORKER)
    db.session.refresh(offer)
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.number.startswith("W") and len(application.number) == 10
    assert application.offer_id == offer.id
    assert offer.status == OfferStatus.MATCHED and offer.version == 2


@pytest.mark.parametrize(
    "typed",
    ["ab123456", "AB 123456", "AB-123456", "ÀB123456", "AB1234567"],
    ids=["case", "space", "hyphen", "accent", "extra-digit"],
)
def test_any_difference_in_the_passport_number_does_not_match(app, typed):
    # IRCC accepts the application; it stays unmatched and names the field that differs.
    offer = OfferFactory(worker_passport_number="AB123456")
    application = submit_application(details=details_for(offer, passport_number=typed),
                                     actor=WORKER)
    assert application.offer_id is None and application.mismatched_fields == (
        "passport_number",)
    assert application.offer_number == offer.number
    messages = [say_in(m, "en") for _f, m in not_matched_messages(application)]
    assert "AB123456" not in " ".join(messages) and "passport number" in messages[0]
    db.session.refresh(offer)
    assert offer.status == OfferStatus.PENDING


def test_a_different_citizenship_does_not_match(app):
    offer = OfferFactory(worker_citizenship="US")
    application = submit_application(details=details_for(offer, citizenship="CA"), actor=WORKER)
    assert application.mismatched_fields == ("citizenship",)


def test_an_unknown_number_reads_as_a_mismatch(app):
    offer = OfferFactory()
    application = submit_application(details=details_for(offer, offer_number="A9999999"),
                                     actor=WORKER)
    assert application.mismatched_fields == ("offer_number",)
    assert application.offer_number == "A9999999"


def test_withdrawn_offer_is_refused_with_the_reason(app):
    offer = OfferFactory(status=OfferStatus.WITHDRAWN, fee_status=FeeStatus.REFUNDED)
    with pytest.raises(Conflict) as raised:
        submit_application(details=details_for(offer), actor=WORKER)
    assert "withdrew" in say_in(raised.value.message, "en")


def test_a_second_application_on_the_same_number_is_refused(app):
    offer = OfferFactory()
    submit_application(details=details_for(offer), actor=WORKER)
    with pytest.raises(Conflict) as raised:
        submit_application(details=details_for(offer), actor=WORKER)
    assert "already used" in say_in(raised.value.message, "en")
    assert len(db.session.scalars(select(WorkPermitApplication)).all()) == 1


def test_an_offer_of_a_banned_employer_is_refused(app):
    offer = OfferFactory()
    admin = AdminFactory()
    db.session.add(EmployerBan(employer_id=offer.employer_id, start_date=date(2026, 1, 1),
                               reason="Wages not paid as offered", recorded_by=admin.id))
    db.session.commit()
    with pytest.raises(Conflict) as raised:
        submit_application(details=details_for(offer), actor=WORKER)
    assert "not eligible" in say_in(raised.value.message, "en")
    db.session.refresh(offer)
    assert offer.status == OfferStatus.PENDING


def test_other_type_needs_no_offer_number(app):
    exempt_employer("Embassy of Norway")
    application = submit_application(
        details=details_for(None, permit_type="other", offer_number=None,
                            employer_name="Embassy of Norway"), actor=WORKER
    )
    assert application.offer_id is None and application.permit_type == "other"


def test_employer_specific_needs_a_well_formed_number(app):
    with pytest.raises(DomainError) as raised:
        submit_application(details=details_for(None, offer_number="1234567"), actor=WORKER)
    assert raised.value.field == "offer_number"


def test_matching_sends_the_employer_an_offer_matched_message(app):
    user = UserFactory()
    offer = OfferFactory(employer=user.employer)
    submit_application(details=details_for(offer), actor=WORKER)
    message = db.session.scalar(select(Message).where(Message.recipient_user_id == user.id))
    assert message is not None and message.kind == "offer_matched"
    assert offer.number in message.subject
    assert offer.worker_passport_number not in message.body


# --- what the rules compute for typical workers ----------------------------------------


def test_us_t36_software_engineer_online_from_outside(app):
    offer = OfferFactory(code_key="T36", noc_code="21231", teer=1, worker_citizenship="US")
    application = submit_application(details=details_for(offer), actor=WORKER)
    assert fee(application, "processing") == fees.WORK_PERMIT_FEE_CENTS
    assert fee(application, "biometrics") == 0
    assert application.fees_total_cents == fees.WORK_PERMIT_FEE_CENTS
    assert application.travel_document == "none"
    assert application.gss_eligible is True
    assert application.medical_required is False
    assert application.poe_allowed is True


def test_indian_c62_manager_gets_a_visitor_visa(app):
    offer = OfferFactory(code_key="C62", noc_code="00012", teer=0, worker_citizenship="IN")
    application = submit_application(
        details=details_for(offer, upfront_medical=True), actor=WORKER
    )
    assert application.travel_document == "visa"
    assert fee(application, "biometrics") == fees.BIOMETRICS_CENTS
    assert application.fees_total_cents == fees.WORK_PERMIT_FEE_CENTS + fees.BIOMETRICS_CENTS
    # India is a designated country: a 24-month stay after living there needs a medical exam,
    # done upfront here, so two-week processing still applies.
    assert application.medical_required is True
    assert any("designated country" in r for r in words(application.medical_reasons))
    assert application.gss_eligible is True
    assert application.poe_allowed is False  # visa-required nationals apply before travelling


def test_french_iec_young_professional_gets_an_eta_and_no_two_week_processing(app):
    offer = OfferFactory(code_key="C21-YP", noc_code="21232", teer=1, worker_citizenship="FR")
    application = submit_application(details=details_for(offer), actor=WORKER)
    assert application.travel_document == "eta"
    assert fee(application, "iec_participation") == fees.IEC_PARTICIPATION_FEE_CENTS
    assert fee(application, "processing") == 0
    assert application.gss_eligible is False
    assert any("International Experience Canada" in r for r in words(application.gss_reasons))


def test_mexican_cusma_professional_follows_the_data_rule_for_mexico(app):
    # travel_documents.json: Mexico is "eta_conditional" -> a visa, with the note on when an
    # eTA is enough (held a Canadian visa in 10 years or holds a US non-immigrant visa).
    offer = OfferFactory(code_key="T36", noc_code="21231", teer=1, worker_citizenship="MX")
    application = submit_application(details=details_for(offer), actor=WORKER)
    assert application.travel_document == "visa"
    assert application.travel_note["code"] == "travel.eta_conditional"
    assert "eTA" in say_stored_in(application.travel_note, "en")
    assert "AVE" in say_stored_in(application.travel_note, "fr")
    assert fee(application, "biometrics") == fees.BIOMETRICS_CENTS


def test_a_nurse_needs_a_medical_exam_and_only_upfront_keeps_two_weeks(app):
    offer = OfferFactory(code_key="T36", noc_code="31301", teer=1)
    application = submit_application(details=details_for(offer), actor=WORKER)
    assert application.medical_required is True
    assert any("public health" in r for r in words(application.medical_reasons))
    assert application.gss_eligible is False
    second = OfferFactory(code_key="T36", noc_code="31301", teer=1)
    upfront = submit_application(details=details_for(second, upfront_medical=True), actor=WORKER)
    assert upfront.medical_required is True and upfront.gss_eligible is True


def test_pgwp_open_permit_pays_the_open_work_permit_holder_fee(app):
    application = submit_application(
        details=details_for(None, permit_type="open", offer_number=None, open_code="C43",
                            citizenship="IN", residence_country="CA", applies_from="inside"),
        actor=WORKER,
    )
    assert fee(application, "open_permit_holder") == fees.OPEN_PERMIT_HOLDER_FEE_CENTS
    assert application.fees_total_cents == (
        fees.WORK_PERMIT_FEE_CENTS + fees.OPEN_PERMIT_HOLDER_FEE_CENTS + fees.BIOMETRICS_CENTS
    )
    assert application.gss_eligible is False


def test_port_of_entry_application_refused_when_the_rules_forbid_it(app):
    offer = OfferFactory(code_key="C62", noc_code="00012", teer=0, worker_citizenship="IN")
    with pytest.raises(DomainError) as raised:
        submit_application(details=details_for(offer, applies_from="port_of_entry"), actor=WORKER)
    assert raised.value.field == "applies_from"
    db.session.refresh(offer)
    assert offer.status == OfferStatus.PENDING


def test_result_needs_the_right_date_of_birth(app):
    offer = OfferFactory()
    application = submit_application(details=details_for(offer), actor=WORKER)
    assert get_application_result(number=application.number, date_of_birth=date(1990, 4, 25))
    with pytest.raises(DomainError):
        get_application_result(number=application.number, date_of_birth=date(1990, 4, 26))


# --- concurrency ---------------------------------------------------------------------------


@pytest.mark.real_commits  # two threads racing on their own connections
def test_two_applications_at_the_same_moment_exactly_one_matches(app):
    offer = OfferFactory()
    details = details_for(offer)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def apply() -> None:
        with app.app_context():
            barrier.wait()
            try:
                submit_application(details=details, actor=WORKER)
                outcomes.append("matched")
            except Conflict:
                outcomes.append("refused")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=apply) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["matched", "refused"]
    db.session.rollback()  # end the test's read snapshot: see what the threads wrote
    assert len(db.session.scalars(select(WorkPermitApplication)).all()) == 1
    assert db.session.get(type(offer), offer.id).status == OfferStatus.MATCHED

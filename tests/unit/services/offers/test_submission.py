"""Submission is one transaction: fee, number and status together or not at all; numbers are
unique under concurrency; payments are idempotent; the database refuses bad states."""

from __future__ import annotations

import re
import threading
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import AuditEvent, FeeStatus, Offer, OfferStatus, Payment
from portal.models.enums import FEE_EXEMPTION_PROOF, RefundCause
from portal.services.actor import Actor
from portal.services.compliance import bans, exemptions
from portal.services.errors import Conflict, Forbidden
from portal.services.offers import access, drafts, evidence, lifecycle, submission
from tests.factories import AdminFactory, UserFactory
from tests.files import PDF
from tests.offers_helpers import actor_for, complete_draft

LIMITS = {"max_file_bytes": 5 * 1024 * 1024, "max_offer_bytes": 25 * 1024 * 1024}


def _pay(offer_id: int, actor: Actor, key: str, card: str = "4242424242424242"):
    return submission.pay_and_submit(offer_id=offer_id, actor=actor, card_number=card,
                                            idempotency_key=key)


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_paying_submits_with_a_random_number_and_audits(app):
    user = UserFactory()
    offer = complete_draft(user)
    attempt = _pay(offer.id, actor_for(user), "a" * 32)
    assert attempt.succeeded and _count(Payment) == 1
    offer = db.session.get(Offer, offer.id)
    assert re.fullmatch(r"A\d{7}", offer.number)
    assert offer.status == OfferStatus.PENDING and offer.fee_status == FeeStatus.PAID
    assert offer.version == 2 and offer.submitted_at is not None
    assert attempt.payment.card_last4 == "4242" and attempt.payment.card_brand == "Visa"
    assert re.fullmatch(r"R\d{10}", attempt.payment.receipt_number)
    actions = list(db.session.scalars(select(AuditEvent.action)))
    assert {"offer.fee_paid", "offer.submitted"} <= set(actions)
    details = " ".join(db.session.scalars(select(AuditEvent.details)))
    assert "18AV12345" not in details and "4242424242424242" not in details


def test_the_same_key_never_charges_twice(app):
    user = UserFactory()
    offer = complete_draft(user)
    first = _pay(offer.id, actor_for(user), "k" * 32)
    second = _pay(offer.id, actor_for(user), "k" * 32)
    assert second.payment.id == first.payment.id and _count(Payment) == 1
    with pytest.raises(Conflict):
        _pay(offer.id, actor_for(user), "n" * 32)  # a new attempt on a submitted offer
    assert _count(Payment) == 1


def test_the_database_allows_one_successful_payment_per_offer(app):
    user = UserFactory()
    offer = complete_draft(user)
    _pay(offer.id, actor_for(user), "p" * 32)
    db.session.add(Payment(offer_id=offer.id, amount_cents=23000, card_brand="Visa",
                           card_last4="4242", result="succeeded", receipt_number="R0000000001",
                           idempotency_key="q" * 32))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_draft_cannot_have_a_number_nor_a_pending_offer_an_unsettled_fee(app):
    user = UserFactory()
    offer = complete_draft(user)
    offer.number = "A1234567"
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    offer = db.session.get(Offer, offer.id)
    offer.status, offer.number = OfferStatus.PENDING, "A1234567"
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_declined_then_retried(app):
    user = UserFactory()
    offer = complete_draft(user)
    declined = _pay(offer.id, actor_for(user), "d" * 32, card="4000000000000002")
    assert not declined.succeeded
    assert db.session.get(Offer, offer.id).status == OfferStatus.DRAFT
    assert _pay(offer.id, actor_for(user), "e" * 32).succeeded


@pytest.mark.parametrize("step", ["_record_payment", "_allocate_number", "_set_pending",
                                  "_audit_submission"])
def test_a_failure_after_any_step_of_paying_leaves_a_draft(app, monkeypatch, step):
    user = UserFactory()
    offer = complete_draft(user)
    original = getattr(submission, step)

    def fail_after(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("injected")

    monkeypatch.setattr(submission, step, fail_after)
    with pytest.raises(RuntimeError):
        _pay(offer.id, actor_for(user), "f" * 32)
    db.session.expire_all()
    offer = db.session.get(Offer, offer.id)
    assert offer.status == OfferStatus.DRAFT and offer.number is None
    assert offer.fee_status == FeeStatus.UNPAID
    assert _count(Payment) == 0
    monkeypatch.undo()
    assert _pay(offer.id, actor_for(user), "f" * 32).succeeded  # the same key works afterwards


@pytest.mark.parametrize("step", ["_allocate_number", "_set_pending", "_audit_submission"])
def test_a_failure_after_any_step_of_an_exempt_submission_leaves_a_draft(app, monkeypatch, step):
    user = UserFactory()
    offer = complete_draft(user, code="C31")
    submission.claim_fee_exemption(offer_id=offer.id, actor=actor_for(user),
                                          reason="Research", proof_filename="p.pdf",
                                          proof_data=PDF, **LIMITS)
    original = getattr(submission, step)

    def fail_after(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("injected")

    monkeypatch.setattr(submission, step, fail_after)
    with pytest.raises(RuntimeError):
        submission.submit_exempt_offer(offer_id=offer.id, actor=actor_for(user))
    db.session.expire_all()
    offer = db.session.get(Offer, offer.id)
    assert offer.status == OfferStatus.DRAFT and offer.number is None
    assert offer.fee_status == FeeStatus.UNPAID


def test_exempt_submission_needs_the_claim_and_its_proof(app):
    user = UserFactory()
    offer = complete_draft(user, code="C31")
    with pytest.raises(Conflict):
        submission.submit_exempt_offer(offer_id=offer.id, actor=actor_for(user))
    with pytest.raises(Conflict):
        _pay(offer.id, actor_for(user), "x" * 32)  # no payment is taken for an exempt fee
    submission.claim_fee_exemption(offer_id=offer.id, actor=actor_for(user),
                                          reason="Research", proof_filename="p.pdf",
                                          proof_data=PDF, **LIMITS)
    submitted = submission.submit_exempt_offer(offer_id=offer.id, actor=actor_for(user))
    assert submitted.fee_status == FeeStatus.EXEMPT and submitted.number
    files = evidence.list_files(offer_id=offer.id, actor=actor_for(user))
    assert [f.item_id for f in files] == [FEE_EXEMPTION_PROOF]


def test_a_colliding_number_is_retried(app, monkeypatch):
    user = UserFactory()
    first, second = complete_draft(user), complete_draft(user)
    numbers = iter(["A1111111", "A1111111", "A2222222"])
    monkeypatch.setattr(submission, "new_offer_number", lambda rng: next(numbers))
    _pay(first.id, actor_for(user), "1" * 32)
    _pay(second.id, actor_for(user), "2" * 32)
    assert {db.session.get(Offer, i).number for i in (first.id, second.id)} == {
        "A1111111", "A2222222"}


def test_blocking_findings_stop_submission_without_charging(app):
    user = UserFactory()
    offer = complete_draft(user)
    drafts.save_section(offer_id=offer.id, actor=actor_for(user), section="attestations",
                               values={"attestations": []})
    with pytest.raises(submission.NotReady):
        _pay(offer.id, actor_for(user), "b" * 32)
    assert _count(Payment) == 0


def test_prepare_users_cannot_pay_submit_or_withdraw(app):
    user = UserFactory()
    offer = complete_draft(user)
    prepare = Actor(user_id=user.id, employer_id=user.employer_id, can_submit=False)
    with pytest.raises(Forbidden):
        _pay(offer.id, prepare, "c" * 32)
    with pytest.raises(Forbidden):
        lifecycle.withdraw_offer(offer_id=offer.id, actor=prepare, reason="x")


def test_banned_employers_cannot_submit_and_exempt_ones_cannot_create(app):
    admin = AdminFactory()
    admin_actor = Actor(user_id=admin.id, is_admin=True)
    user = UserFactory()
    offer = complete_draft(user)
    bans.record_ban(actor=admin_actor, employer_id=user.employer_id, reason="Inspection",
                    reason_fr="Inspection", start_date=date(2020, 1, 1), end_date=None,
                    penalty_cents=None)
    with pytest.raises(submission.NotReady):
        _pay(offer.id, actor_for(user), "z" * 32)
    other = UserFactory()
    exemptions.grant_exemption(actor=admin_actor, employer_id=other.employer_id,
                               terms=exemptions.ExemptionTerms(
                                   category=exemptions.ExemptionCategory.FOREIGN_GOVERNMENT,
                                   legal_basis="R209.9", effective_date=date(2020, 1, 1),
                                   expiry_date=None, note=""))
    with pytest.raises(Forbidden):
        drafts.create_draft(actor=actor_for(other))


def test_mark_matched_and_refund_take_part_in_the_callers_transaction(app):
    user = UserFactory()
    offer = complete_draft(user)
    _pay(offer.id, actor_for(user), "m" * 32)
    offer = access.get_offer_by_number(db.session.get(Offer, offer.id).number)
    lifecycle.mark_matched(offer=offer, actor=Actor.system())
    db.session.rollback()  # the caller's transaction fails: nothing was committed
    offer = db.session.get(Offer, offer.id)
    assert offer.status == OfferStatus.PENDING
    lifecycle.mark_matched(offer=offer, actor=Actor.system())
    refund = lifecycle.refund_fee(offer=offer, cause=RefundCause.WORK_PERMIT_REFUSED,
                                   actor=Actor.system())
    db.session.commit()
    assert offer.status == OfferStatus.MATCHED and offer.version == 3
    assert refund is not None and refund.amount_cents == 23000
    assert offer.fee_status == FeeStatus.REFUNDED
    assert lifecycle.refund_fee(offer=offer, cause=RefundCause.WORK_PERMIT_REFUSED,
                                actor=Actor.system()) is None
    with pytest.raises(Conflict):
        lifecycle.mark_matched(offer=offer, actor=Actor.system())
    assert _count(Payment) == 1


@pytest.mark.real_commits  # eight threads, each with its own connection
def test_concurrent_submissions_get_distinct_numbers(app):
    users = [UserFactory() for _ in range(4)]
    work = [(user, complete_draft(user).id) for user in users for _ in range(5)]
    errors: list[BaseException] = []

    def submit(batch):
        with app.app_context():
            try:
                for user, offer_id in batch:
                    _pay(offer_id, Actor(user_id=user.id, employer_id=user.employer_id),
                         f"thread-key-{offer_id:020d}")
            except BaseException as exc:
                errors.append(exc)
            finally:
                db.session.remove()

    # Each thread has its own app context and session: pass it plain ids, not ORM objects.
    plain = [[(_Plain(u.id, u.employer_id), o) for u, o in work[i::8]] for i in range(8)]
    db.session.commit()
    threads = [threading.Thread(target=submit, args=(b,)) for b in plain]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    db.session.commit()  # end the test's read snapshot: see what the threads committed
    rows = db.session.execute(select(Offer.number, Offer.fee_status, Offer.status)).all()
    numbers = [r.number for r in rows]
    assert len(rows) == 20 and None not in numbers and len(set(numbers)) == 20
    assert all(r.fee_status == FeeStatus.PAID and r.status == OfferStatus.PENDING for r in rows)
    assert _count(Payment) == 20


class _Plain:
    def __init__(self, user_id: int, employer_id: int):
        self.id = user_id
        self.employer_id = employer_id

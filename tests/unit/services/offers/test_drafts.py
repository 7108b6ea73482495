"""Drafts and evidence: saving sections, code answers, files checked by content and size."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.catalogue import say_in
from portal.extensions import db
from portal.models import AuditEvent, Offer
from portal.services.actor import Actor
from portal.services.compliance import exemptions
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.offers import access, drafts, evidence
from portal.services.offers.review import review_offer
from tests.factories import AdminFactory, UserFactory
from tests.files import JPEG, PDF, PNG
from tests.offers_helpers import actor_for, complete_draft

LIMITS = {"max_file_bytes": 1000, "max_offer_bytes": 2500}


def test_sections_save_and_audit_field_names_only(app):
    user = UserFactory()
    offer = complete_draft(user)
    assert offer.teer == 1 and offer.work_province == "ON"
    assert review_offer(db.session.get(Offer, offer.id)).ready
    details = " ".join(db.session.scalars(select(AuditEvent.details)))
    assert "worker_passport_number" in details and "18AV12345" not in details


def test_changing_the_code_drops_the_old_codes_answers(app):
    user = UserFactory()
    actor = actor_for(user)
    offer = drafts.create_draft(actor=actor)
    drafts.save_section(offer_id=offer.id, actor=actor, section="code", values={
        "code_key": "t36", "answers": {"cusma_profession": "not_listed", "stray": "x"}})
    offer = db.session.get(Offer, offer.id)
    assert offer.code_key == "T36" and offer.answers == {"cusma_profession": "not_listed"}
    drafts.save_section(offer_id=offer.id, actor=actor, section="code",
                               values={"code_key": "C10"})
    assert db.session.get(Offer, offer.id).answers == {}


def test_meaningless_values_are_refused_with_the_field(app):
    user = UserFactory()
    actor = actor_for(user)
    offer = drafts.create_draft(actor=actor)
    for section, values, field in (
        ("code", {"code_key": "C41"}, "code_key"),  # an open permit code: no employer offer
        ("job", {"noc_code": "99999"}, "noc_code"),
        ("worker", {"worker_citizenship": "ZZ"}, "worker_citizenship"),
    ):
        with pytest.raises(DomainError) as caught:
            drafts.save_section(offer_id=offer.id, actor=actor, section=section,
                                       values=values)
        assert caught.value.field == field


def test_submitted_offers_cannot_be_edited_or_deleted(app):
    from portal.services.offers import submission

    user = UserFactory()
    offer = complete_draft(user)
    submission.pay_and_submit(offer_id=offer.id, actor=actor_for(user),
                                     card_number="4242424242424242", idempotency_key="s" * 32)
    with pytest.raises(Conflict):
        drafts.save_section(offer_id=offer.id, actor=actor_for(user), section="job",
                                   values={"job_title": "Other"})
    with pytest.raises(Conflict):
        drafts.delete_draft(offer_id=offer.id, actor=actor_for(user))


def test_evidence_is_checked_by_content_and_size(app):
    user = UserFactory()
    offer = complete_draft(user)
    actor = actor_for(user)
    item = "evidence-of-significant-social-cultural-or"
    add = dict(offer_id=offer.id, actor=actor, item_id=item, filename="f.pdf", **LIMITS)
    with pytest.raises(DomainError) as raised:
        evidence.add_file(**add, data=b"<html>%PDF-")
    assert "PDF, PNG or JPEG" in say_in(raised.value.message, "en")
    with pytest.raises(DomainError) as raised:
        evidence.add_file(**add, data=PDF + b"x" * 1000)
    assert "too big" in say_in(raised.value.message, "en")
    jpeg = evidence.add_file(**add, data=JPEG)
    pdf = evidence.add_file(**add, data=PDF)
    with pytest.raises(DomainError) as raised:
        evidence.add_file(**{**add, "max_offer_bytes": jpeg.size + pdf.size}, data=PNG)
    assert "in total" in say_in(raised.value.message, "en")
    with pytest.raises(DomainError):
        evidence.add_file(**{**add, "item_id": "not-an-item"}, data=PDF)
    files = evidence.list_files(offer_id=offer.id, actor=actor)
    assert [f.content_type for f in files] == ["image/jpeg", "application/pdf"]


def test_evidence_is_readable_by_the_employer_and_admins_only(app):
    user = UserFactory()
    offer = complete_draft(user)
    stored = evidence.add_file(offer_id=offer.id, actor=actor_for(user),
                               item_id="fee-exemption-proof", filename="p.pdf", data=PDF,
                               **LIMITS)
    admin = AdminFactory()
    got = evidence.get_file(offer_id=offer.id, file_id=stored.id,
                            actor=Actor(user_id=admin.id, is_admin=True))
    assert got.data == PDF
    with pytest.raises(NotFound):
        evidence.get_file(offer_id=offer.id, file_id=stored.id, actor=actor_for(UserFactory()))
    with pytest.raises(NotFound):
        access.get_offer(offer_id=offer.id, actor=actor_for(UserFactory()))


def test_exempt_employers_dashboard_explains_instead_of_offering_to_submit(client, auth, app):
    user = UserFactory()
    admin = AdminFactory()
    exemptions.grant_exemption(
        actor=Actor(user_id=admin.id, is_admin=True), employer_id=user.employer_id,
        terms=exemptions.ExemptionTerms(
            category=exemptions.ExemptionCategory.DIPLOMATIC_OR_CONSULAR_MISSION,
            legal_basis="R209.9", effective_date=date(2020, 1, 1), expiry_date=None, note=""))
    auth.sign_in(user.email)
    page = client.get("/employer/").text
    assert "exempt from the employer compliance regime" in page
    assert "Submit an offer of employment" not in page
    response = client.post("/employer/offers/new", follow_redirects=True)
    assert "exempt from the employer compliance regime" in response.text
    assert db.session.scalar(select(Offer.id)) is None

"""The confirmation service's pieces: the masked passport, the QR code, rendering once per
version and language, and who may get it."""

from __future__ import annotations

import base64

import pytest
import segno
from sqlalchemy import select

from portal.extensions import db
from portal.models import Offer, OfferDocument
from portal.services.actor import Actor
from portal.services.documents import confirmation as documents
from portal.services.errors import NotFound
from tests.documents_helpers import (
    qr_matrix_from_svg,
    submitted_offer,
)
from tests.factories import UserFactory


def test_passport_is_masked_to_its_last_four_characters():
    assert documents.mask_passport("19FX98765") == "•••••8765"
    assert documents.mask_passport(" AB1234 ") == "••1234"
    assert documents.mask_passport("1234") == "••••"
    assert documents.mask_passport(None) == ""


def test_qr_code_is_one_svg_path_that_reads_back_as_the_payload():
    payload = "https://portal.example/verify-offer?number=A1234567&code=ABCDE23456"

    uri = documents.qr_svg_data_uri(payload)

    assert uri.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(uri.split(",", 1)[1]).decode()
    assert svg.count("<path") == 1 and "<rect" not in svg
    expected = [[int(bool(m)) for m in row]
                for row in segno.make(payload, error="m").matrix_iter(scale=1, border=4)]
    assert qr_matrix_from_svg(svg) == expected
    other = [[int(bool(m)) for m in row]
             for row in segno.make(payload + "X", error="m").matrix_iter(scale=1, border=4)]
    assert qr_matrix_from_svg(svg) != other


def _call(offer_id: int, actor: Actor, language: str = "en",
          calls: list[str] | None = None) -> documents.ConfirmationPdf:
    """A download as the edge makes it: the stored PDF, or the context rendered and stored."""
    stored = documents.get_offer_confirmation(offer_id=offer_id, actor=actor, language=language)
    if stored is not None:
        return stored
    context = documents.confirmation_context(
        offer_id=offer_id, actor=actor, language=language, secret=b"s" * 32,
        verification_page="https://x.example/v",
    )
    if calls is not None:
        calls.append(context.language)
    html = (f'<!DOCTYPE html><html lang="{context.language}"><head><title>x</title></head>'
            f"<body><p>{context.offer.number} {context.verification_code}</p></body></html>")
    return documents.render_confirmation(context, html)


def _actor(user) -> Actor:
    return Actor(user_id=user.id, employer_id=user.employer_id)


def test_service_renders_once_per_version_and_language(app):
    user = UserFactory()
    offer = submitted_offer(user.employer)
    calls: list[str] = []

    first = _call(offer.id, _actor(user), "en", calls)
    again = _call(offer.id, _actor(user), "en", calls)

    assert (first.rendered, again.rendered) == (True, False)
    assert first.data == again.data and first.filename == f"offer-{offer.number}.pdf"
    assert calls == ["en"]
    offer = db.session.get(Offer, offer.id)
    offer.version += 1
    db.session.commit()
    assert _call(offer.id, _actor(user), "en", calls).rendered is True
    rows = db.session.scalars(select(OfferDocument)).all()
    assert [(r.offer_version, r.size == len(r.pdf)) for r in rows] == [(3, True)]


def test_service_refuses_drafts_strangers_and_unknown_languages(app):
    user = UserFactory()
    offer = submitted_offer(user.employer)
    draft = Offer(employer_id=user.employer_id)
    db.session.add(draft)
    db.session.commit()

    with pytest.raises(NotFound):
        _call(draft.id, _actor(user))
    with pytest.raises(NotFound):
        _call(offer.id, _actor(UserFactory()))
    with pytest.raises(ValueError, match="language"):
        _call(offer.id, _actor(user), "de")
    assert db.session.scalars(select(OfferDocument)).all() == []


def test_a_concurrent_store_of_the_same_version_wins(app, monkeypatch):
    """Two first downloads at once: the second to store serves the first one's bytes."""
    user = UserFactory()
    offer = submitted_offer(user.employer)
    real_render = documents.render_pdf

    def render_then_someone_else_stores(html: str) -> bytes:
        db.session.add(OfferDocument(offer_id=offer.id, offer_version=2, language="en",
                                     pdf=b"%PDF-other", size=10))
        db.session.commit()
        return real_render(html)

    monkeypatch.setattr(documents, "render_pdf", render_then_someone_else_stores)

    result = _call(offer.id, _actor(user))

    assert result.data == b"%PDF-other"
    assert len(db.session.scalars(select(OfferDocument)).all()) == 1


def test_context_is_refused_like_the_pdf_and_links_the_verification_page(app):
    user = UserFactory()
    offer = submitted_offer(user.employer)
    draft = Offer(employer_id=user.employer_id)
    db.session.add(draft)
    db.session.commit()

    def context(offer_id: int, actor: Actor) -> documents.ConfirmationContext:
        return documents.confirmation_context(
            offer_id=offer_id, actor=actor, language="fr", secret=b"s" * 32,
            verification_page="https://x.example/verify-offer",
        )

    for offer_id, actor in ((draft.id, _actor(user)), (offer.id, _actor(UserFactory()))):
        with pytest.raises(NotFound):
            context(offer_id, actor)
    made = context(offer.id, _actor(user))
    code = made.verification_code.replace("-", "")
    assert made.verification_url == (
        f"https://x.example/verify-offer?number={offer.number}&code={code}"
    )
    assert made.qr_payload == made.verification_url and made.language == "fr"

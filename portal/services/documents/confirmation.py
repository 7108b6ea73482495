"""The offer confirmation PDF: what it shows, and rendering it once per offer version.

Other areas call, in this order (the HTML is the edge's to make, from a template):
- `get_offer_confirmation(*, offer_id, actor, language)` -> the stored `ConfirmationPdf`, or
  None when this version of the offer has no PDF in `language` yet; then
- `confirmation_context(*, offer_id, actor, language, secret, verification_page)` ->
  `ConfirmationContext`, the plain values the template shows, and
- `render_confirmation(context, html)` -> `ConfirmationPdf`: the complete HTML document the
  edge rendered from that context, turned into the PDF and stored.
The queue (no actor: the portal itself) asks `confirmation_to_render(*, offer_id, language,
secret, verification_page)` -> the context, or None when there is nothing to do; then
`render_confirmation` likewise. `offers_missing_confirmations()` lists what the sweep redoes.

Guarantees:
- Only the offer's employer's users and administrators get it (`offers.access.get_offer`); anyone
  else, and any draft (a draft has no number, so no confirmation), gets NotFound.
- A PDF is rendered at most once per (offer, version, language) and stored
  (`OfferDocument`); later downloads serve the stored bytes. A status change bumps the
  offer's version, so the next download renders the new state (e.g. the WITHDRAWN stamp).
- Rendering happens after the submission committed, never inside its transaction: on the
  queue (both languages, asked for by the submission) or, when the task has not run yet, on
  download; no database transaction is held open while WeasyPrint works.
- The edge renders the HTML with the app's Jinja environment (autoescape, the reader's filters
  and translations); this service turns it into a locked-down PDF (`documents.render`: data:
  URIs only). The service takes values, never callbacks, and stays free of Flask.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

import segno
from babel.numbers import format_decimal
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from portal import clock
from portal.database import end_read_transaction, write_transaction
from portal.extensions import db
from portal.models import Employer, Offer, OfferDocument, OfferStatus, Payment
from portal.rules.countries import country_name, province_name
from portal.rules.messages import Message
from portal.rules.numbers import format_verification_code, verification_code
from portal.services.actor import Actor
from portal.services.errors import NotFound
from portal.services.offers.access import get_offer
from portal.services.offers.details import OfferDetails, offer_details
from portal.services.offers.drafts import ATTESTATIONS

LANGUAGES = ("en", "fr")
_LOCALES = {"en": "en_CA", "fr": "fr_CA"}
QR_ERROR_LEVEL = "m"  # 15 % of the code may be smudged or folded and it still reads


@dataclass(frozen=True)
class LocationLine:
    address: str
    city: str
    province: str
    postal_code: str


@dataclass(frozen=True)
class ConfirmationContext:
    """Everything the template shows, in `language`. User text stays plain text here: the
    template escapes it."""

    language: str
    offer: Offer
    employer: Employer
    status: OfferStatus
    withdrawn: bool
    submitted_at: datetime | None
    passport_masked: str
    date_of_birth: date | None
    citizenship: str
    noc_title: str
    teer: int | None
    hours_per_week: str
    locations: tuple[LocationLine, ...]
    code: str
    code_name: str
    code_regulation: str
    payment: Payment | None
    fee_refunded: bool
    attestations: tuple[Message, ...]  # worded by the template, in the document's language
    verification_code: str  # printed, e.g. "ABCDE-FGHJK"
    verification_url: str
    qr_payload: str  # what the QR code encodes (the verification URL)
    qr_data_uri: str  # the QR code as one SVG <path>, base64 data: URI


@dataclass(frozen=True)
class ConfirmationPdf:
    filename: str
    data: bytes
    rendered: bool  # False when the stored bytes were served


def mask_passport(number: str | None) -> str:
    """ "•••••1234": only the last 4 characters are shown (all of a shorter number is hidden)."""
    value = (number or "").strip()
    if len(value) <= 4:
        return "•" * len(value)
    return "•" * (len(value) - 4) + value[-4:]


def qr_svg_data_uri(payload: str) -> str:
    """The QR code for `payload` as a vector SVG (one <path>) in a base64 data: URI."""
    svg = segno.make(payload, error=QR_ERROR_LEVEL, micro=False).svg_inline(
        scale=1, border=4, omitsize=False
    )
    document = '<svg xmlns="http://www.w3.org/2000/svg"' + svg.removeprefix("<svg")
    return "data:image/svg+xml;base64," + base64.b64encode(document.encode("utf-8")).decode()


def filename_for(offer: Offer) -> str:
    return f"offer-{offer.number}.pdf"


def get_offer_confirmation(*, offer_id: int, actor: Actor, language: str) -> ConfirmationPdf | None:
    """The stored confirmation PDF of a submitted offer's current version in `language`
    ("en" or "fr"), or None when it is not rendered yet (`confirmation_context`, then
    `render_confirmation`). Raises NotFound (not visible to the actor, or a draft), ValueError
    (a language other than en/fr)."""
    offer = _submitted_offer(offer_id, actor, language)
    stored = _stored(offer.id, offer.version, language)
    if stored is None:
        return None
    return ConfirmationPdf(filename=filename_for(offer), data=stored, rendered=False)


def confirmation_context(*, offer_id: int, actor: Actor, language: str, secret: bytes,
                         verification_page: str) -> ConfirmationContext:
    """What the confirmation template shows for the offer's current version, in `language`.
    `verification_page` is the absolute address of the public page the QR code opens; the
    offer's number and verification code go in its query. Raises as get_offer_confirmation."""
    offer = _submitted_offer(offer_id, actor, language)
    return _context(offer_details(offer), language, secret, verification_page)


def render_confirmation(context: ConfirmationContext, html: str) -> ConfirmationPdf:
    """Turn `html`, the complete document rendered from `context`, into the PDF and store it
    for the offer version the context was made from (a concurrent first download's bytes win
    when it stored that version first)."""
    offer_key, version = context.offer.id, context.offer.version
    filename = filename_for(context.offer)
    # End the read transaction (nothing was written) so no snapshot or connection is held
    # while WeasyPrint works for a few hundred milliseconds.
    end_read_transaction()
    pdf = render_pdf(html)
    return ConfirmationPdf(
        filename=filename, data=_store(offer_key, version, language=context.language, pdf=pdf),
        rendered=True,
    )


def confirmation_to_render(*, offer_id: int, language: str, secret: bytes,
                           verification_page: str) -> ConfirmationContext | None:
    """For the queue (no actor: the portal itself): the context of the offer's current version
    in `language` when its PDF is not stored yet; None when it is, or the offer is gone or a
    draft (nothing to do). Rendering it beside a download stores one PDF (`_store`: the first
    stored bytes win), so the task is idempotent."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    offer = db.session.get(Offer, offer_id)
    if offer is None or offer.status == OfferStatus.DRAFT or offer.number is None:
        return None
    if _stored(offer.id, offer.version, language) is not None:
        return None
    return _context(offer_details(offer), language, secret, verification_page)


def _submitted_offer(offer_id: int, actor: Actor, language: str) -> Offer:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    offer = get_offer(offer_id=offer_id, actor=actor)
    if offer.status == OfferStatus.DRAFT or offer.number is None:
        raise NotFound(Message.of("offer.no_confirmation"))
    return offer


def render_pdf(html: str) -> bytes:
    """HTML -> PDF through the locked-down renderer (imported on first use: it is slow)."""
    from portal.services.documents import render

    return render.html_to_pdf(html)


def _stored(offer_id: int, version: int, language: str) -> bytes | None:
    return db.session.scalar(
        select(OfferDocument.pdf).where(
            OfferDocument.offer_id == offer_id,
            OfferDocument.offer_version == version,
            OfferDocument.language == language,
        )
    )


def _store(offer_id: int, version: int, *, language: str, pdf: bytes) -> bytes:
    """Keep the PDF for this version and drop older versions' PDFs. When a concurrent request
    stored the same version first, its bytes win (both renders show the same state)."""
    try:
        with write_transaction():
            existing = _stored(offer_id, version, language)
            if existing is not None:
                return existing
            db.session.execute(
                delete(OfferDocument).where(
                    OfferDocument.offer_id == offer_id, OfferDocument.offer_version < version
                )
            )
            db.session.add(
                OfferDocument(offer_id=offer_id, offer_version=version, language=language,
                              pdf=pdf, size=len(pdf), created_at=clock.now())
            )
    except IntegrityError:
        # PostgreSQL: another request inserted the same version between our check and insert.
        existing = _stored(offer_id, version, language)
        if existing is None:
            raise
        return existing
    return pdf


def _context(details: OfferDetails, language: str, secret: bytes,
             verification_page: str) -> ConfirmationContext:
    offer, code, group, payment = details.offer, details.entry, details.unit_group, details.payment
    assert offer.number is not None
    raw_code = verification_code(offer.number, secret)
    url = f"{verification_page}?{urlencode({'number': offer.number, 'code': raw_code})}"
    accepted = set(offer.attestations or ())
    return ConfirmationContext(
        language=language,
        offer=offer,
        employer=details.employer,
        status=OfferStatus(offer.status),
        withdrawn=offer.status == OfferStatus.WITHDRAWN,
        submitted_at=offer.submitted_at,
        passport_masked=mask_passport(offer.worker_passport_number),
        date_of_birth=offer.worker_date_of_birth,
        citizenship=country_name(offer.worker_citizenship, language)
        if offer.worker_citizenship else "",
        noc_title=group.title(language) if group else "",
        teer=details.teer,
        hours_per_week=format_decimal(offer.hours_per_week, format="#,##0.###",
                                      locale=_LOCALES[language])
        if offer.hours_per_week is not None else "",
        locations=tuple(
            LocationLine(address=loc.address_line1 or "", city=loc.city or "",
                         province=province_name(loc.province, language) if loc.province else "",
                         postal_code=loc.postal_code or "")
            for loc in offer.locations
        ),
        code=code.code if code else (offer.code_key or ""),
        code_name=(code.name_fr if language == "fr" else code.name_en) if code else "",
        code_regulation=code.regulation if code else "",
        payment=payment,
        fee_refunded=bool(payment and payment.refunds),
        attestations=tuple(label for key, label in ATTESTATIONS if key in accepted),
        verification_code=format_verification_code(raw_code),
        verification_url=url,
        qr_payload=url,
        qr_data_uri=qr_svg_data_uri(url),
    )


def offers_missing_confirmations(*, submitted_within_days: int = 7, limit: int = 500) -> list[int]:
    """Ids of offers submitted in the last days whose current version lacks a stored PDF in
    either language: the queue's sweep renders them (a render task lost with a consumer killed
    in the middle of it is done again)."""
    since = clock.now() - timedelta(days=submitted_within_days)
    stored = (
        select(func.count(OfferDocument.id))
        .where(OfferDocument.offer_id == Offer.id, OfferDocument.offer_version == Offer.version)
        .scalar_subquery()
    )
    return list(
        db.session.scalars(
            select(Offer.id)
            .where(Offer.status != OfferStatus.DRAFT, Offer.number.is_not(None),
                   Offer.submitted_at >= since, stored < len(LANGUAGES))
            .order_by(Offer.id)
            .limit(limit)
        )
    )

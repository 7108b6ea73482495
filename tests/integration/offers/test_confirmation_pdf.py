"""The offer confirmation PDF: download, content in both languages, access, QR code, hostile
text, caching per offer version."""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from pypdf import PdfReader
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import Offer, OfferDocument, OfferStatus
from portal.rules.numbers import check_verification_code, verification_code
from portal.services.documents import confirmation as documents
from portal.services.documents.render import DataOnlyFetcher
from tests.admin_helpers import NOW, enrolled_admin, sign_in_admin
from tests.documents_helpers import (
    Canary,
    hostile_payloads,
    pdf_pages,
    pdf_text,
    qr_image_svg,
    qr_matrix_from_svg,
    squeeze,
    submitted_offer,
)
from tests.factories import UserFactory


def url(offer: Offer, lang: str | None = None) -> str:
    query = f"?lang={lang}" if lang else ""
    return f"/employer/offers/{offer.id}/confirmation.pdf{query}"


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every PDF render (the real renderer still runs)."""
    seen: list[str] = []
    real = documents.render_pdf

    def spy(html: str) -> bytes:
        seen.append(html)
        return real(html)

    monkeypatch.setattr(documents, "render_pdf", spy)
    return seen


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


def test_download_is_an_attachment_that_is_never_cached(client, signed_in):
    offer = submitted_offer(signed_in.employer)

    response = client.get(url(offer, "en"))

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="offer-{offer.number}.pdf"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"%PDF-")


def test_english_pdf_shows_the_offer(client, signed_in):
    employer = signed_in.employer
    offer = submitted_offer(employer)

    pages = pdf_pages(client.get(url(offer, "en")).data)
    text = "\n".join(pages)

    assert offer.number in text
    assert employer.legal_name in text
    assert employer.business_number_display in text
    assert "Senior software developer" in text
    assert "C10" in text and "R205(a)" in text
    assert "21231" in text and squeeze("Software engineers and designers") in squeeze(text)
    assert "$52.50" in text and "$230.00" in text
    assert f"R{offer.id:010d}" in text  # the receipt number
    assert "France" in text
    assert "May 17, 1990" in text
    assert "February 1, 2027" in text  # the start date
    assert "37.5(fulltime)" in squeeze(text)
    assert "37.50" not in text  # hours without a trailing zero (issue 13 item 18)
    assert "LMIA-exempt" in text
    for page_number, page in enumerate(pages, start=1):
        assert "not issued by the Government of Canada" in page
        assert f"Offer number {offer.number}" in page
        assert f"Page {page_number} of {len(pages)}" in page


def test_french_pdf_shows_the_offer_in_french(client, signed_in):
    employer = signed_in.employer
    offer = submitted_offer(employer)

    pages = pdf_pages(client.get(url(offer, "fr")).data)
    text = "\n".join(pages)

    assert offer.number in text
    assert employer.legal_name in text
    assert "Senior software developer" in text  # the employer's own words are not translated
    assert "C10" in text
    noc_title = "Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel"
    assert squeeze(noc_title) in squeeze(text)
    assert "52,50$" in squeeze(text) and "230,00$" in squeeze(text)  # babel puts a no-break space
    assert "17 mai 1990" in text
    assert "1er février 2027" in text  # the first of the month is "1er" (issue 13 item 18)
    assert "37,5" in text and "37,50" not in text
    assert "Employeur" in text and "Travailleur étranger" in text
    for page_number, page in enumerate(pages, start=1):
        assert "pas été délivré par le gouvernement du Canada" in page
        assert f"Numéro d'offre {offer.number}" in page
        assert f"Page {page_number} de {len(pages)}" in page
    assert "not issued by the Government of Canada" not in text


def test_default_language_is_the_users(client, signed_in):
    offer = submitted_offer(signed_in.employer)
    client.get("/?lang=fr")  # the user switches the portal to French

    text = pdf_text(client.get(url(offer)).data)

    assert "pas été délivré par le gouvernement du Canada" in text


def test_passport_number_appears_only_masked(client, signed_in):
    offer = submitted_offer(signed_in.employer, worker_passport_number="19FX98765")

    for lang in ("en", "fr"):
        text = pdf_text(client.get(url(offer, lang)).data)
        assert "•••••8765" in text
        assert "19FX98765" not in squeeze(text)
        assert "19FX9" not in squeeze(text)


def test_exempt_fee_shows_the_reason(client, signed_in):
    offer = submitted_offer(signed_in.employer, paid=False)

    text = pdf_text(client.get(url(offer, "en")).data)

    assert "Exempt" in text
    assert "The employer is a registered charity." in text


def test_another_employers_user_gets_404(client, auth, app):
    offer = submitted_offer(UserFactory().employer)
    stranger = UserFactory()
    auth.sign_in(stranger.email)

    assert client.get(url(offer, "en")).status_code == 404
    assert client.get(f"/admin/offers/{offer.id}/confirmation.pdf").status_code == 404
    assert client.get("/employer/offers/999999/confirmation.pdf").status_code == 404


def test_signed_out_visitor_cannot_download(client, app):
    offer = submitted_offer(UserFactory().employer)

    response = client.get(url(offer, "en"))

    assert response.status_code in (302, 401, 404)
    assert not response.data.startswith(b"%PDF")


def test_colleague_of_the_same_employer_can_download(client, auth, signed_in):
    offer = submitted_offer(signed_in.employer)
    colleague = UserFactory(employer=signed_in.employer, role="employer_secondary")
    auth.sign_out()
    auth.sign_in(colleague.email)

    assert client.get(url(offer, "en")).status_code == 200


def test_the_employer_route_is_not_for_administrators(client, app):
    clock.freeze(NOW)
    offer = submitted_offer(UserFactory().employer)
    sign_in_admin(client, enrolled_admin())

    assert client.get(url(offer, "en")).status_code == 404


def test_a_draft_has_no_confirmation(client, signed_in):
    draft = Offer(employer_id=signed_in.employer_id)
    db.session.add(draft)
    db.session.commit()

    assert client.get(url(draft, "en")).status_code == 404


def test_qr_code_encodes_the_verification_url(client, signed_in, app, renders):
    offer = submitted_offer(signed_in.employer)

    data = client.get(url(offer, "en")).data

    secret = app.config["SECRET_KEY"].encode("utf-8")
    code = verification_code(offer.number, secret)
    expected = f"http://localhost/verify-offer?number={offer.number}&code={code}"
    expected_matrix = [
        [int(bool(module)) for module in row]
        for row in segno.make(expected, error="m").matrix_iter(scale=1, border=4)
    ]
    svg = qr_image_svg(renders[0])
    assert qr_matrix_from_svg(svg) == expected_matrix
    # The code printed under the QR code checks against the offer number.
    printed = f"{code[:5]}-{code[5:]}"
    assert printed in pdf_text(data)
    query = parse_qs(urlsplit(expected).query)
    assert check_verification_code(query["number"][0], printed, secret)
    # ...and the URL opens the public verification page for this offer.
    page = client.get(expected.removeprefix("http://localhost"))
    assert page.status_code == 200 and offer.number in page.get_data(as_text=True)


def test_qr_reader_is_not_fooled_by_a_different_url(client, signed_in, renders):
    """The check above can fail: the matrix of another offer's URL differs."""
    offer = submitted_offer(signed_in.employer)
    client.get(url(offer, "en"))
    wrong = f"http://localhost/verify-offer?number={offer.number}&code=AAAAAAAAAA"
    wrong_matrix = [
        [int(bool(m)) for m in row]
        for row in segno.make(wrong, error="m").matrix_iter(scale=1, border=4)
    ]
    assert qr_matrix_from_svg(qr_image_svg(renders[0])) != wrong_matrix


def test_pdf_is_tagged_with_title_and_language(client, signed_in):
    offer = submitted_offer(signed_in.employer)

    for lang in ("en", "fr"):
        reader = PdfReader(io.BytesIO(client.get(url(offer, lang)).data))
        root = reader.trailer["/Root"]
        assert root["/Lang"] == lang
        assert "/StructTreeRoot" in root
        assert bool(root["/MarkInfo"]["/Marked"])
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        assert offer.number in reader.metadata.title
        assert reader.attachments == {}


def test_second_download_serves_the_stored_pdf(client, signed_in, renders):
    offer = submitted_offer(signed_in.employer)

    first = client.get(url(offer, "en")).data
    second = client.get(url(offer, "en")).data

    assert len(renders) == 1
    assert first == second
    client.get(url(offer, "fr"))
    client.get(url(offer, "fr"))
    assert len(renders) == 2  # one per language
    stored = db.session.scalars(select(OfferDocument).where(OfferDocument.offer_id == offer.id))
    assert sorted((d.offer_version, d.language) for d in stored) == [(2, "en"), (2, "fr")]


def test_status_change_renders_a_new_version_stamped_withdrawn(client, signed_in, renders):
    long_duties = "\n".join(f"Duty {n}: plan, build and review part {n} of the system."
                            for n in range(1, 60))
    offer = submitted_offer(signed_in.employer, duties=long_duties)
    before = client.get(url(offer, "en")).data
    assert "WITHDRAWN" not in pdf_text(before)

    offer.status = OfferStatus.WITHDRAWN  # what withdraw_offer does, version + 1
    offer.version += 1
    db.session.commit()
    after = client.get(url(offer, "en")).data

    assert len(renders) == 2
    pages = pdf_pages(after)
    assert len(pages) >= 2
    assert all("WITHDRAWN" in page for page in pages)
    french = pdf_pages(client.get(url(offer, "fr")).data)
    assert all("RETIRÉE" in page for page in french)
    versions = db.session.scalars(
        select(OfferDocument.offer_version).where(OfferDocument.offer_id == offer.id)
    ).all()
    assert set(versions) == {3}  # the old version's PDF is no longer kept


def test_matched_offer_gets_a_new_render(client, signed_in, renders):
    offer = submitted_offer(signed_in.employer)
    client.get(url(offer, "en"))
    offer.status = OfferStatus.MATCHED
    offer.version += 1
    db.session.commit()

    text = pdf_text(client.get(url(offer, "en")).data)

    assert len(renders) == 2
    assert "Matched to a work permit application" in text


def test_hostile_text_is_printed_not_fetched(client, signed_in, canary, renders):
    payloads = hostile_payloads(canary.port)
    everything = " ".join(payloads)
    employer = signed_in.employer
    employer.legal_name = payloads[3][:200]
    db.session.commit()
    offer = submitted_offer(
        employer,
        worker_given_names=payloads[0],
        worker_family_name=payloads[1][:100],
        job_title=payloads[5][:200],
        duties=everything,
        overtime=everything,
        benefits_other=everything,
    )
    blocked_before = DataOnlyFetcher.blocked

    data = client.get(url(offer, "en")).data

    assert canary.hits == []
    assert DataOnlyFetcher.blocked == blocked_before  # autoescape: nothing even tried
    text = squeeze(pdf_text(data))
    for payload in payloads:
        assert squeeze(payload) in text
    assert PdfReader(io.BytesIO(data)).attachments == {}
    assert "root:" not in text  # nothing of /etc/passwd
    assert "&lt;" not in renders[0].split("<body>")[0]  # sanity: the head is the template's


def test_french_pdf_does_not_switch_the_portal_language(client, signed_in):
    offer = submitted_offer(signed_in.employer)
    client.get("/employer/?lang=en")

    client.get(url(offer, "fr"))

    with client.session_transaction() as session:
        assert session.get("lang") == "en"


@pytest.mark.parametrize(("lang", "main", "other"), [
    ("en", "Download the confirmation (PDF)", "Download it in French (PDF)"),
    ("fr", "Télécharger la confirmation (PDF)", "La télécharger en anglais (PDF)"),
])
def test_download_links_partial(app, signed_in, lang, main, other):
    from flask import render_template

    offer = submitted_offer(signed_in.employer)
    draft = Offer(employer_id=signed_in.employer_id)
    db.session.add(draft)
    db.session.commit()
    with app.test_request_context(f"/?lang={lang}"):
        html = render_template("offers/_download_link.html", offer=offer)
        draft_html = render_template("offers/_download_link.html", offer=draft)

    assert main in html and other in html
    assert f"/employer/offers/{offer.id}/confirmation.pdf?lang={lang}" in html
    assert draft_html.strip() == ""


def test_pathological_text_renders_well_within_the_worker_timeout(client, signed_in):
    import time

    # The longest text the offer forms accept: 4,000 characters of duties in 200 lines, 2,000
    # characters without a break, a 200-character unbroken job title.
    many_lines = "\n".join(f"line {n:03d} " + "x" * 10 for n in range(200))[:4000]
    offer = submitted_offer(signed_in.employer, duties=many_lines, overtime="W" * 2000,
                            benefits_other="B" * 2000, job_title="J" * 200)

    start = time.perf_counter()
    response = client.get(url(offer, "en"))
    elapsed = time.perf_counter() - start

    assert response.status_code == 200
    assert elapsed < 20  # gunicorn kills a sync worker after 30 s
    assert "line 199" in pdf_text(response.data)

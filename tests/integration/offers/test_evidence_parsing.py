"""Hostile evidence files on the pages and through the API (issue 12 item 7): the refusal is
shown next to the file field in the user's language (problem+json with the field's pointer in
the API), what was typed stays in the form, and no file is stored."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import EvidenceFile, InspectionDocument
from tests.api_helpers import bearer, make_key
from tests.files import PDF
from tests.inspections_helpers import opened
from tests.offers_helpers import complete_draft
from tests.unit.services.offers import hostile_files as hostile

ITEM = "evidence-of-significant-social-cultural-or"


def _error_next_to(html: str, field: str) -> str:
    found = re.search(rf'id="{field}-error"[^>]*>(.*?)</p>', html, re.S)
    assert found, f"no message next to {field}"
    return unescape(re.sub(r"<[^>]+>", "", found.group(1)))


@pytest.mark.parametrize(("lang", "build", "words"), [
    ("en", hostile.javascript_pdf, "The PDF contains JavaScript"),
    ("fr", hostile.javascript_pdf, "Le PDF contient du JavaScript"),
    ("en", lambda: hostile.SVG_AFTER_JPEG_MAGIC, "The image cannot be read"),
    ("fr", hostile.zip_bomb_pdf, "Une fois ouvert, le PDF dépasse 30 Mo"),
    ("en", hostile.huge_png_header, "The image is too large: at most 40 megapixels"),
])
def test_the_evidence_page_shows_the_refusal_next_to_the_file(client, signed_in, lang, build,
                                                              words):
    offer = complete_draft(signed_in)
    response = client.post(f"/employer/offers/{offer.id}/evidence?lang={lang}",
                           data={"item_id": ITEM, "file": (io.BytesIO(build()), "scan.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert words in _error_next_to(html, "file")
    assert f'<option selected value="{ITEM}">' in html  # the choice is kept
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0


def test_the_page_says_what_a_file_may_hold_in_both_languages(client, signed_in):
    offer = complete_draft(signed_in)
    english = client.get(f"/employer/offers/{offer.id}/evidence?lang=en").get_data(as_text=True)
    assert "A PDF can have at most 50 pages and must not contain scripts" in unescape(english)
    french = client.get(f"/employer/offers/{offer.id}/evidence?lang=fr").get_data(as_text=True)
    assert "Un PDF peut compter au plus 50 pages" in unescape(french)


def test_the_fee_exemption_proof_is_parsed_too(client, signed_in):
    offer = complete_draft(signed_in, code="C31")
    response = client.post(f"/employer/offers/{offer.id}/fee-exemption?lang=fr", data={
        "reason": "Échange de recherche", "claim": "1",
        "proof": (io.BytesIO(hostile.HTML_AFTER_PDF_HEADER), "preuve.pdf")},
        content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert "Le PDF ne peut pas être ouvert" in _error_next_to(html, "proof")
    assert "Échange de recherche" in html
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0


def test_the_api_answers_problem_json_with_the_field_and_the_code(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    for build, code in ((hostile.launch_pdf, "evidence.pdf_launch"),
                        (hostile.embedded_file_pdf, "evidence.pdf_embedded"),
                        (lambda: hostile.HTML_AFTER_PDF_HEADER, "evidence.pdf_unreadable")):
        response = client.post(
            f"/api/v1/offers/{offer.id}/evidence",
            headers=bearer(token, **{"Accept-Language": "fr"}),
            data={"item_id": ITEM, "file": (io.BytesIO(build()), "lettre.pdf")},
            content_type="multipart/form-data")
        assert response.status_code == 422
        assert response.mimetype == "application/problem+json"
        error = response.get_json()["errors"][0]
        assert error["pointer"] == "/file" and error["code"] == code
        assert "PDF" in error["detail"] and response.headers["Content-Language"] == "fr"
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0
    good = client.post(f"/api/v1/offers/{offer.id}/evidence", headers=bearer(token),
                       data={"item_id": ITEM, "file": (io.BytesIO(PDF), "lettre.pdf")},
                       content_type="multipart/form-data")
    assert good.status_code == 201


def test_an_inspection_answer_refuses_a_hostile_document_and_keeps_the_text(app, client, auth):
    user, offer, inspection, _admin = opened()
    assert auth.sign_in(user.email).status_code == 302
    response = client.post(f"/employer/inspections/{inspection.id}/answers", data={
        "condition": "employment_laws", "offer": str(offer.id),
        "explanation": "Payroll for March attached.",
        "documents": (io.BytesIO(hostile.encrypted_pdf()), "payroll.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "protected by a password" in _error_next_to(html, "documents")
    assert "Payroll for March attached." in html
    assert db.session.scalar(select(func.count(InspectionDocument.id))) == 0

"""Evidence files are parsed, not trusted by their first bytes (issue 12 item 7): each hostile
file that passed the old signature check is refused with its own message in both languages and
nothing is stored; images are stored re-encoded, without their metadata."""

from __future__ import annotations

import io
import time
import tracemalloc

import pytest
from PIL import Image
from sqlalchemy import func, select

from portal.catalogue import say_in
from portal.extensions import db
from portal.models import AuditEvent, EvidenceFile
from portal.services.errors import DomainError
from portal.services.offers import evidence
from portal.services.offers.filecheck import UploadLimits
from tests.factories import UserFactory
from tests.files import PDF, jpeg_bytes, pdf_bytes
from tests.offers_helpers import actor_for, complete_draft
from tests.unit.services.offers import hostile_files as hostile

LIMITS = {"max_file_bytes": 5 * 1024 * 1024, "max_offer_bytes": 25 * 1024 * 1024}
ITEM = "evidence-of-significant-social-cultural-or"

HOSTILE = [
    ("html after a PDF header", lambda: hostile.HTML_AFTER_PDF_HEADER, "evidence.pdf_unreadable",
     "cannot be opened", "ne peut pas être ouvert"),
    ("SVG after JPEG magic", lambda: hostile.SVG_AFTER_JPEG_MAGIC, "evidence.image_unreadable",
     "cannot be read", "ne peut pas être lue"),
    ("HTML after JPEG magic", lambda: hostile.HTML_AFTER_JPEG_MAGIC, "evidence.image_unreadable",
     "not really a PNG or JPEG", "pas vraiment une image PNG ou JPEG"),
    ("60000x60000 PNG", hostile.huge_png_header, "evidence.image_too_large",
     "at most 40 megapixels", "au plus 40 mégapixels"),
    ("JavaScript PDF", hostile.javascript_pdf, "evidence.pdf_javascript",
     "contains JavaScript", "contient du JavaScript"),
    ("JavaScript open action", hostile.open_action_javascript_pdf, "evidence.pdf_javascript",
     "contains JavaScript", "contient du JavaScript"),
    ("JavaScript page action (/AA)", hostile.page_additional_action_pdf,
     "evidence.pdf_javascript", "contains JavaScript", "contient du JavaScript"),
    ("launch action PDF", hostile.launch_pdf, "evidence.pdf_launch",
     "launches a program", "lance un programme"),
    ("embedded file PDF", hostile.embedded_file_pdf, "evidence.pdf_embedded",
     "files attached inside it", "contient des fichiers joints"),
    ("encrypted PDF", hostile.encrypted_pdf, "evidence.pdf_encrypted",
     "password", "mot de passe"),
    ("51 pages", lambda: pdf_bytes(51), "evidence.pdf_too_many_pages",
     "more than 50 pages", "plus de 50 pages"),
    ("zip bomb", hostile.zip_bomb_pdf, "evidence.pdf_expands",
     "more than 30 MB", "dépasse 30 Mo"),
    ("zip bomb in the cross-reference stream", hostile.xref_stream_bomb_pdf,
     "evidence.pdf_expands", "more than 30 MB", "dépasse 30 Mo"),
]


@pytest.mark.parametrize(("name", "build", "code", "english", "french"), HOSTILE,
                         ids=[case[0] for case in HOSTILE])
def test_each_hostile_file_is_refused_with_its_message_and_nothing_stored(
        app, name, build, code, english, french):
    user = UserFactory()
    offer = complete_draft(user)
    with pytest.raises(DomainError) as refused:
        evidence.add_file(offer_id=offer.id, actor=actor_for(user), item_id=ITEM,
                          filename="evidence.pdf", data=build(), limits=UploadLimits(),
                          **LIMITS)
    assert refused.value.field == "file" and refused.value.message.code == code
    assert english in say_in(refused.value.message, "en")
    assert french in say_in(refused.value.message, "fr")
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0
    assert "offer.evidence_added" not in set(db.session.scalars(select(AuditEvent.action)))


@pytest.mark.parametrize("build", [hostile.zip_bomb_pdf, hostile.xref_stream_bomb_pdf])
def test_the_zip_bomb_is_refused_fast_and_in_little_memory(app, build):
    bomb = build()
    assert len(bomb) < 200_000  # 50 MB of zeros behind a PDF header, compressed
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(DomainError) as refused:
        evidence.check_upload(bomb, max_file_bytes=LIMITS["max_file_bytes"])
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert refused.value.message.code == "evidence.pdf_expands"
    assert elapsed < 1.0, f"the bomb took {elapsed:.2f} s"
    assert peak < 8 * 1024 * 1024, f"the bomb took {peak // 1024} KB"


def test_the_limits_are_settings(app):
    assert UploadLimits.of(app.config) == UploadLimits()
    three = UploadLimits.of({"EVIDENCE_MAX_PDF_PAGES": 3, "EVIDENCE_MAX_IMAGE_PIXELS": 100})
    evidence.check_upload(pdf_bytes(3), max_file_bytes=10_000, limits=three)
    with pytest.raises(DomainError) as pages:
        evidence.check_upload(pdf_bytes(4), max_file_bytes=10_000, limits=three)
    assert "more than 3 pages" in say_in(pages.value.message, "en")
    with pytest.raises(DomainError) as pixels:
        evidence.check_upload(jpeg_bytes(11, 10), max_file_bytes=10_000, limits=three)
    assert pixels.value.message.code == "evidence.image_too_large"


def _exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotated 90 degrees
    exif[0x8825] = {1: "N", 2: (45.0, 25.0, 12.0), 3: "W", 4: (75.0, 41.0, 30.0)}  # GPS
    return exif.tobytes()


def test_a_jpeg_with_exif_is_stored_without_it_and_upright(app):
    user = UserFactory()
    offer = complete_draft(user)
    original = jpeg_bytes(40, 20, exif=_exif_with_gps())
    assert dict(Image.open(io.BytesIO(original)).getexif())  # the upload carries GPS
    stored = evidence.add_file(offer_id=offer.id, actor=actor_for(user), item_id=ITEM,
                               filename="photo.jpg", data=original, **LIMITS)
    kept = evidence.get_file(offer_id=offer.id, file_id=stored.id, actor=actor_for(user))
    image = Image.open(io.BytesIO(kept.data))
    assert image.format == "JPEG" and dict(image.getexif()) == {}
    assert b"PhoneMaker" not in kept.data and b"Exif" not in kept.data
    assert image.size == (20, 40)  # the orientation is applied, so it still looks the same
    assert stored.size == len(kept.data) and stored.content_type == "image/jpeg"


def test_a_pdf_made_by_a_real_tool_passes():
    from weasyprint import HTML

    made = HTML(string="<h1>Payroll</h1><p>" + "Hours and wages. " * 2000
                + '</p><a href="https://example.com">details</a>').write_pdf()
    assert evidence.check_upload(made, max_file_bytes=LIMITS["max_file_bytes"]).data == made


def test_a_real_pdf_is_stored_as_uploaded(app):
    user = UserFactory()
    offer = complete_draft(user)
    stored = evidence.add_file(offer_id=offer.id, actor=actor_for(user), item_id=ITEM,
                               filename="letter.pdf", data=PDF, **LIMITS)
    assert evidence.get_file(offer_id=offer.id, file_id=stored.id,
                             actor=actor_for(user)).data == PDF

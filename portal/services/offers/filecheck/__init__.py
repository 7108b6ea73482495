"""What an uploaded evidence file really is: parsed, not trusted by its first bytes.

Guarantees: a file is stored only if it is a PDF that pypdf opens (not encrypted, at most
`max_pdf_pages` pages, no JavaScript, launch action or embedded file, and whose compressed
streams expand to at most `max_pdf_expanded_bytes` in total, counted without keeping them), or a
PNG or JPEG that Pillow decodes within `max_image_pixels` (its size is read before any pixel is
allocated). Images are re-encoded in their own format, so the stored bytes carry no metadata
(EXIF, GPS, text chunks). Each refusal is a DomainError on the caller's field with its own
message. The limits are settings (config EVIDENCE_MAX_PDF_PAGES, EVIDENCE_MAX_PDF_EXPANDED_BYTES,
EVIDENCE_MAX_IMAGE_PIXELS) read by the edge into `UploadLimits.of(config)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portal.rules.messages import Message
from portal.services.errors import DomainError
from portal.services.offers.filecheck import images, pdf

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"

_MAGIC = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)


@dataclass(frozen=True)
class UploadLimits:
    """How far a file is read before it is refused (the defaults are config.py's)."""

    max_pdf_pages: int = 50
    max_pdf_expanded_bytes: int = 30 * 1024 * 1024
    max_image_pixels: int = 40_000_000

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> UploadLimits:
        """The limits from the application's settings (any missing one keeps its default)."""
        default = cls()
        return cls(
            max_pdf_pages=int(config.get("EVIDENCE_MAX_PDF_PAGES", default.max_pdf_pages)),
            max_pdf_expanded_bytes=int(
                config.get("EVIDENCE_MAX_PDF_EXPANDED_BYTES", default.max_pdf_expanded_bytes)),
            max_image_pixels=int(
                config.get("EVIDENCE_MAX_IMAGE_PIXELS", default.max_image_pixels)),
        )


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed: its real type and the bytes to store (re-encoded for images)."""

    content_type: str
    data: bytes


def sniff_content_type(data: bytes) -> str | None:
    """The type the file claims by its first bytes, or None when it is not PDF, PNG or JPEG."""
    for magic, content_type in _MAGIC:
        if data.startswith(magic):
            return content_type
    return None


def check_content(data: bytes, *, limits: UploadLimits, field: str) -> CheckedFile:
    """Parse the file as the type its first bytes claim. Raises DomainError on `field`."""
    content_type = sniff_content_type(data)
    if content_type is None:
        raise DomainError(Message.of("evidence.file_type"), field=field)
    try:
        if content_type == PDF:
            pdf.check(data, max_pages=limits.max_pdf_pages,
                      max_expanded_bytes=limits.max_pdf_expanded_bytes)
            return CheckedFile(content_type, data)
        fmt = "PNG" if content_type == PNG else "JPEG"
        return CheckedFile(content_type,
                           images.reencode(data, fmt=fmt, max_pixels=limits.max_image_pixels))
    except DomainError as refused:
        raise DomainError(refused.message, field=field, code=refused.code) from None

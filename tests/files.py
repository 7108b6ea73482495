"""Real files for the tests that upload evidence: the portal parses what it is given (a PDF must
open with pypdf, an image must decode with Pillow), so fake bytes behind a signature are refused.
"""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfWriter


def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF of `pages` blank A4 pages (a few hundred bytes)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    """A real PNG of one colour."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(width: int = 8, height: int = 8, exif: bytes = b"") -> bytes:
    """A real JPEG of one colour, with the EXIF block given (none by default)."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 30, 200)).save(out, "JPEG", exif=exif)
    return out.getvalue()


PDF = pdf_bytes()
PNG = png_bytes()
JPEG = jpeg_bytes()

"""Hostile files built in the tests: each passes the old first-bytes check and must be refused."""

from __future__ import annotations

import io
import struct
import zlib

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

HTML_AFTER_PDF_HEADER = b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\n"
HTML_AFTER_JPEG_MAGIC = b"\xff\xd8\xff\xe0<!doctype html><p>not a photo</p>"
SVG_AFTER_JPEG_MAGIC = (b"\xff\xd8\xff<svg xmlns='http://www.w3.org/2000/svg'>"
                        b"<script>alert(1)</script></svg>")
BOMB_EXPANDED_BYTES = 50 * 1024 * 1024


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _one_page() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def javascript_pdf() -> bytes:
    """JavaScript in the document's names tree (/Names /JavaScript), run when it opens."""
    writer = _one_page()
    action = writer._add_object(DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert('hello');"),
    }))
    writer._root_object[NameObject("/Names")] = DictionaryObject({
        NameObject("/JavaScript"): DictionaryObject({
            NameObject("/Names"): ArrayObject([TextStringObject("hello"), action]),
        }),
    })
    return _written(writer)


def open_action_javascript_pdf() -> bytes:
    """JavaScript run by /OpenAction when the document opens."""
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.launchURL('https://example.com');"),
    })
    return _written(writer)


def page_additional_action_pdf() -> bytes:
    """JavaScript in a page's additional actions (/AA /O: run when the page opens)."""
    writer = _one_page()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({
        NameObject("/O"): DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("this.print();"),
        }),
    })
    return _written(writer)


def launch_pdf() -> bytes:
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/Launch"),
        NameObject("/F"): TextStringObject("cmd.exe"),
    })
    return _written(writer)


def embedded_file_pdf() -> bytes:
    writer = _one_page()
    writer.add_attachment("payload.exe", b"MZ not really a program")
    return _written(writer)


def encrypted_pdf() -> bytes:
    writer = _one_page()
    writer.encrypt("secret")
    return _written(writer)


def zip_bomb_pdf() -> bytes:
    """One page whose content stream is 50 MB of zeros, FlateDecode-compressed (about 50 KB)."""
    writer = _one_page()
    stream = StreamObject()
    stream._data = zlib.compress(b"\0" * BOMB_EXPANDED_BYTES, 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page = writer.pages[0]
    page[NameObject("/Contents")] = writer._add_object(stream)
    return _written(writer)


def xref_stream_bomb_pdf() -> bytes:
    """A PDF 1.5 whose cross-reference stream, read before anything else, expands to 50 MB."""
    parts = [b"%PDF-1.5\n"]
    offsets = []
    for number, body in enumerate((b"<</Type/Catalog/Pages 2 0 R>>",
                                   b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
                                   b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>"), 1):
        offsets.append(sum(map(len, parts)))
        parts.append(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref_at = sum(map(len, parts))
    rows = b"\x00\x00\x00\xff" + b"".join(
        b"\x01" + offset.to_bytes(2, "big") + b"\x00" for offset in (*offsets, xref_at))
    data = zlib.compress(rows + b"\0" * BOMB_EXPANDED_BYTES, 9)
    parts.append(b"4 0 obj\n<</Type/XRef/W[1 2 1]/Size 5/Root 1 0 R/Filter/FlateDecode"
                 b"/Length %d>>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n"
                 % (len(data), data, xref_at))
    return b"".join(parts)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def huge_png_header(width: int = 60000, height: int = 60000) -> bytes:
    """A valid PNG signature and header claiming width x height, with a tiny body."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + _png_chunk(b"IEND", b""))



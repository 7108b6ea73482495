"""The evidence list shows each file's size as people read it (issue 13 item 25: a 200-byte
upload showed "0 KB")."""

from __future__ import annotations

import io
import struct
import zlib

from sqlalchemy import select

from portal.extensions import db
from portal.models import EvidenceFile
from tests.offers_helpers import complete_draft


def _png() -> bytes:
    """A real 1x1 white PNG (decodable, so any image check accepts it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def test_a_small_upload_shows_its_size_in_bytes_in_both_languages(client, signed_in):
    offer = complete_draft(signed_in)
    url = f"/employer/offers/{offer.id}/evidence"
    client.post(url, data={"item_id": "evidence-of-significant-social-cultural-or",
                           "file": (io.BytesIO(_png()), "scan.png")},
                content_type="multipart/form-data")
    size = db.session.scalar(select(EvidenceFile.size))
    assert 0 < size < 1024
    assert f"<td>{size} bytes</td>" in client.get(url).get_data(as_text=True)
    client.get("/employer/?lang=fr")
    assert f"<td>{size} octets</td>" in client.get(url).get_data(as_text=True)

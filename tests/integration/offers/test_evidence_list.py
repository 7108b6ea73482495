"""The evidence list shows each file's size as people read it (issue 13 item 25: a 200-byte
upload showed "0 KB")."""

from __future__ import annotations

import io

from sqlalchemy import select

from portal.extensions import db
from portal.models import EvidenceFile
from tests.files import PNG
from tests.offers_helpers import complete_draft


def test_a_small_upload_shows_its_size_in_bytes_in_both_languages(client, signed_in):
    offer = complete_draft(signed_in)
    url = f"/employer/offers/{offer.id}/evidence"
    client.post(url, data={"item_id": "evidence-of-significant-social-cultural-or",
                           "file": (io.BytesIO(PNG), "scan.png")},
                content_type="multipart/form-data")
    size = db.session.scalar(select(EvidenceFile.size))
    assert 0 < size < 1024
    assert f"<td>{size} bytes</td>" in client.get(url).get_data(as_text=True)
    client.get("/employer/?lang=fr")
    assert f"<td>{size} octets</td>" in client.get(url).get_data(as_text=True)

"""Evidence files through the API: the items the code asks for, upload (multipart) with the
page's checks, download, delete; only drafts take or lose files."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import EvidenceFile
from tests.api_helpers import bearer, make_key
from tests.files import PDF
from tests.offers_helpers import complete_draft

ITEM = "employer-s-explanation-of-how-the"


def _upload(client, token, offer_id, data=PDF, name="passport.pdf", item=ITEM, **headers):
    return client.post(f"/api/v1/offers/{offer_id}/evidence", headers=bearer(token, **headers),
                       data={"item_id": item, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_the_list_names_what_the_code_asks_for_in_both_languages(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    english = client.get(f"/api/v1/offers/{offer.id}/evidence", headers=bearer(token))
    assert english.status_code == 200
    items = english.get_json()["items"]
    assert ITEM in [i["id"] for i in items] and english.get_json()["files"] == []
    assert all(i["label"] and i["file_count"] == 0 and i["required"] for i in items)
    french = client.get(f"/api/v1/offers/{offer.id}/evidence",
                        headers=bearer(token, **{"Accept-Language": "fr"})).get_json()["items"]
    assert [i["id"] for i in french] == [i["id"] for i in items]
    assert [i["label"] for i in french] != [i["label"] for i in items]


def test_upload_list_download_and_delete(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    created = _upload(client, token, offer.id)
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert body["item_id"] == ITEM and body["content_type"] == "application/pdf"
    assert body["size"] == len(PDF) and body["filename"] == "passport.pdf"
    listed = client.get(f"/api/v1/offers/{offer.id}/evidence", headers=bearer(token)).get_json()
    assert [f["id"] for f in listed["files"]] == [body["id"]]
    assert {i["id"]: i["file_count"] for i in listed["items"]}[ITEM] == 1
    download = client.get(created.headers["Location"], headers=bearer(token))
    assert download.status_code == 200 and download.data == PDF
    assert download.mimetype == "application/pdf"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    gone = client.delete(created.headers["Location"], headers=bearer(token))
    assert gone.status_code == 204
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0
    assert client.get(created.headers["Location"], headers=bearer(token)).status_code == 404


def test_the_page_checks_apply_type_read_from_content_and_the_item(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    fake = _upload(client, token, offer.id, data=b"MZ\x90\x00 not a pdf", name="virus.pdf")
    assert fake.status_code == 422
    assert fake.get_json()["errors"][0]["pointer"] == "/file"
    french = _upload(client, token, offer.id, data=b"", **{"Accept-Language": "fr"})
    assert french.status_code == 422 and french.headers["Content-Language"] == "fr"
    unknown = _upload(client, token, offer.id, item="not-an-item")
    assert unknown.status_code == 422
    assert unknown.get_json()["errors"][0]["pointer"] == "/item_id"
    missing = client.post(f"/api/v1/offers/{offer.id}/evidence", headers=bearer(token),
                          data={"file": (io.BytesIO(PDF), "a.pdf")},
                          content_type="multipart/form-data")
    assert missing.status_code == 422
    assert missing.get_json()["errors"][0]["pointer"] == "/item_id"
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0


def test_a_file_over_the_limit_is_refused(make_app, _schema):
    app = make_app(EVIDENCE_MAX_FILE_BYTES=200)  # small: the test client spools big bodies
    with app.app_context():
        from tests.factories import UserFactory

        user = UserFactory()
        token = make_key(user)
        offer = complete_draft(user)
        big = _upload(app.test_client(), token, offer.id, data=PDF + b"0" * 200)
        assert big.status_code == 422
        assert big.get_json()["errors"][0]["code"] == "evidence.file_too_big"


def test_a_submitted_offer_takes_and_loses_no_files(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    kept = _upload(client, token, offer.id).headers["Location"]
    paid = client.post(f"/api/v1/offers/{offer.id}/payment", headers=bearer(
        token, **{"Idempotency-Key": "p1"}), json={"card_number": "4242424242424242",
                                                  "expiry": "12/30", "cvc": "123"})
    assert paid.status_code == 201
    assert _upload(client, token, offer.id).status_code == 409
    assert client.delete(kept, headers=bearer(token)).status_code == 409
    assert client.get(kept, headers=bearer(token)).status_code == 200


def test_a_read_only_key_cannot_upload(client, employer_user):
    token = make_key(employer_user, "read")
    offer = complete_draft(employer_user)
    assert _upload(client, token, offer.id).status_code == 403
    assert client.get(f"/api/v1/offers/{offer.id}/evidence",
                      headers=bearer(token)).status_code == 200

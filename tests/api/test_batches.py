"""Batches through the API (issue 18 item 5): POST /api/v1/batches (multipart: file,
dry_run) answers with the batch and each row's number, status and errors; GET reads it; the
template in both languages; another employer's key gets 404."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Offer
from tests.api_helpers import bearer, make_key
from tests.batches_helpers import csv_bytes, good_row
from tests.factories import UserFactory


def _post(client, token, data: bytes, *, name="team.csv", **form: str):
    return client.post("/api/v1/batches", headers=bearer(token),
                       data={"file": (io.BytesIO(data), name), **form},
                       content_type="multipart/form-data")


def _offers() -> int:
    return db.session.scalar(select(func.count(Offer.id))) or 0


def test_a_dry_run_returns_each_rows_errors_and_creates_nothing(client, employer_user):
    token = make_key(employer_user)
    response = _post(client, token, csv_bytes([good_row(1), good_row(2, noc_code="1234")]))
    assert response.status_code == 200, response.text
    body = response.get_json()
    assert body["confirmed_at"] is None and body["row_count"] == 2
    assert body["rows"][0] == {"row": 2, "status": "valid", "offer_id": None, "errors": []}
    assert body["rows"][1]["status"] == "invalid"
    assert body["rows"][1]["errors"] == [{"code": "cell.noc", "field": "noc_code",
                                          "message": "Enter the 5 digits of the NOC code."}]
    assert _offers() == 0
    read = client.get(response.headers["Location"], headers=bearer(token))
    assert read.status_code == 200 and read.get_json() == body
    french = client.get(response.headers["Location"],
                        headers=bearer(token, **{"Accept-Language": "fr"})).get_json()
    message = french["rows"][1]["errors"][0]["message"]
    assert message == "Inscrivez les 5 chiffres du code de la CNP."


def test_dry_run_false_creates_the_drafts_once(client, employer_user):
    token = make_key(employer_user)
    data = csv_bytes([good_row(1), good_row(2)])
    first = _post(client, token, data, dry_run="false").get_json()
    assert first["confirmed_at"] and [r["status"] for r in first["rows"]] == ["created"] * 2
    again = _post(client, token, data, dry_run="false").get_json()
    assert again["id"] == first["id"] and _offers() == 2
    offer = client.get(f"/api/v1/offers/{first['rows'][0]['offer_id']}", headers=bearer(token))
    assert offer.get_json()["worker"]["worker_family_name"] == "Dupont1"


def test_invalid_rows_stop_the_drafts_unless_skipped(client, employer_user):
    token = make_key(employer_user)
    data = csv_bytes([good_row(1), good_row(2, worker_sex="Q")])
    refused = _post(client, token, data, dry_run="false").get_json()
    assert refused["confirmed_at"] is None and _offers() == 0
    skipped = _post(client, token, data, dry_run="false", skip_invalid="true").get_json()
    assert [r["status"] for r in skipped["rows"]] == ["created", "skipped"] and _offers() == 1


def test_a_bad_file_is_a_problem_at_file(client, employer_user):
    token = make_key(employer_user)
    response = _post(client, token, b"not,the,template\n1,2,3\n")
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["errors"][0]["pointer"] == "/file"
    assert "missing from the header row" in problem["detail"]


def test_another_employers_key_gets_404(client, employer_user):
    token = make_key(employer_user)
    location = _post(client, token, csv_bytes([good_row(1)])).headers["Location"]
    other = make_key(UserFactory())
    assert client.get(location, headers=bearer(other)).status_code == 404


def test_the_templates_in_both_languages(client, employer_user):
    token = make_key(employer_user)
    english = client.get("/api/v1/batches/template.csv", headers=bearer(token))
    assert english.status_code == 200 and english.text.startswith("\ufeffFamily name,")
    french = client.get("/api/v1/batches/template.csv?lang=fr", headers=bearer(token))
    assert french.text.startswith("\ufeffNom de famille,")
    xlsx = client.get("/api/v1/batches/template.xlsx", headers=bearer(token))
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"


def test_the_openapi_document_describes_batches_with_examples(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/batches"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    example = post["responses"]["200"]["content"]["application/json"]["example"]
    assert example["rows"][1]["errors"][0]["field"] == "start_date"
    assert "get" in spec["paths"]["/api/v1/batches/{batch_id}"]

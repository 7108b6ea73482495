"""Pay and submit all of a batch through the API (issue 18, items 3 and 5): the same service as
the batch page, one payment per offer with a key derived from the batch and the offer, so no
retry (the same Idempotency-Key or a new one) charges an offer twice; the batch's employer only;
the submit permission."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Membership, Offer, OfferStatus, Payment
from portal.models.enums import MemberRole, PaymentResult, Permission
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.api_helpers import bearer, make_key
from tests.batches_helpers import csv_bytes, good_row
from tests.factories import UserFactory

CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/30", "cvc": "123"}
DECLINED = {**CARD, "card_number": "4000 0000 0000 0002"}


def _confirmed(client, token, count: int = 2) -> int:
    data = {"file": (io.BytesIO(csv_bytes([good_row(i) for i in range(1, count + 1)])),
                     "team.csv"), "dry_run": "false", "attestations": list(ATTESTATION_IDS)}
    response = client.post("/api/v1/batches", headers=bearer(token), data=data,
                           content_type="multipart/form-data")
    assert response.status_code == 200, response.text
    body = response.get_json()
    assert [r["status"] for r in body["rows"]] == ["created"] * count
    return int(body["id"])


def _pay(client, token, batch_id: int, key: str = "batch-pay-1", card=CARD, **headers: str):
    return client.post(f"/api/v1/batches/{batch_id}/pay-and-submit", json=card,
                       headers=bearer(token, **{"Idempotency-Key": key}, **headers))


def _payments(result: PaymentResult | None = None) -> int:
    query = select(func.count(Payment.id))
    if result is not None:
        query = query.where(Payment.result == result)
    return db.session.scalar(query) or 0


def test_paying_a_batch_submits_every_offer_with_its_number(client, employer_user):
    token = make_key(employer_user)
    batch_id = _confirmed(client, token)
    response = _pay(client, token, batch_id)
    assert response.status_code == 200, response.text
    body = response.get_json()
    assert body["submitted"] == 2
    assert [r["result"] for r in body["rows"]] == ["submitted", "submitted"]
    assert [r["offer_status"] for r in body["rows"]] == ["pending", "pending"]
    for row in body["rows"]:
        offer = db.session.get(Offer, row["offer_id"])
        assert offer.status == OfferStatus.PENDING and row["offer_number"] == offer.number
        assert offer.number
    assert _payments(PaymentResult.SUCCEEDED) == 2


def test_a_retry_never_charges_twice_with_the_same_key_or_a_new_one(client, employer_user):
    token = make_key(employer_user)
    batch_id = _confirmed(client, token)
    first = _pay(client, token, batch_id)
    replay = _pay(client, token, batch_id)
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.get_json() == first.get_json()
    again = _pay(client, token, batch_id, key="batch-pay-2").get_json()
    assert again["submitted"] == 0
    assert [r["result"] for r in again["rows"]] == ["already_submitted"] * 2
    assert [r["offer_number"] for r in again["rows"]] == [
        r["offer_number"] for r in first.get_json()["rows"]]
    assert _payments() == 2


def test_a_declined_card_charges_nothing_and_a_retry_with_a_paying_card_submits(
        client, employer_user):
    token = make_key(employer_user)
    batch_id = _confirmed(client, token)
    declined = _pay(client, token, batch_id, card=DECLINED).get_json()
    assert [r["result"] for r in declined["rows"]] == ["declined", "declined"]
    assert [r["offer_status"] for r in declined["rows"]] == ["draft", "draft"]
    assert [r["offer_number"] for r in declined["rows"]] == [None, None]
    paid = _pay(client, token, batch_id, key="batch-pay-2").get_json()
    assert paid["submitted"] == 2
    assert _payments(PaymentResult.SUCCEEDED) == 2 and _payments() == 4


def test_paying_needs_an_idempotency_key_and_a_test_card(client, employer_user):
    token = make_key(employer_user)
    batch_id = _confirmed(client, token)
    missing = client.post(f"/api/v1/batches/{batch_id}/pay-and-submit", json=CARD,
                          headers=bearer(token))
    assert missing.status_code == 428
    assert missing.content_type.startswith("application/problem+json")
    real = _pay(client, token, batch_id, card={**CARD, "card_number": "4111 1111 1111 1111"},
                **{"Accept-Language": "fr"})
    assert real.status_code == 422, real.text
    problem = real.get_json()
    assert problem["errors"][0]["pointer"] == "/card_number"
    assert "carte" in problem["detail"].lower()
    assert _payments() == 0


def test_another_employers_key_gets_404_and_pays_nothing(client, employer_user):
    batch_id = _confirmed(client, make_key(employer_user))
    other = make_key(UserFactory())
    response = _pay(client, other, batch_id)
    assert response.status_code == 404
    assert response.content_type.startswith("application/problem+json")
    assert _payments() == 0


def test_paying_needs_the_submit_scope_and_the_submit_permission(client, employer_user):
    batch_id = _confirmed(client, make_key(employer_user))
    prepare_key = make_key(employer_user, scopes="read,prepare")
    assert _pay(client, prepare_key, batch_id).status_code == 403
    member = UserFactory(employer=employer_user.employer, role="employer_secondary")
    db.session.add(Membership(user_id=member.id, employer_id=employer_user.employer_id,
                              role=MemberRole.SECONDARY, permission=Permission.PREPARE))
    db.session.commit()
    response = _pay(client, make_key(member), batch_id)
    assert response.status_code == 403, response.text
    assert "submit permission" in response.get_json()["detail"]
    assert _payments() == 0


def test_the_openapi_document_describes_pay_and_submit_with_an_example(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/batches/{batch_id}/pay-and-submit"]["post"]
    assert any(p["name"] == "Idempotency-Key" and p["required"] for p in post["parameters"])
    example = post["responses"]["200"]["content"]["application/json"]["example"]
    assert example["rows"][0]["offer_number"] == "A1234567"
    assert {"404", "403", "428"} <= set(post["responses"])
    upload = spec["paths"]["/api/v1/batches"]["post"]["requestBody"]["content"]
    ref = upload["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert "attestations" in spec["components"]["schemas"][ref]["properties"]

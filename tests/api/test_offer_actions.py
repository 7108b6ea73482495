"""Paying and submitting through the API (Idempotency-Key required), the fee exemption,
withdrawal with its refund, the receipt and the confirmation PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Payment
from tests.api_helpers import bearer, make_key
from tests.files import PDF
from tests.offers_helpers import complete_draft

CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/30", "cvc": "123"}


def _pay(client, token, offer_id, key="pay-1", card=CARD):
    return client.post(f"/api/v1/offers/{offer_id}/payment", json=card,
                       headers=bearer(token, **{"Idempotency-Key": key}))


def test_paying_with_4242_submits_and_gives_the_number(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    response = _pay(client, token, offer.id)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["offer"]["status"] == "pending" and body["offer"]["fee_status"] == "paid"
    assert len(body["offer"]["number"]) == 8 and body["offer"]["number"].startswith("A")
    assert body["payment"]["result"] == "succeeded" and body["payment"]["card_last4"] == "4242"
    receipt = client.get(f"/api/v1/offers/{offer.id}/receipt", headers=bearer(token))
    assert receipt.get_json()["receipt_number"] == body["payment"]["receipt_number"]


def test_a_retry_with_the_same_key_replays_and_never_charges_twice(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    first = _pay(client, token, offer.id)
    again = _pay(client, token, offer.id)
    assert again.status_code == 201 and again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert db.session.scalar(select(func.count(Payment.id))) == 1
    other_body = _pay(client, token, offer.id, card={**CARD, "cvc": "999"})
    assert other_body.status_code == 422
    assert other_body.get_json()["code"] == "idempotency_key.reused"


def test_paying_or_submitting_without_an_idempotency_key_is_refused(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    for path in ("payment", "submission"):
        response = client.post(f"/api/v1/offers/{offer.id}/{path}", json=CARD,
                               headers=bearer(token))
        assert response.status_code == 428
        assert response.get_json()["code"] == "idempotency_key.missing"
    assert db.session.scalar(select(func.count(Payment.id))) == 0


def test_a_declined_card_is_402_and_the_offer_stays_a_draft(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    response = _pay(client, token, offer.id, card={**CARD, "card_number": "4000000000000002"})
    assert response.status_code == 402
    problem = response.get_json()
    assert problem["code"] == "payment.declined" and problem["payment"]["result"] == "declined"
    assert client.get(f"/api/v1/offers/{offer.id}", headers=bearer(token)
                      ).get_json()["status"] == "draft"
    paid = _pay(client, token, offer.id, key="pay-2")
    assert paid.status_code == 201


def test_an_incomplete_offer_lists_what_blocks_it(client, employer_user):
    token = make_key(employer_user)
    draft = client.post("/api/v1/offers", headers=bearer(token)).get_json()
    response = _pay(client, token, draft["id"])
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["code"] == "offer.not_ready"
    assert "/worker/worker_passport_number" in {e["pointer"] for e in problem["errors"]}


def test_a_prepare_user_cannot_pay_even_with_the_submit_scope(client, employer_user):
    token = make_key(employer_user, "read,prepare")
    offer = complete_draft(employer_user)
    response = _pay(client, token, offer.id)
    assert response.status_code == 403 and response.get_json()["code"] == "scope.missing"


def test_fee_exempt_offer_claims_with_proof_then_submits(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user, code="C31")
    claim = client.post(f"/api/v1/offers/{offer.id}/fee-exemption", headers=bearer(token),
                        data={"reason": "Reciprocal exchange: fee not due (R315.2(2)).",
                              "proof": (io.BytesIO(PDF), "proof.pdf")},
                        content_type="multipart/form-data")
    assert claim.status_code == 200, claim.get_json()
    submitted = client.post(f"/api/v1/offers/{offer.id}/submission",
                            headers=bearer(token, **{"Idempotency-Key": "submit-1"}))
    assert submitted.status_code == 201, submitted.get_json()
    body = submitted.get_json()
    assert body["offer"]["fee_status"] == "exempt" and body["payment"] is None


def test_withdrawing_refunds_the_fee(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    _pay(client, token, offer.id)
    response = client.post(f"/api/v1/offers/{offer.id}/withdrawal", headers=bearer(token),
                           json={"reason": "The worker declined."})
    assert response.status_code == 200
    body = response.get_json()
    assert body["offer"]["status"] == "withdrawn"
    assert body["payment"]["refunded_cents"] == 23000
    again = client.post(f"/api/v1/offers/{offer.id}/withdrawal", headers=bearer(token),
                        json={"reason": "Again."})
    assert again.status_code == 409


def test_the_confirmation_pdf_in_both_languages(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    number = _pay(client, token, offer.id).get_json()["offer"]["number"]
    for lang, word in (("en", "Offer number"), ("fr", "offre")):
        response = client.get(f"/api/v1/offers/{offer.id}/confirmation.pdf?lang={lang}",
                              headers=bearer(token))
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
        assert number in text and word in text
    draft = client.post("/api/v1/offers", headers=bearer(token)).get_json()
    assert client.get(f"/api/v1/offers/{draft['id']}/confirmation.pdf",
                      headers=bearer(token)).status_code == 404


def test_the_refund_after_a_withdrawal_in_both_languages(client, employer_user):
    token = make_key(employer_user)
    offer = complete_draft(employer_user)
    paid = _pay(client, token, offer.id).get_json()["payment"]
    none = client.get(f"/api/v1/offers/{offer.id}/refund", headers=bearer(token))
    assert none.status_code == 404 and none.get_json()["code"] == "refund.none"
    client.post(f"/api/v1/offers/{offer.id}/withdrawal", headers=bearer(token),
                json={"reason": "The worker declined."})
    refund = client.get(f"/api/v1/offers/{offer.id}/refund", headers=bearer(token))
    assert refund.status_code == 200
    body = refund.get_json()
    assert body["amount_cents"] == 23000 and body["cause"] == "offer_withdrawn"
    assert body["payment"]["receipt_number"] == paid["receipt_number"]
    french = client.get(f"/api/v1/offers/{offer.id}/refund",
                        headers=bearer(token, **{"Accept-Language": "fr"})).get_json()
    assert french["message"] != body["message"] and french["amount_cents"] == 23000

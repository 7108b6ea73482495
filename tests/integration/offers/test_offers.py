"""The offer of employment end to end, as a user in a browser: from an empty draft to a pending
offer with a number (paid with the test card, or fee-exempt with proof), in English and French;
leaving and resuming; withdrawing with a refund; copying and deleting."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, EvidenceFile, Offer, Payment, Refund
from tests.files import PDF, PNG
from tests.offers_helpers import complete_draft, fill_all_sections


@pytest.fixture(autouse=True)
def _today():
    from datetime import UTC, datetime

    clock.freeze(datetime(2026, 11, 24, 15, 0, tzinfo=UTC))


def _offer_id(response) -> int:
    found = re.search(r"/employer/offers/(\d+)/", response.headers["Location"])
    assert found, response.headers["Location"]
    return int(found.group(1))


def _start(client) -> int:
    response = client.post("/employer/offers/new")
    assert response.status_code == 302
    return _offer_id(response)


def test_new_user_pays_with_the_test_card_and_gets_a_number(client, signed_in):
    offer_id = _start(client)
    review = client.get(f"/employer/offers/{offer_id}/review")
    assert "Choose the LMIA exemption code" in review.text  # an empty draft lists what is missing
    fill_all_sections(client, offer_id)
    review = client.get(f"/employer/offers/{offer_id}/review")
    assert "Fix these before you submit" not in review.text
    assert "Pay the fee and submit" in review.text
    page = client.get(f"/employer/offers/{offer_id}/pay")
    assert "4242 4242 4242 4242" in page.text
    key = re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', page.text).group(1)
    data = {"card_number": "4242 4242 4242 4242", "expiry": "12/29", "cvc": "123",
            "idempotency_key": key, "pay": "1"}
    r = client.post(f"/employer/offers/{offer_id}/pay", data=data)
    assert r.status_code == 302 and r.headers["Location"].endswith("/confirmation")
    # A double click (same key) does not charge again.
    again = client.post(f"/employer/offers/{offer_id}/pay", data=data)
    assert again.status_code == 302
    assert db.session.scalar(select(db.func.count(Payment.id))) == 1
    confirmation = client.get(f"/employer/offers/{offer_id}/confirmation")
    offer = db.session.get(Offer, offer_id)
    assert re.fullmatch(r"A\d{7}", offer.number)
    assert offer.number in confirmation.text
    assert offer.status == "pending" and offer.fee_status == "paid"
    receipt = client.get(f"/employer/offers/{offer_id}/receipt")
    assert "4242" in receipt.text and "$230.00" in receipt.text
    assert "4242 4242" not in receipt.text
    dashboard = client.get("/employer/")
    assert offer.number in dashboard.text and "Dupont" in dashboard.text


def test_declined_card_can_be_retried_and_real_cards_are_refused(client, signed_in):
    offer = complete_draft(signed_in)
    url = f"/employer/offers/{offer.id}/pay"
    base = {"expiry": "12/29", "cvc": "123", "pay": "1"}
    r = client.post(url, data={**base, "card_number": "4000000000000002",
                               "idempotency_key": "k" * 20})
    assert r.status_code == 200 and "declined" in r.text
    r = client.post(url, data={**base, "card_number": "4000000000009995",
                               "idempotency_key": "j" * 20})
    assert "insufficient funds" in r.text
    r = client.post(url, data={**base, "card_number": "4242424242424241",
                               "idempotency_key": "i" * 20})
    assert "not valid" in r.text
    r = client.post(url, data={**base, "card_number": "5555555555554444",
                               "idempotency_key": "h" * 20})
    assert "only the test cards" in r.text
    assert db.session.scalar(select(db.func.count(Payment.id))) == 2  # the two declines
    r = client.post(url, data={**base, "card_number": "4242424242424242",
                               "idempotency_key": "g" * 20})
    assert r.status_code == 302
    db.session.refresh(offer)
    assert offer.status == "pending"


def test_fee_exempt_code_claims_the_exemption_with_proof(client, signed_in):
    offer = complete_draft(signed_in, code="C31")
    r = client.get(f"/employer/offers/{offer.id}/pay")
    assert r.headers["Location"].endswith("/fee-exemption")
    r = client.post(f"/employer/offers/{offer.id}/fee-exemption",
                    data={"reason": "Research exchange", "claim": "1"})
    assert "Upload proof" in r.text and "Research exchange" in r.text  # typed text kept
    r = client.post(f"/employer/offers/{offer.id}/fee-exemption", data={
        "reason": "Research exchange", "claim": "1", "proof": (__import__("io").BytesIO(b"MZ..."),
                                                                "proof.pdf")},
        content_type="multipart/form-data")
    assert "PDF, PNG or JPEG" in r.text and "Research exchange" in r.text
    r = client.post(f"/employer/offers/{offer.id}/fee-exemption", data={
        "reason": "Research exchange", "claim": "1",
        "proof": (__import__("io").BytesIO(PDF), "proof.pdf")},
        content_type="multipart/form-data")
    assert r.status_code == 302
    r = client.post(f"/employer/offers/{offer.id}/submit")
    assert r.headers["Location"].endswith("/confirmation")
    db.session.refresh(offer)
    assert offer.status == "pending" and offer.fee_status == "exempt" and offer.number
    assert db.session.scalar(select(db.func.count(Payment.id))) == 0


def test_validation_errors_keep_what_was_typed_and_save_the_rest(client, signed_in):
    offer_id = _start(client)
    r = client.post(f"/employer/offers/{offer_id}/foreign-worker", data={
        "worker_family_name": "Nakamura", "worker_date_of_birth": "25/04/1990",
        "worker_passport_number": " TK1234567", "save": "1"})
    assert r.status_code == 200
    assert "25/04/1990" in r.text and "Nakamura" in r.text
    offer = db.session.get(Offer, offer_id)
    assert offer.worker_family_name == "Nakamura"
    assert offer.worker_passport_number == " TK1234567"  # exactly as typed
    assert offer.worker_date_of_birth is None


def test_leave_and_resume_after_signing_in_again(client, auth, signed_in):
    offer_id = _start(client)
    client.post(f"/employer/offers/{offer_id}/job", data={"job_title": "Chef", "save_exit": "1"})
    auth.sign_out()
    auth.sign_in(signed_in.email)
    dashboard = client.get("/employer/")
    assert f"/employer/offers/{offer_id}/review" in dashboard.text
    assert 'value="Chef"' in client.get(f"/employer/offers/{offer_id}/job").text


def test_withdraw_refunds_the_fee_and_keeps_the_payment(client, signed_in):
    offer = complete_draft(signed_in)
    client.post(f"/employer/offers/{offer.id}/pay", data={
        "card_number": "4242424242424242", "expiry": "12/29", "cvc": "123",
        "idempotency_key": "w" * 20, "pay": "1"})
    r = client.post(f"/employer/offers/{offer.id}/withdraw", data={"reason": ""})
    assert "Enter the reason" in r.text
    r = client.post(f"/employer/offers/{offer.id}/withdraw",
                    data={"reason": "The worker did not come", "withdraw": "1"})
    assert r.status_code == 302
    db.session.refresh(offer)
    assert offer.status == "withdrawn" and offer.fee_status == "refunded"
    assert db.session.scalar(select(db.func.count(Payment.id))) == 1
    assert db.session.scalar(select(db.func.count(Refund.id))) == 1
    receipt = client.get(f"/employer/offers/{offer.id}/receipt").text
    assert "Refund requested on" in receipt and "Requested" in receipt
    assert client.post(f"/employer/offers/{offer.id}/delete").status_code == 302
    assert db.session.get(Offer, offer.id) is not None  # only drafts can be deleted


def test_copy_keeps_everything_but_the_worker_and_drafts_can_be_deleted(client, signed_in):
    offer = complete_draft(signed_in)
    r = client.post(f"/employer/offers/{offer.id}/copy")
    copy_id = _offer_id(r)
    copy = db.session.get(Offer, copy_id)
    assert copy.job_title == offer.job_title and copy.code_key == "C10"
    assert copy.worker_passport_number is None and copy.attestations == []
    assert copy.work_province == "ON"
    client.post(f"/employer/offers/{copy_id}/delete")
    assert db.session.get(Offer, copy_id) is None
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"offer.draft_created", "offer.section_saved", "offer.copied",
            "offer.draft_deleted"} <= actions


def test_evidence_upload_checks_type_and_size(client, signed_in, app):
    offer = complete_draft(signed_in)
    item = "evidence-of-significant-social-cultural-or"
    url = f"/employer/offers/{offer.id}/evidence"
    import io

    r = client.post(url, data={"item_id": item, "file": (io.BytesIO(b"GIF89a...."), "x.pdf")},
                    content_type="multipart/form-data")
    assert "PDF, PNG or JPEG" in r.text
    app.config["EVIDENCE_MAX_FILE_BYTES"] = 1000  # small, so the test client does not spool
    big = PDF + b"0" * 1000
    r = client.post(url, data={"item_id": item, "file": (io.BytesIO(big), "big.pdf")},
                    content_type="multipart/form-data")
    assert "too big" in r.text
    r = client.post(url, data={"item_id": item, "file": (io.BytesIO(PNG), "scan.png")},
                    content_type="multipart/form-data")
    assert r.status_code == 302
    stored = db.session.scalar(select(EvidenceFile))
    assert stored.content_type == "image/png"
    download = client.get(f"{url}/{stored.id}")
    assert download.data == stored.data and download.data.startswith(b"\x89PNG\r\n\x1a\n")
    client.post(f"{url}/{stored.id}/remove")
    assert db.session.scalar(select(EvidenceFile)) is None


def test_the_offer_pages_work_in_french(client, signed_in):
    offer = complete_draft(signed_in)
    client.get("/employer/?lang=fr")
    for path in ("exemption-code", "foreign-worker", "job", "wages-and-benefits",
                 "attestations", "evidence", "business-information", "review", "pay"):
        r = client.get(f"/employer/offers/{offer.id}/{path}")
        assert r.status_code == 200, path
        assert '<html lang="fr">' in r.text
    assert "Payer" in client.get(f"/employer/offers/{offer.id}/pay").text


def test_what_was_typed_when_the_session_timed_out_comes_back_after_sign_in(client, auth,
                                                                             signed_in):
    """Since issue 12 item 1 an expired session writes nothing: the typed section is held on
    the server and put back, unsaved, into the form after signing in again."""
    from datetime import timedelta

    offer_id = _start(client)
    clock.advance(timedelta(minutes=45))  # the user went for lunch with the form open
    r = client.post(f"/employer/offers/{offer_id}/job", data={
        "job_title": "Sous-chef", "duties": "Runs the line at dinner.", "save": "1"})
    assert r.status_code == 302
    assert r.headers["Location"].startswith("/sign-in?next=")
    assert "Content-Security-Policy" in r.headers
    assert client.get(f"/employer/offers/{offer_id}/job").status_code == 302  # signed out
    page = client.get(r.headers["Location"]).text
    assert "what you had typed will be back in the form" in page
    auth.sign_in(signed_in.email)
    assert 'value="Sous-chef"' in client.get(f"/employer/offers/{offer_id}/job").text
    assert db.session.get(Offer, offer_id).job_title != "Sous-chef"  # held, not saved


def test_timed_out_session_cannot_pay_or_submit(client, signed_in):
    from datetime import timedelta

    offer = complete_draft(signed_in)
    clock.advance(timedelta(minutes=45))
    r = client.post(f"/employer/offers/{offer.id}/pay", data={"card_number": "4242424242424242"})
    assert r.status_code == 302 and "/sign-in" in r.headers["Location"]
    assert db.session.scalars(select(Payment)).all() == []


def test_submitted_offer_pages_link_to_the_pdf_confirmation(client, signed_in):
    offer = complete_draft(signed_in)
    r = client.post(f"/employer/offers/{offer.id}/pay", data={
        "card_number": "4242 4242 4242 4242", "expiry": "12/29", "cvc": "123",
        "idempotency_key": "p" * 20, "pay": "1"})
    assert r.status_code == 302, re.findall(r'class="error-message"[^>]*>(.*?)</p>', r.text, re.S)
    for path in ("confirmation", ""):
        html = client.get(f"/employer/offers/{offer.id}/{path}".rstrip("/")).text
        assert f"/employer/offers/{offer.id}/confirmation.pdf" in html


def test_a_payment_runs_the_rules_and_computes_the_fee_once(client, signed_in, monkeypatch):
    from portal.services.offers import review

    calls = {"rules": 0, "fee": 0}
    real_rules, real_fee = review.check_offer, review.compliance_fee

    def rules(*args, **kwargs):
        calls["rules"] += 1
        return real_rules(*args, **kwargs)

    def fee(*args, **kwargs):
        calls["fee"] += 1
        return real_fee(*args, **kwargs)

    monkeypatch.setattr(review, "check_offer", rules)
    monkeypatch.setattr(review, "compliance_fee", fee)
    offer = complete_draft(signed_in)
    url = f"/employer/offers/{offer.id}/pay"
    base = {"expiry": "12/29", "cvc": "123", "pay": "1"}
    declined = client.post(url, data={**base, "card_number": "4000000000000002",
                                      "idempotency_key": "d" * 20})
    assert declined.status_code == 200 and "$230.00" in declined.text
    assert calls == {"rules": 1, "fee": 1}
    paid = client.post(url, data={**base, "card_number": "4242424242424242",
                                  "idempotency_key": "e" * 20})
    assert paid.status_code == 302 and paid.headers["Location"].endswith("/confirmation")
    assert calls == {"rules": 2, "fee": 2}

"""The worker's side of the API, public like its pages: the offer check (one answer for every
failure, the pages' limits), the work permit application (IRCC's exact match) and its result."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import OfferStatus, VerificationAttempt, WorkPermitApplication
from tests.factories import OfferFactory
from tests.work_permits_helpers import DOB

VERIFY = "/api/v1/worker/offer-verification"
APPLY = "/api/v1/worker/work-permit-applications"


def _verify(client, number, passport, dob=DOB, **kwargs):
    return client.post(VERIFY, json={"number": number, "passport_number": passport,
                                     "date_of_birth": dob}, **kwargs)


def _application(offer, **changes):
    return {"permit_type": "employer_specific", "offer_number": offer.number,
            "family_name": "Rivera", "given_names": "Ana", "date_of_birth": DOB,
            "citizenship": offer.worker_citizenship,
            "passport_number": offer.worker_passport_number, "passport_expiry": "2034-01-01",
            "residence_country": offer.worker_citizenship, "applies_from": "outside",
            "biometrics": "within_14_days", "family_size": 1, "stay_months": 24, **changes}


def test_a_verified_offer_shows_only_what_the_worker_may_see(client, app):
    offer = OfferFactory(job_title="Software engineer", noc_code="21231", code_key="T36")
    response = _verify(client, offer.number, offer.worker_passport_number)
    assert response.status_code == 200
    body = response.get_json()
    assert body["verified"] and body["offer"]["number"] == offer.number
    assert body["offer"]["exemption_code"] == "T36" and body["offer"]["status"] == "pending"
    text = response.get_data(as_text=True)
    for hidden in ("5500", "Main Street", "Rivera", offer.worker_passport_number):
        assert hidden not in text
    assert "Set-Cookie" not in response.headers


def test_every_failure_gets_the_same_answer(client, app):
    offer = OfferFactory(worker_passport_number="XY987654")
    answers = [
        _verify(client, "A0000000", "XY987654").get_json(),
        _verify(client, offer.number, "xy987654").get_json(),
        _verify(client, offer.number, "XY987654", dob="1991-04-25").get_json(),
        _verify(client, "not-a-number", "XY987654").get_json(),
    ]
    assert all(a == answers[0] for a in answers)
    assert answers[0]["verified"] is False and answers[0]["offer"] is None
    assert db.session.scalar(select(func.count(VerificationAttempt.id))) == 4
    french = _verify(client, "A0000000", "P", headers={"Accept-Language": "fr"}).get_json()
    assert french["message"] != answers[0]["message"]


def test_verification_has_the_pages_limit_per_address(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_WORKER_ATTEMPTS="3 per minute",
                   VERIFY_OFFER_FAILURES_PER_HOUR=100)
    client = app.test_client()
    with app.app_context():
        codes = [_verify(client, "A1111111", "P1").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        other = _verify(client, "A1111111", "P1", environ_base={"REMOTE_ADDR": "198.51.100.8"})
        assert other.status_code == 200


def test_failures_are_limited_per_number_and_address_as_on_the_pages(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_WORKER_ATTEMPTS="100 per minute",
                   VERIFY_OFFER_FAILURES_PER_NUMBER_PER_HOUR=8)
    client = app.test_client()
    with app.app_context():
        offer = OfferFactory()
        guesser = {"REMOTE_ADDR": "198.51.100.1"}
        for i in range(5):
            _verify(client, offer.number, f"WRONG{i}", environ_base=guesser)
        blocked = _verify(client, offer.number, offer.worker_passport_number,
                          environ_base=guesser)
        assert blocked.status_code == 429
        assert blocked.get_json()["code"] == "verification.too_many_attempts"
        worker = _verify(client, offer.number, offer.worker_passport_number,
                         environ_base={"REMOTE_ADDR": "203.0.113.5"})
        assert worker.status_code == 200 and worker.get_json()["verified"] is True
        for i in range(3):  # 8 failures for the number in all: every address is refused
            _verify(client, offer.number, "WRONG", environ_base={"REMOTE_ADDR": f"192.0.2.{i}"})
        late = _verify(client, offer.number, offer.worker_passport_number,
                       environ_base={"REMOTE_ADDR": "203.0.113.77"})
        assert late.status_code == 429


def test_an_exact_application_matches_the_offer_and_its_result_is_readable(client, app):
    offer = OfferFactory()
    response = client.post(APPLY, json=_application(offer))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["number"].startswith("W") and len(body["number"]) == 10
    assert body["status"] == "submitted" and body["offer_number"] == offer.number
    assert body["fee_lines"] and body["fees_total_cents"] == sum(
        line["amount_cents"] for line in body["fee_lines"])
    assert body["travel_document_label"]
    db.session.refresh(offer)
    assert offer.status == OfferStatus.MATCHED
    status = client.post(f"{APPLY}/status", json={"number": body["number"],
                                                  "date_of_birth": DOB})
    assert status.status_code == 200 and status.get_json()["number"] == body["number"]
    french = client.post(f"{APPLY}/status", json={"number": body["number"],
                                                  "date_of_birth": DOB},
                         headers={"Accept-Language": "fr"}).get_json()
    assert french["fee_lines"][0]["label"] != body["fee_lines"][0]["label"]
    wrong = client.post(f"{APPLY}/status", json={"number": body["number"],
                                                 "date_of_birth": "1991-01-01"})
    unknown = client.post(f"{APPLY}/status", json={"number": "W000000000",
                                                   "date_of_birth": DOB})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.get_json()["detail"] == unknown.get_json()["detail"]


@pytest.mark.parametrize("change", [{"passport_number": "upper123"}, {"citizenship": "FR"}])
def test_a_mismatch_is_accepted_unmatched_and_the_offer_stays_pending(client, app, change):
    # IRCC accepts an application that does not match; it stays unmatched (issue 13 item 9).
    offer = OfferFactory(worker_passport_number="UPPER123", worker_citizenship="US")
    response = client.post(APPLY, json=_application(offer, **change))
    assert response.status_code == 201
    assert response.get_json()["offer_number"] is None
    db.session.refresh(offer)
    assert offer.status == OfferStatus.PENDING
    stored = db.session.scalar(select(WorkPermitApplication))
    assert stored.mismatched_fields == tuple(change)


def test_a_matched_offer_cannot_be_used_again(client, app):
    offer = OfferFactory()
    assert client.post(APPLY, json=_application(offer)).status_code == 201
    again = client.post(APPLY, json=_application(offer))
    assert again.status_code in (409, 422) and again.get_json()["code"]


def test_bad_input_names_its_field(client, app):
    offer = OfferFactory()
    response = client.post(APPLY, json=_application(offer, family_size=0, applies_from="moon"))
    assert response.status_code == 422
    assert {e["pointer"] for e in response.get_json()["errors"]} == {"/family_size",
                                                                     "/applies_from"}


def test_the_2025_family_rules_and_the_other_type_through_the_api(client, app):
    # issue 13 items 1 and 8: the same answers as the page, the same refusals.
    from tests.work_permits_helpers import exempt_employer

    offer = OfferFactory()
    spouse = _application(offer, permit_type="open", offer_number=None, open_code="C41",
                          principal_noc_code="63200", principal_permit_expiry="2030-01-01")
    refused = client.post(APPLY, json=spouse)
    assert refused.status_code == 422 and refused.get_json()["code"]
    accepted = client.post(APPLY, json={**spouse, "principal_noc_code": "21231"})
    assert accepted.status_code == 201, accepted.get_json()
    exempt_employer("Embassy of Norway")
    other = _application(offer, permit_type="other", offer_number=None,
                         employer_name="Embassy of Norway")
    assert client.post(APPLY, json=other).status_code == 201
    not_exempt = client.post(APPLY, json={**other, "employer_name": "Maple Software"})
    assert not_exempt.status_code == 422


def test_an_application_s_dates_are_all_refused_in_one_round_on_their_fields(client, app):
    # Issue 13 item 14: the same date rule as the offer (portal.rules.dates), worded for the
    # worker; problem+json names each field.
    offer = OfferFactory()
    response = client.post(APPLY, json=_application(
        offer, date_of_birth="2030-01-01", passport_expiry="2020-01-01"))
    assert response.status_code == 422
    errors = {e["pointer"]: e["detail"] for e in response.get_json()["errors"]}
    assert errors == {"/date_of_birth": "The date of birth must be in the past.",
                      "/passport_expiry": "Your passport's expiry date must be after your date "
                                          "of birth. Check both dates on your passport."}
    response = client.post(APPLY, json=_application(offer, passport_expiry="2020-01-01"),
                           headers={"Accept-Language": "fr"})
    assert [e["pointer"] for e in response.get_json()["errors"]] == ["/passport_expiry"]
    assert "Ce passeport est expiré" in response.get_json()["errors"][0]["detail"]
    assert db.session.scalar(select(func.count()).select_from(WorkPermitApplication)) == 0


def test_an_application_s_passport_issue_date_is_checked_and_named(client, app):
    offer = OfferFactory()
    response = client.post(APPLY, json=_application(
        offer, passport_issue_date="2035-01-01"), headers={"Accept-Language": "fr"})
    assert response.status_code == 422
    assert response.get_json()["errors"] == [{
        "code": "application.passport_expiry_before_issue", "pointer": "/passport_expiry",
        "detail": "La date d'expiration de votre passeport doit être postérieure à sa date de "
                  "délivrance. Vérifiez les deux dates sur votre passeport."}]

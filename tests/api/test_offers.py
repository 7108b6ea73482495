"""The offers API: drafts, sections (the same checks as the forms), ETag/If-Match, listing with
filters and a cursor, delete, copy, validation; and isolation between employers."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, Offer, OfferStatus
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.api_helpers import bearer, make_key
from tests.factories import OfferFactory

WORKER = {"worker_family_name": "Dupont", "worker_given_names": "Marie", "worker_sex": "F",
          "worker_date_of_birth": "1990-04-25", "worker_country_of_birth": "FR",
          "worker_citizenship": "FR", "worker_residence_country": "FR",
          "worker_passport_number": " 18AV12345", "worker_passport_expiry": "2032-01-01"}
JOB = {"job_title": "Software developer", "noc_code": "21232", "duties": "Write software.",
       "start_date": "2027-03-01", "end_date": "2029-02-28", "full_time": True,
       "locations": [{"address_line1": "100 Queen St", "city": "Ottawa", "province": "ON",
                      "postal_code": "K1P 1J9"}]}
WAGES = {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40}
CODE = {"code_key": "C10", "explanation": "Significant cultural benefit to Canada."}


def _draft(client, token, body=None):
    response = client.post("/api/v1/offers", json=body or {}, headers=bearer(token))
    assert response.status_code == 201, response.get_json()
    return response


def test_an_empty_body_makes_an_empty_draft(client, employer_user):
    token = make_key(employer_user)
    response = client.post("/api/v1/offers", headers=bearer(token))
    assert response.status_code == 201
    offer = response.get_json()
    assert offer["status"] == "draft" and offer["number"] is None
    assert response.headers["Location"].endswith(f"/api/v1/offers/{offer['id']}")
    read = client.get(response.headers["Location"], headers=bearer(token))
    assert read.status_code == 200 and read.headers["ETag"] == response.headers["ETag"]


def test_a_draft_made_with_sections_keeps_them_and_audits_the_key(client, employer_user):
    token = make_key(employer_user)
    offer = _draft(client, token, {"code": CODE, "worker": WORKER, "job": JOB}).get_json()
    assert offer["code"]["code_key"] == "C10"
    assert offer["worker"]["worker_passport_number"] == " 18AV12345"  # kept exactly
    assert offer["job"]["teer"] == 1 and offer["job"]["locations"][0]["city"] == "Ottawa"
    events = db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "offer")).all()
    assert events and all('"api_key_id"' in event.details for event in events)
    assert all("18AV12345" not in event.details for event in events)


def test_section_shape_errors_point_at_the_field_in_both_languages(client, employer_user):
    token = make_key(employer_user)
    offer_id = _draft(client, token).get_json()["id"]
    url = f"/api/v1/offers/{offer_id}/sections/job"
    body = {"noc_code": "2123", "job_title": "x" * 201, "locations": [{"city": 5}]}
    response = client.patch(url, json=body, headers=bearer(token))
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["code"] == "validation"
    pointers = {error["pointer"]: error["code"] for error in problem["errors"]}
    assert pointers == {"/noc_code": "pattern", "/job_title": "too_long",
                        "/locations/0/city": "type"}
    french = client.patch(url, json=body, headers=bearer(token, **{"Accept-Language": "fr"}))
    texts = {e["pointer"]: e["detail"] for e in french.get_json()["errors"]}
    assert texts["/job_title"] == "Entrez au plus 200 caractères."
    assert client.get(f"/api/v1/offers/{offer_id}", headers=bearer(token)
                      ).get_json()["job"]["job_title"] is None  # nothing saved


def test_meaning_errors_come_from_the_same_service_as_the_pages(client, employer_user):
    token = make_key(employer_user)
    offer_id = _draft(client, token).get_json()["id"]
    response = client.patch(f"/api/v1/offers/{offer_id}/sections/job", json={
        "noc_code": "99999", "locations": [{"province": "ZZ"}]}, headers=bearer(token))
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["errors"][0]["pointer"] in ("/noc_code", "/locations/0/province")
    assert "NOC" in problem["detail"] or "province" in problem["detail"]
    response = client.patch(f"/api/v1/offers/{offer_id}/sections/code", json={
        "code_key": "T36", "unknown": 1}, headers=bearer(token))
    assert response.status_code == 422
    assert response.get_json()["errors"][0] == {
        "code": "unknown_field", "pointer": "/unknown",
        "detail": "This field is not part of this resource."}


def test_if_match_stops_a_lost_update(client, employer_user):
    token = make_key(employer_user)
    created = _draft(client, token)
    offer_id, etag = created.get_json()["id"], created.headers["ETag"]
    url = f"/api/v1/offers/{offer_id}/sections/wages"
    first = client.patch(url, json={"wage_cents": 4000}, headers=bearer(token, **{
        "If-Match": etag}))
    assert first.status_code == 200 and first.headers["ETag"] != etag
    stale = client.patch(url, json={"wage_cents": 9000}, headers=bearer(token, **{
        "If-Match": etag}))
    assert stale.status_code == 412 and stale.get_json()["code"] == "offer.stale"
    again = client.patch(url, json={"wage_cents": 9000}, headers=bearer(token, **{
        "If-Match": first.headers["ETag"]}))
    assert again.status_code == 200 and again.get_json()["wages"]["wage_cents"] == 9000


def test_validation_lists_blocking_problems_with_pointers_then_none(client, employer_user):
    token = make_key(employer_user)
    offer_id = _draft(client, token, {"code": CODE}).get_json()["id"]
    url = f"/api/v1/offers/{offer_id}/validation"
    review = client.get(url, headers=bearer(token)).get_json()
    assert review["ready"] is False
    pointers = {p["pointer"] for p in review["blocking"]}
    assert {"/worker/worker_passport_number", "/job/noc_code",
            "/attestations/attestations"} <= pointers
    assert all(p["code"] and p["message"] for p in review["blocking"])
    french = client.get(url, headers=bearer(token, **{"Accept-Language": "fr"})).get_json()
    assert french["blocking"][0]["message"] != review["blocking"][0]["message"]
    for section, body in (("worker", WORKER), ("job", JOB), ("wages", WAGES),
                          ("attestations", {"attestations": list(ATTESTATION_IDS)})):
        response = client.patch(f"/api/v1/offers/{offer_id}/sections/{section}", json=body,
                                headers=bearer(token))
        assert response.status_code == 200, response.get_json()
    review = client.get(url, headers=bearer(token)).get_json()
    assert review["ready"] is True, review["blocking"]
    assert review["fee"]["amount_cents"] == 23000 and not review["fee"]["exempt"]


def test_list_filters_and_walks_every_offer_once_by_cursor(client, employer_user):
    token = make_key(employer_user)
    clock.freeze(clock.now())
    ids = []
    for _ in range(5):
        ids.append(_draft(client, token).get_json()["id"])
        clock.advance(timedelta(seconds=1))
    submitted = OfferFactory(employer=employer_user.employer, code_key="T36")
    seen, cursor = [], None
    while True:
        query = {"limit": 2, "status": "draft", **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/offers", query_string=query, headers=bearer(token)).get_json()
        seen += [offer["id"] for offer in page["offers"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(ids))
    pending = client.get("/api/v1/offers?status=pending&code=t36", headers=bearer(token))
    assert [o["status"] for o in pending.get_json()["offers"]] == ["pending"]
    since = (clock.now() - timedelta(seconds=2)).isoformat()
    recent = client.get("/api/v1/offers", query_string={"updated_since": since},
                        headers=bearer(token)).get_json()["offers"]
    assert {o["id"] for o in recent} == {*ids[-2:], submitted.id}


def test_a_bad_cursor_or_filter_is_a_422_naming_the_parameter(client, employer_user):
    token = make_key(employer_user)
    response = client.get("/api/v1/offers?cursor=nonsense", headers=bearer(token))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["parameter"] == "cursor"
    response = client.get("/api/v1/offers?status=lost&limit=0", headers=bearer(token))
    assert {e["parameter"] for e in response.get_json()["errors"]} == {"status", "limit"}


def test_delete_a_draft_but_not_a_submitted_offer(client, employer_user):
    token = make_key(employer_user)
    offer_id = _draft(client, token).get_json()["id"]
    assert client.delete(f"/api/v1/offers/{offer_id}", headers=bearer(token)).status_code == 204
    assert client.get(f"/api/v1/offers/{offer_id}", headers=bearer(token)).status_code == 404
    pending = OfferFactory(employer=employer_user.employer)
    response = client.delete(f"/api/v1/offers/{pending.id}", headers=bearer(token))
    assert response.status_code == 409 and response.get_json()["detail"]


def test_copy_makes_a_draft_without_the_worker(client, employer_user):
    token = make_key(employer_user)
    source = OfferFactory(employer=employer_user.employer)
    response = client.post(f"/api/v1/offers/{source.id}/copy", headers=bearer(token))
    assert response.status_code == 201
    copy = response.get_json()
    assert copy["status"] == "draft" and copy["copied_from_id"] == source.id
    assert copy["code"]["code_key"] == "T36" and copy["worker"]["worker_passport_number"] is None


def test_read_scope_cannot_write_and_prepare_scope_cannot_read(client, employer_user):
    reader = make_key(employer_user, "read")
    assert client.post("/api/v1/offers", headers=bearer(reader)).status_code == 403
    writer = make_key(employer_user, "prepare")
    assert client.get("/api/v1/offers", headers=bearer(writer)).status_code == 403


def test_another_employers_offers_are_not_found(client, employer_user):
    token = make_key(employer_user)
    theirs = OfferFactory()
    draft = Offer(employer_id=theirs.employer_id, status=OfferStatus.DRAFT, answers={},
                  attestations=[])
    db.session.add(draft)
    db.session.commit()
    for offer_id in (theirs.id, draft.id):
        base = f"/api/v1/offers/{offer_id}"
        calls = [client.get(base, headers=bearer(token)),
                 client.get(f"{base}/validation", headers=bearer(token)),
                 client.post(f"{base}/copy", headers=bearer(token)),
                 client.patch(f"{base}/sections/wages", json={"wage_cents": 1},
                              headers=bearer(token)),
                 client.delete(base, headers=bearer(token))]
        assert [c.status_code for c in calls] == [404] * 5
    listed = client.get("/api/v1/offers", headers=bearer(token)).get_json()["offers"]
    assert listed == []


def test_dates_that_do_not_fit_are_refused_with_every_field_in_the_readers_language(
        client, employer_user):
    # Issue 13 item 14: the offer pages' date rule, as problem+json naming each field.
    token = make_key(employer_user)
    offer_id = _draft(client, token, {"job": JOB}).get_json()["id"]
    response = client.patch(f"/api/v1/offers/{offer_id}/sections/worker", json={
        **WORKER, "worker_date_of_birth": "2030-01-01", "worker_passport_expiry": "2025-01-01"},
        headers={**bearer(token), "Accept-Language": "fr"})
    assert response.status_code == 422
    errors = {e["pointer"]: e for e in response.get_json()["errors"]}
    assert set(errors) == {"/worker_date_of_birth", "/worker_passport_expiry"}
    assert errors["/worker_date_of_birth"]["code"] == "WORKER-BIRTH-DATE-FUTURE"
    assert "doit être dans le passé" in errors["/worker_date_of_birth"]["detail"]
    assert errors["/worker_passport_expiry"]["code"] == "PASSPORT-EXPIRY-BEFORE-BIRTH"
    # Only the end date sent: checked against the saved start date (2027-03-01).
    response = client.patch(f"/api/v1/offers/{offer_id}/sections/job",
                            json={"end_date": "2027-01-31"}, headers=bearer(token))
    assert response.status_code == 422
    assert response.get_json()["errors"] == [{
        "code": "JOB-DATES-ORDER", "pointer": "/end_date",
        "detail": "The end date of employment must be after the start date. Correct one of "
                  "the two dates."}]
    assert db.session.get(Offer, offer_id).end_date.isoformat() == JOB["end_date"]


def test_a_new_draft_with_bad_dates_points_inside_its_section(client, employer_user):
    token = make_key(employer_user)
    response = client.post("/api/v1/offers", json={
        "worker": {**WORKER, "worker_date_of_birth": "2020-01-01"}}, headers=bearer(token))
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["pointer"] == "/worker/worker_date_of_birth"
    assert "years old; a worker is 14 to 100" in error["detail"]
    assert db.session.scalar(select(Offer.id)) is None


def test_range_errors_write_their_bounds_the_readers_way(client, employer_user):
    """Issue 13 item 18: "0,5" and "10 000 000" in French, "0.5" and "10,000,000" in English."""
    token = make_key(employer_user)
    offer_id = _draft(client, token).get_json()["id"]
    url = f"/api/v1/offers/{offer_id}/sections/wages"
    body = {"hours_per_week": 200, "wage_cents": -1}
    english = client.patch(url, json=body, headers=bearer(token)).get_json()
    texts = {e["pointer"]: e["detail"] for e in english["errors"]}
    assert texts["/hours_per_week"] == "Enter a value from 0.5 to 168."
    french = client.patch(url, json=body, headers=bearer(token, **{"Accept-Language": "fr"}))
    texts = {e["pointer"]: e["detail"] for e in french.get_json()["errors"]}
    assert texts["/hours_per_week"] == "Entrez une valeur de 0,5 à 168."
    assert "0.5" not in json.dumps(french.get_json(), ensure_ascii=False)

"""Idempotency-Key under concurrency: 20 threads sending one key make one effect, on SQLite and
PostgreSQL (run with TEST_DATABASE_URL); keys are per API key and last 24 hours."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import Offer, Payment
from tests.api_helpers import bearer, make_key
from tests.offers_helpers import complete_draft

THREADS = 20
CARD = {"card_number": "4242424242424242", "expiry": "12/30", "cvc": "123"}


def _together(app, send):
    def one(_index: int):
        response = send(app.test_client())
        return response.status_code, response.get_json()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(one, range(THREADS)))


@pytest.mark.real_commits  # twenty threads, each with its own connection
def test_twenty_concurrent_payments_with_one_key_charge_once(app, employer_user):
    token = make_key(employer_user)
    offer_id = complete_draft(employer_user).id
    headers = bearer(token, **{"Idempotency-Key": "8d0c6f0e-7c1e-4d0b-9a51-3c4a2f3b9e10"})
    results = _together(app, lambda client: client.post(
        f"/api/v1/offers/{offer_id}/payment", json=CARD, headers=headers))
    statuses = [status for status, _body in results]
    assert set(statuses) <= {201, 409}, results
    assert statuses.count(201) >= 1
    numbers = {body["offer"]["number"] for status, body in results if status == 201}
    assert len(numbers) == 1
    assert all(body["code"] == "idempotency_key.in_progress"
               for status, body in results if status == 409)
    db.session.rollback()  # a fresh snapshot: the threads wrote after this session read
    assert db.session.scalar(select(func.count(Payment.id))) == 1


@pytest.mark.real_commits  # twenty threads, each with its own connection
def test_twenty_concurrent_creates_with_one_key_make_one_draft(app, employer_user):
    token = make_key(employer_user)
    headers = bearer(token, **{"Idempotency-Key": "create-once"})
    results = _together(app, lambda client: client.post("/api/v1/offers", json={},
                                                        headers=headers))
    assert {status for status, _ in results} <= {201, 409}
    assert len({body["id"] for status, body in results if status == 201}) == 1
    db.session.rollback()  # a fresh snapshot: the threads wrote after this session read
    assert db.session.scalar(select(func.count(Offer.id))) == 1


def test_keys_belong_to_their_api_key_and_expire_after_a_day(client, employer_user):
    first, second = make_key(employer_user), make_key(employer_user)
    headers = {"Idempotency-Key": "same"}
    a = client.post("/api/v1/offers", headers=bearer(first, **headers)).get_json()
    b = client.post("/api/v1/offers", headers=bearer(second, **headers)).get_json()
    assert a["id"] != b["id"]
    clock.freeze(clock.now() + timedelta(hours=24, seconds=1))
    c = client.post("/api/v1/offers", headers=bearer(first, **headers))
    assert c.status_code == 201 and "Idempotent-Replayed" not in c.headers
    assert c.get_json()["id"] not in (a["id"], b["id"])


def test_a_bad_idempotency_key_is_400(client, employer_user):
    response = client.post("/api/v1/offers", headers=bearer(make_key(employer_user), **{
        "Idempotency-Key": "x" * 256}))
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["parameter"] == "Idempotency-Key"

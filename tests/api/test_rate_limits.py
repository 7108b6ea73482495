"""Rate limits per API key: every operation shares one budget per key, announced in RateLimit-*
headers; past it, 429 problem+json with Retry-After, in the language asked for."""

from __future__ import annotations

import pytest

from tests.api_helpers import bearer, make_key
from tests.factories import UserFactory


@pytest.fixture
def limited(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_API="3 per minute")
    with app.app_context():
        yield app


def test_each_answer_says_how_much_of_the_budget_is_left(limited):
    client = limited.test_client()
    token = make_key(UserFactory())
    remaining = []
    for _ in range(3):
        response = client.get("/api/v1/me", headers=bearer(token))
        assert response.status_code == 200
        assert response.headers["RateLimit-Limit"] == "3"
        assert 0 < int(response.headers["RateLimit-Reset"]) <= 60
        assert response.headers["RateLimit-Policy"] == "3;w=60"
        remaining.append(response.headers["RateLimit-Remaining"])
    assert remaining == ["2", "1", "0"]


def test_past_the_limit_the_key_gets_429_problem_json_with_retry_after(limited):
    client = limited.test_client()
    token = make_key(UserFactory())
    for _ in range(3):
        assert client.get("/api/v1/me", headers=bearer(token)).status_code == 200
    refused = client.get("/api/v1/offers", headers=bearer(token, **{"Accept-Language": "fr"}))
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    body = refused.get_json()
    assert body["code"] == "rate_limited" and body["status"] == 429
    assert body["title"] == "Trop de requêtes"
    assert refused.headers["Content-Language"] == "fr"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["RateLimit-Remaining"] == "0"


def test_the_budget_is_per_key_not_per_address(limited):
    client = limited.test_client()
    first, second = make_key(UserFactory()), make_key(UserFactory())
    for _ in range(3):
        assert client.get("/api/v1/me", headers=bearer(first)).status_code == 200
    assert client.get("/api/v1/me", headers=bearer(first)).status_code == 429
    other = client.get("/api/v1/me", headers=bearer(second))
    assert other.status_code == 200 and other.headers["RateLimit-Remaining"] == "2"


def test_the_same_key_from_other_addresses_shares_its_budget(limited):
    client = limited.test_client()
    token = make_key(UserFactory())
    for i in range(3):
        response = client.get("/api/v1/me", headers=bearer(token),
                              environ_base={"REMOTE_ADDR": f"198.51.100.{i + 1}"})
        assert response.status_code == 200
    again = client.get("/api/v1/me", headers=bearer(token),
                       environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert again.status_code == 429


def test_calls_without_a_valid_key_are_limited_by_address(limited):
    client = limited.test_client()
    codes = [client.get("/api/v1/me", headers=bearer("ep_test_wrong")).status_code
             for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    token = make_key(UserFactory())
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 200

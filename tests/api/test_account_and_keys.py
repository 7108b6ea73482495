"""The API's skeleton: keys as bearer tokens, scopes, problem+json in both languages, no cookies,
the OpenAPI document, and GET /api/v1/me."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ApiKey, AuditEvent, MemberRole, Membership, Permission
from portal.services.api_keys import keys
from tests.api_helpers import bearer, make_key
from tests.factories import EmployerFactory, UserFactory


def test_me_names_the_employer_user_and_key(client, employer_user):
    token = make_key(employer_user, "read,prepare")
    response = client.get("/api/v1/me", headers=bearer(token))
    assert response.status_code == 200
    body = response.get_json()
    assert body["employer"]["id"] == employer_user.employer_id
    assert body["employer"]["business_number"] == employer_user.employer.business_number
    assert body["user"] == {"id": employer_user.id, "full_name": employer_user.full_name,
                            "permission": "submit", "representative": False}
    assert body["key"]["scopes"] == ["read", "prepare"]
    assert token.startswith(body["key"]["prefix"]) and body["key"]["prefix"].startswith("ep_test_")
    assert response.headers["Cache-Control"] == "no-store"


def test_the_key_is_stored_only_as_a_hash(app, employer_user):
    token = make_key(employer_user)
    stored = db.session.scalars(select(ApiKey)).one()
    assert token not in (stored.secret_hash, stored.prefix)
    assert stored.secret_hash == keys.hash_secret(token) and len(token) == 40


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "api_key.missing"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "api_key.missing"),
        ({"Authorization": "Bearer ep_test_not-a-real-key"}, "api_key.invalid"),
        ({"Authorization": "Bearer something-else"}, "api_key.invalid"),
    ],
)
def test_without_a_valid_key_the_answer_is_401_problem_json(client, headers, code):
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    body = response.get_json()
    assert body["code"] == code and body["status"] == 401
    assert body["type"].endswith(code) and body["title"] and body["detail"]


def test_problems_speak_french_by_accept_language(client):
    response = client.get("/api/v1/me", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    body = response.get_json()
    assert body["title"] == "Authentification requise"
    assert "clé d'API" in body["detail"]
    assert response.headers["Content-Language"] == "fr"
    missing = client.get("/api/v1/nowhere", headers={"Accept-Language": "fr"})
    assert missing.status_code == 404 and missing.get_json()["title"] == "Introuvable"


def test_revoked_and_expired_keys_are_refused(client, employer_user):
    token = make_key(employer_user)
    key = db.session.scalars(select(ApiKey)).one()
    key.expires_at = clock.now() - timedelta(seconds=1)
    db.session.commit()
    assert client.get("/api/v1/me", headers=bearer(token)).get_json()["code"] == "api_key.expired"
    keys.revoke_key(actor=_actor(employer_user), key_id=key.id)
    assert client.get("/api/v1/me", headers=bearer(token)).get_json()["code"] == "api_key.revoked"


def test_a_key_stops_when_its_user_loses_access(client, employer_user):
    representative = UserFactory(role="employer_secondary")
    db.session.add(Membership(user_id=representative.id, employer_id=employer_user.employer_id,
                              role=MemberRole.SECONDARY, permission=Permission.SUBMIT))
    db.session.commit()
    _key, token = keys.create_key_for_user(
        email=representative.email, scopes=["read"], employer_id=employer_user.employer_id
    )
    me = client.get("/api/v1/me", headers=bearer(token)).get_json()
    assert me["employer"]["id"] == employer_user.employer_id and me["user"]["representative"]
    membership = db.session.scalars(select(Membership)).one()
    membership.active = False
    db.session.commit()
    response = client.get("/api/v1/me", headers=bearer(token))
    assert response.status_code == 401 and response.get_json()["code"] == "api_key.no_access"


def test_a_missing_scope_is_403(client, employer_user):
    token = make_key(employer_user, "prepare")
    response = client.get("/api/v1/me", headers=bearer(token))
    assert response.status_code == 403
    assert response.get_json()["code"] == "scope.missing"
    assert response.get_json()["required_scope"] == "read"


def test_last_used_is_kept_to_the_minute(client, employer_user):
    token = make_key(employer_user)
    clock.freeze(clock.now())
    client.get("/api/v1/me", headers=bearer(token))
    first = db.session.scalars(select(ApiKey)).one().last_used_at
    assert first is not None
    clock.advance(timedelta(seconds=20))
    client.get("/api/v1/me", headers=bearer(token))
    db.session.expire_all()
    assert db.session.scalars(select(ApiKey)).one().last_used_at == first
    clock.advance(timedelta(minutes=2))
    client.get("/api/v1/me", headers=bearer(token))
    db.session.expire_all()
    assert db.session.scalars(select(ApiKey)).one().last_used_at > first


def test_the_api_ignores_and_sets_no_cookies(client, employer_user):
    client.post("/sign-in", data={"email": employer_user.email,
                                  "password": "plum-orbit-canvas-lantern-42"})
    assert client.get("/employer/").status_code == 200  # signed in on the pages
    response = client.get("/api/v1/me")
    assert response.status_code == 401  # the session cookie authorises nothing here
    assert "Set-Cookie" not in response.headers


def test_cors_is_closed(client, employer_user):
    token = make_key(employer_user)
    response = client.get("/api/v1/me", headers=bearer(token, Origin="https://elsewhere.example"))
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options("/api/v1/me", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_wrong_method_is_405_problem_with_allow(client, employer_user):
    response = client.delete("/api/v1/me", headers=bearer(make_key(employer_user)))
    assert response.status_code == 405
    assert response.mimetype == "application/problem+json"
    assert "GET" in response.headers["Allow"]


def test_openapi_document_is_3_1_with_bearer_auth_and_examples(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.1")
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    me = spec["paths"]["/api/v1/me"]["get"]
    assert me["responses"]["200"]["content"]["application/json"]["example"]["key"]["scopes"]
    assert set(me["responses"]) >= {"200", "401", "403"}
    assert "Problem" in spec["components"]["schemas"]


def test_key_creation_is_audited_without_the_secret(app, employer_user):
    token = make_key(employer_user)
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "api_key.created")
                               ).one()
    assert token not in event.details and event.object_type == "api_key"


def _actor(user):
    from portal.services.actor import Actor

    return Actor(user_id=user.id, employer_id=user.employer_id)


def test_keys_of_other_employers_cannot_be_revoked(app, employer_user):
    other = UserFactory(employer=EmployerFactory())
    make_key(other)
    key = db.session.scalars(select(ApiKey)).one()
    from portal.services.errors import NotFound

    with pytest.raises(NotFound):
        keys.revoke_key(actor=_actor(employer_user), key_id=key.id)

"""The API keys page (primary user only): create (shown once), list, revoke; and the command
line's `flask api-keys create`."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ApiKey, MemberRole, Membership, Permission
from tests.api_helpers import bearer
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory

TOKEN = re.compile(r"ep_test_[A-Za-z0-9_-]{32}")


def _sign_in(client, user):
    assert client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD}
                       ).status_code == 302


def test_primary_user_creates_a_key_shown_once_that_works(client, signed_in):
    response = client.post("/employer/api-keys", data={
        "name": "HR system", "scope_read": "y", "scope_submit": "y"})
    assert response.status_code == 200
    token = TOKEN.search(response.get_data(as_text=True)).group(0)
    listing = client.get("/employer/api-keys").get_data(as_text=True)
    assert "HR system" in listing and token not in listing and token[:14] in listing
    me = client.get("/api/v1/me", headers=bearer(token)).get_json()
    assert me["key"]["scopes"] == ["read", "submit"]
    assert "HR system" in client.get("/employer/api-keys?lang=fr").get_data(as_text=True)


def test_the_page_speaks_french(client, signed_in):
    html = client.get("/employer/api-keys?lang=fr").get_data(as_text=True)
    assert "Clés d'API" in html and "Créer la clé" in html


def test_a_key_needs_a_name_a_scope_and_a_future_expiry(client, signed_in):
    response = client.post("/employer/api-keys", data={"name": ""})
    assert "This field is required." in response.get_data(as_text=True)
    response = client.post("/employer/api-keys", data={"name": "No scope"})
    assert "Choose at least one scope" in response.get_data(as_text=True)
    past = (clock.today() - timedelta(days=1)).isoformat()
    response = client.post("/employer/api-keys", data={
        "name": "Old", "scope_read": "y", "expires_on": past})
    html = response.get_data(as_text=True)
    assert "Choose an expiry date after today" in html and 'value="Old"' in html
    assert db.session.scalars(select(ApiKey)).all() == []


def test_revoking_a_key_stops_it(client, signed_in):
    response = client.post("/employer/api-keys", data={"name": "CI", "scope_read": "y"})
    token = TOKEN.search(response.get_data(as_text=True)).group(0)
    key = db.session.scalars(select(ApiKey)).one()
    assert client.post(f"/employer/api-keys/{key.id}/revoke").status_code == 302
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 401
    assert "Revoked" in client.get("/employer/api-keys").get_data(as_text=True)


def test_secondary_users_cannot_manage_keys(client, employer_user):
    colleague = UserFactory(role="employer_secondary", employer=employer_user.employer)
    db.session.add(Membership(user_id=colleague.id, employer_id=employer_user.employer_id,
                              role=MemberRole.SECONDARY, permission=Permission.SUBMIT))
    db.session.commit()
    _sign_in(client, colleague)
    assert client.get("/employer/api-keys").status_code == 403
    assert client.post("/employer/api-keys", data={"name": "x", "scope_read": "y"}
                       ).status_code == 403


def test_another_employers_key_cannot_be_revoked(client, signed_in, runner):
    other = UserFactory()
    runner.invoke(args=["api-keys", "create", "--email", other.email])
    key = db.session.scalars(select(ApiKey)).one()
    assert client.post(f"/employer/api-keys/{key.id}/revoke").status_code == 404
    db.session.refresh(key)
    assert key.revoked_at is None


def test_command_line_prints_the_key_on_its_last_line(runner, client, employer_user):
    result = runner.invoke(args=["api-keys", "create", "--email", employer_user.email,
                                 "--scopes", "read,prepare", "--name", "Tests"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert TOKEN.fullmatch(token)
    me = client.get("/api/v1/me", headers=bearer(token)).get_json()
    assert me["key"]["name"] == "Tests" and me["key"]["scopes"] == ["read", "prepare"]


def test_command_line_refuses_unknown_users_and_scopes(runner, employer_user):
    result = runner.invoke(args=["api-keys", "create", "--email", "nobody@example.com"])
    assert result.exit_code != 0 and "No employer user" in result.output
    result = runner.invoke(args=["api-keys", "create", "--email", employer_user.email,
                                 "--scopes", "read,admin"])
    assert result.exit_code != 0 and "Choose at least one scope" in result.output

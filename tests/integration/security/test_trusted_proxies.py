"""TRUSTED_PROXIES (issue 12 item 5): behind N trusted proxy hops the client's address (from
X-Forwarded-For) is what the rate limits count and the audit log records, and the scheme (from
X-Forwarded-Proto) is what absolute links use; with 0, the default, those headers are ignored,
so a client cannot choose its address."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Message
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory

PROXY = "10.0.0.5"  # every request reaches the portal from the proxy


def _app(make_app, hops: int, **config):
    app = make_app(TRUSTED_PROXIES=hops, **config)
    return app


def _post(app, path: str, data: dict, client_address: str, **headers):
    return app.test_client().post(
        path, data=data, environ_base={"REMOTE_ADDR": PROXY},
        headers={"X-Forwarded-For": client_address, **headers})


def _signed_in_address(app, user) -> str | None:
    with app.app_context():
        return db.session.scalar(select(AuditEvent.ip_address).where(
            AuditEvent.action == "user.signed_in", AuditEvent.object_id == str(user.id)))


@pytest.mark.parametrize(("hops", "recorded"), [(1, "203.0.113.9"), (0, PROXY)])
def test_the_audit_log_records_the_client_behind_a_trusted_proxy_only(make_app, hops, recorded):
    app = _app(make_app, hops)
    with app.app_context():
        user = UserFactory()
        db.session.commit()
        response = _post(app, "/sign-in", {"email": user.email, "password": TEST_PASSWORD},
                         "203.0.113.9")
        assert response.status_code == 302
        assert _signed_in_address(app, user) == recorded


def _guess(app, n: int, client_address: str):
    return _post(app, "/sign-in", {"email": f"guess{n}@example.com", "password": "x" * 12},
                 client_address)


def test_behind_one_proxy_each_client_has_its_own_limit(make_app):
    app = _app(make_app, 1, RATELIMIT_ENABLED=True, RATELIMIT_SIGN_IN="3 per minute")
    with app.app_context():
        assert [_guess(app, n, "203.0.113.1").status_code for n in range(4)] == [401] * 3 + [429]
        assert _guess(app, 9, "203.0.113.2").status_code == 401  # another client: not limited


def test_with_no_trusted_proxy_a_forged_header_does_not_escape_the_limit(make_app):
    app = _app(make_app, 0, RATELIMIT_ENABLED=True, RATELIMIT_SIGN_IN="3 per minute")
    with app.app_context():
        answers = [_guess(app, n, f"203.0.113.{n + 1}").status_code for n in range(4)]
        assert answers == [401] * 3 + [429]  # one connecting address, whatever the header says


@pytest.mark.parametrize(("hops", "scheme"), [(1, "https"), (0, "http")])
def test_links_take_the_scheme_the_trusted_proxy_was_reached_by(make_app, hops, scheme):
    app = _app(make_app, hops)
    with app.app_context():
        user = UserFactory()
        db.session.commit()
        response = _post(app, "/forgot-password", {"email": user.email}, "203.0.113.9",
                         **{"X-Forwarded-Proto": "https"})
        assert response.status_code == 200
        db.session.commit()
        body = db.session.scalar(select(Message.body).where(Message.kind == "password_reset"))
        assert body is not None and f"{scheme}://localhost/reset-password/" in body

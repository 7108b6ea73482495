"""Administrators' second factor: enrolment with QR code and secret, one-time codes, replay
rejected, recovery codes shown once and stored hashed."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pyotp
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import RecoveryCode, User
from tests.admin_helpers import NOW, current_code, enrolled_admin
from tests.conftest import TEST_PASSWORD
from tests.factories import AdminFactory


def _password_step(client, admin):
    return client.post("/sign-in", data={"email": admin.email, "password": TEST_PASSWORD})


def test_new_admin_enrols_sees_qr_and_secret_then_recovery_codes_once(app, client):
    clock.freeze(NOW)
    admin = AdminFactory()
    response = _password_step(client, admin)
    assert response.headers["Location"].endswith("/admin/second-factor")
    assert client.get("/admin/second-factor").headers["Location"].endswith("/enrol")
    html = client.get("/admin/second-factor/enrol").get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in html
    secret = db.session.get(User, admin.id).totp_secret
    assert secret and " ".join(secret[i : i + 4] for i in range(0, 32, 4)) in html
    assert client.get("/admin/").status_code == 404  # not enrolled yet

    response = client.post("/admin/second-factor/enrol", data={"code": pyotp.TOTP(secret).at(NOW)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", html)
    assert len(codes) == 10
    stored = set(db.session.scalars(select(RecoveryCode.code_hash)))
    assert stored == {hashlib.sha256(c.replace("-", "").encode()).hexdigest() for c in codes}
    assert client.get("/admin/").status_code == 200
    # The codes are never shown again.
    assert codes[0] not in client.get("/admin/second-factor/enrol", follow_redirects=True).get_data(
        as_text=True
    )


def test_wrong_enrolment_code_is_refused_next_to_the_field(app, client):
    clock.freeze(NOW)
    admin = AdminFactory()
    _password_step(client, admin)
    client.get("/admin/second-factor/enrol")
    response = client.post("/admin/second-factor/enrol", data={"code": "000000"})
    assert response.status_code == 200
    assert "The code is not correct" in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 404


def test_a_code_is_accepted_only_once(app, make_app):
    clock.freeze(NOW)
    admin = enrolled_admin()
    code = current_code(admin.totp_secret)
    first, second = app.test_client(), app.test_client()
    _password_step(first, admin)
    assert first.post("/admin/second-factor", data={"code": code}).status_code == 302
    # Same code replayed within its 30 seconds, from another browser: refused.
    _password_step(second, admin)
    response = second.post("/admin/second-factor", data={"code": code})
    assert response.status_code == 200
    assert "already used" in response.get_data(as_text=True)
    assert second.get("/admin/").status_code == 404
    # The next time-step's code works.
    clock.advance(timedelta(seconds=30))
    assert (
        second.post(
            "/admin/second-factor", data={"code": current_code(admin.totp_secret)}
        ).status_code
        == 302
    )
    assert second.get("/admin/").status_code == 200


def test_code_from_two_steps_ago_is_refused(app, client):
    clock.freeze(NOW)
    admin = enrolled_admin()
    old = pyotp.TOTP(admin.totp_secret).at(NOW - timedelta(seconds=60))
    _password_step(client, admin)
    assert client.post("/admin/second-factor", data={"code": old}).status_code == 200
    assert client.get("/admin/").status_code == 404


def test_recovery_code_works_once(app, client):
    clock.freeze(NOW)
    admin = AdminFactory()
    _password_step(client, admin)
    client.get("/admin/second-factor/enrol")
    secret = db.session.get(User, admin.id).totp_secret
    html = client.post(
        "/admin/second-factor/enrol", data={"code": pyotp.TOTP(secret).at(NOW)}
    ).get_data(as_text=True)
    recovery = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", html)[0]
    client.post("/sign-out")
    _password_step(client, admin)
    assert client.post("/admin/second-factor", data={"code": recovery.upper()}).status_code == 302
    client.post("/sign-out")
    _password_step(client, admin)
    assert client.post("/admin/second-factor", data={"code": recovery}).status_code == 200


def test_second_factor_is_asked_again_after_signing_in_again(app, client):
    clock.freeze(NOW)
    admin = enrolled_admin()
    _password_step(client, admin)
    client.post("/admin/second-factor", data={"code": current_code(admin.totp_secret)})
    assert client.get("/admin/").status_code == 200
    client.post("/sign-out")
    _password_step(client, admin)
    assert client.get("/admin/").status_code == 404


def test_before_the_second_factor_an_admin_can_only_finish_it_or_sign_out(app, client):
    clock.freeze(NOW)
    admin = enrolled_admin()
    _password_step(client, admin)
    for path in ("/account/password", "/outbox"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith(
            "/admin/second-factor"
        )
    assert client.post("/sign-out").status_code == 302
    assert client.get("/admin/second-factor").status_code == 404

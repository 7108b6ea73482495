"""Helpers for the admin and team tests: an enrolled administrator and a signed-in admin client."""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp

from portal import clock
from portal.extensions import db
from tests.factories import AdminFactory

NOW = datetime(2026, 11, 24, 15, 0, 7, tzinfo=UTC)


def enrolled_admin():
    """An administrator whose TOTP secret is known (already enrolled)."""
    admin = AdminFactory(totp_secret=pyotp.random_base32(), totp_enrolled_at=clock.now())
    db.session.commit()
    return admin


def current_code(secret: str) -> str:
    return pyotp.TOTP(secret).at(clock.now())


def sign_in_admin(client, admin) -> None:
    """Password, then the current TOTP code; the clock must be frozen by the caller."""
    response = client.post("/sign-in", data={"email": admin.email, "password": _password()})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/second-factor")
    response = client.post("/admin/second-factor", data={"code": current_code(admin.totp_secret)})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("/admin/")


def admin_client(app):
    """A test client signed in as an enrolled administrator, the clock frozen at NOW."""
    clock.freeze(NOW)
    client = app.test_client()
    sign_in_admin(client, enrolled_admin())
    return client


def _password() -> str:
    from tests.conftest import TEST_PASSWORD

    return TEST_PASSWORD

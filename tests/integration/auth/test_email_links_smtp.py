"""Proof of email ownership with real email (SMTP_URL set, aiosmtpd on loopback): the
confirmation and reset links go only by email, so following one proves the address; the
outbox shows that they were sent but never the link; the owner of a taken address is emailed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import select

from portal.extensions import db, queue
from portal.models import User
from tests.conftest import TEST_PASSWORD
from tests.email_helpers import SmtpServer
from tests.factories import UserFactory
from tests.integration.auth.test_accounts import registration

EMAIL = "jordan.lee@example.com"
LINK = re.compile(r"http://localhost(/(?:confirm-email|reset-password)/[A-Za-z0-9_\-]+)")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def smtp_app(make_app, app: Flask, smtp: SmtpServer) -> Iterator[Flask]:
    """The portal with SMTP_URL pointing at the test's server, tasks run at once."""
    other = make_app(SMTP_URL=smtp.url, QUEUE_IMMEDIATE=True)
    with other.app_context():
        yield other
    queue.huey.immediate = False


def _emailed_link(smtp: SmtpServer, to: str) -> tuple[str, str]:
    """(subject, link path) of the last email that reached `to`."""
    mails = [m for m in smtp.recorder.messages() if m["To"].addresses[0].addr_spec == to]
    assert mails, f"no email reached {to}"
    body = mails[-1].get_body(("plain",))
    assert body is not None
    text = body.get_content()
    match = LINK.search(text)
    assert match, text
    return str(mails[-1]["Subject"]), match.group(1)


def test_the_confirmation_link_goes_only_by_email_and_proves_the_address(smtp_app, smtp):
    client = smtp_app.test_client()
    assert client.post("/register", data=registration()).status_code == 302
    subject, path = _emailed_link(smtp, EMAIL)
    assert subject == "Confirm your email address"
    assert client.post("/sign-in", data={"email": EMAIL, "password": TEST_PASSWORD}
                       ).headers["Location"].endswith("/account/confirm-email")
    token = path.rsplit("/", 1)[1]
    pending = client.get("/account/confirm-email").get_data(as_text=True)
    assert "The link is only in the email" in pending and token not in pending
    outbox = client.get("/outbox").get_data(as_text=True)
    assert "Its link is only in the email" in outbox and token not in outbox
    assert "cannot prove" not in outbox
    assert client.get(path).headers["Location"].endswith("/employer/")
    assert client.get("/employer/").status_code == 200
    db.session.commit()
    assert db.session.scalar(select(User.email_confirmed_at)) is not None


def test_a_french_registrant_is_emailed_in_french(smtp_app, smtp):
    client = smtp_app.test_client()
    client.get("/register?lang=fr")
    client.post("/register", data=registration())
    subject, _path = _emailed_link(smtp, EMAIL)
    assert subject == "Confirmez votre adresse courriel"
    [mail] = smtp.recorder.messages()
    assert mail["Content-Language"] == "fr"
    assert "Ouvrez ce lien pour confirmer" in mail.get_body(("plain",)).get_content()


def test_the_owner_of_a_taken_address_is_emailed_and_nothing_else_happens(smtp_app, smtp):
    owner = UserFactory(email=EMAIL)
    client = smtp_app.test_client()
    response = client.post("/register", data=registration(business_number="046 454 286"))
    assert response.headers["Location"].endswith("/register/check-email")
    [mail] = smtp.recorder.messages()
    assert mail["Subject"] == "Someone tried to register with your address"
    assert mail["To"].addresses[0].addr_spec == owner.email
    assert "/confirm-email/" not in mail.get_body(("plain",)).get_content()


def test_password_reset_by_email(smtp_app, smtp):
    user = UserFactory(email="pat@example.com", preferred_language="fr")
    client = smtp_app.test_client()
    page = client.post("/forgot-password", data={"email": "pat@example.com"})
    assert "This simulator sends no real email" not in page.get_data(as_text=True)
    assert "If an account uses this address" in page.get_data(as_text=True)
    subject, path = _emailed_link(smtp, user.email)
    assert subject == "Réinitialisez votre mot de passe"
    new = "a-fresh-reset-passphrase-2026"
    assert client.post(path, data={"password": new, "confirm_password": new}).status_code == 302
    assert client.post("/sign-in", data={"email": user.email, "password": new}
                       ).status_code == 302

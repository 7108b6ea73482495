"""Accounts in tests: following the confirmation (and password reset) link a registration
sends, as the person who reads the address would."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import select

from portal.extensions import db
from portal.models import Message

LINK = re.compile(r"https?://[^/\s]+(/(?:confirm-email|reset-password)/[A-Za-z0-9_\-]+)")


def latest_link(email: str, kind: str = "email_confirmation") -> str:
    """The path of the newest link of `kind` sent to `email` (from its outbox message)."""
    db.session.commit()
    body = db.session.scalars(
        select(Message.body)
        .where(Message.recipient_email == email.lower(), Message.kind == kind)
        .order_by(Message.id.desc())
    ).first()
    assert body is not None, f"no {kind} message to {email}"
    match = LINK.search(body)
    assert match, body
    return match.group(1)


def confirm(client: FlaskClient, email: str) -> None:
    """Follow the newest confirmation link sent to `email`."""
    response = client.get(latest_link(email))
    assert response.status_code == 302, response.get_data(as_text=True)


def register_and_confirm(client: FlaskClient, data: dict[str, str]) -> None:
    """Register with the form data, confirm the address, and sign in: the new primary user is
    on their dashboard, as before confirmation was asked for."""
    response = client.post("/register", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("/register/check-email")
    confirm(client, data["email"])
    signed = client.post("/sign-in", data={"email": data["email"], "password": data["password"]})
    assert signed.status_code == 302, signed.get_data(as_text=True)

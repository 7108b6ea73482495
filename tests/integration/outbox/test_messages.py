"""The outbox page: the signed-in user's messages, newest first, and nobody else's."""

from __future__ import annotations

from datetime import date

from portal.extensions import db
from portal.models import Permission
from portal.services.outbox import messages as outbox
from tests.factories import UserFactory

CONTEXT = {
    "business": "Maple Orchards",
    "permission": Permission.PREPARE,
    "link": "http://localhost/join/ABCD-EFGH-JKLM-NPQR",
    "code": "ABCD-EFGH-JKLM-NPQR",
    "expires": date(2026, 12, 8),
}


def _invite(user, business: str) -> None:
    outbox.send(to_email=user.email, to_user_id=user.id, kind="invitation", language="en",
                context={**CONTEXT, "business": business})


def test_the_outbox_lists_the_users_own_messages_newest_first(client, signed_in):
    _invite(signed_in, "Maple Orchards")
    _invite(signed_in, "Birch Bakery")
    _invite(UserFactory(), "Someone Else's Farm")
    db.session.commit()

    html = client.get("/outbox").get_data(as_text=True)

    assert "The simulator sends no real email" in html
    assert html.index("Birch Bakery") < html.index("Maple Orchards")
    assert "ABCD-EFGH-JKLM-NPQR" in html
    assert "Someone Else" not in html


def test_an_empty_outbox_says_so_in_both_languages(client, signed_in):
    assert "No messages." in client.get("/outbox?lang=en").get_data(as_text=True)
    assert "Aucun message." in client.get("/outbox?lang=fr").get_data(as_text=True)


def test_the_outbox_needs_a_signed_in_user(client, app):
    response = client.get("/outbox")

    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]

"""The outbox stores messages in the recipient's language and never commits by itself."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Message, Permission
from portal.services.outbox import messages as outbox
from tests.factories import UserFactory

CONTEXT = {
    "business": "Maple Orchards",
    "permission": Permission.PREPARE,
    "link": "http://localhost/join/ABCD-EFGH-JKLM-NPQR",
    "code": "ABCD-EFGH-JKLM-NPQR",
    "expires": date(2026, 12, 1),
}


def test_message_is_rendered_in_the_recipients_language(app):
    user = UserFactory(preferred_language="fr")
    outbox.send(
        to_email=user.email, to_user_id=user.id, kind="invitation", language="fr", context=CONTEXT
    )
    db.session.commit()
    message = db.session.scalar(select(Message))
    assert message.subject == "Invitation à agir pour Maple Orchards"
    assert "ABCD-EFGH-JKLM-NPQR" in message.body and "expire le 1er décembre 2026." in message.body
    assert "avec la permission « préparer »." in " ".join(message.body.split())
    assert outbox.list_for_user(user_id=user.id) == [message]


def test_english_message_writes_the_day_out(app):
    user = UserFactory(preferred_language="en")
    outbox.send(
        to_email=user.email, to_user_id=user.id, kind="invitation", language="en", context=CONTEXT
    )
    message = db.session.scalar(select(Message))
    assert "It expires on December 1, 2026." in message.body


def test_send_does_not_commit(app):
    outbox.send(
        to_email="A@Example.com", to_user_id=None, kind="invitation", language="en", context=CONTEXT
    )
    db.session.rollback()
    assert db.session.scalar(select(Message)) is None


def test_unknown_kind_or_language_is_refused(app):
    with pytest.raises(ValueError, match="unknown message kind"):
        outbox.send(
            to_email="a@example.com", to_user_id=None, kind="spam", language="en", context={}
        )
    with pytest.raises(ValueError, match="unknown language"):
        outbox.send(
            to_email="a@example.com",
            to_user_id=None,
            kind="invitation",
            language="de",
            context=CONTEXT,
        )

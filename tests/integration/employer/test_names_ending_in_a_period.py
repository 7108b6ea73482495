"""A business name that ends in a period ends the sentence once (issue 13 item 18): "for Maple
Inc." on the dashboard and in messages, in English and French, never "Maple Inc..".
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Message
from portal.services.outbox import messages as outbox


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "for Maple Orchards Inc.</p>"),
    ("fr", "pour Maple Orchards Inc.</p>"),
])
def test_dashboard_sentence_ends_once(client, signed_in, language, sentence):
    signed_in.employer.operating_name = "Maple Orchards Inc."
    db.session.commit()
    html = client.get(f"/employer/?lang={language}").get_data(as_text=True)
    assert sentence in html
    assert "Inc.." not in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_message_sentence_ends_once(app, language):
    outbox.send(to_email="owner@example.com", to_user_id=None, kind="inspection_preliminary",
                language=language,
                context={"business": "Maple Orchards Inc.", "inspection": 7,
                         "received_on": date(2027, 3, 1), "due_on": date(2027, 3, 31)})
    message = db.session.scalar(select(Message))
    assert "Maple Orchards Inc." in message.body and "Inc.." not in message.body


def test_an_ellipsis_stays():
    from portal.i18n import one_period
    assert one_period("Wait... Maple Inc..") == "Wait... Maple Inc."

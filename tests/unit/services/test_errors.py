"""A service's refusal carries a catalogue code and its parameters; the edge words it."""

from __future__ import annotations

import pytest
from flask_babel import lazy_gettext as _l

from portal.catalogue import say_in
from portal.rules.messages import Message
from portal.services.errors import Conflict, DomainError, NotFound


def test_a_refusal_is_a_code_worded_in_the_readers_language(app):
    error = DomainError(Message.of("evidence.file_too_big", mb=10), field="file")
    assert (error.message.code, error.field, str(error)) == (
        "evidence.file_too_big", "file", "evidence.file_too_big")
    assert say_in(error.message, "en") == "The file is too big: each file can be at most 10 MB."
    assert "10 Mo" in say_in(error.message, "fr")


def test_whole_numbers_fill_numeric_placeholders(app):
    error = DomainError(Message.of("password.too_short", n=15), field="password")
    assert say_in(error.message, "en") == "Use at least 15 characters."


@pytest.mark.parametrize("text", ["Offer not found.", _l("Offer not found.")])
def test_a_refusal_made_of_text_is_refused(text):
    with pytest.raises(TypeError, match="catalogue code"):
        NotFound(text)  # what the check is for


def test_the_kind_of_refusal_defaults_to_its_class():
    assert Conflict(Message("offer.not_draft")).code == "Conflict"

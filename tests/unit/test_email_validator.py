"""Email addresses refused with what is wrong (issue 13 item 17)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from wtforms import Form, StringField, ValidationError

from portal.validators import EmailAddress


class _Form(Form):
    email = StringField()


def check(app, value: str, lang: str = "en") -> str | None:
    with app.test_request_context("/"), force_locale(lang):
        form = _Form(data={"email": value})
        try:
            EmailAddress()(form, form.email)
        except ValidationError as error:
            return str(error)
    return None


@pytest.mark.parametrize("value", ["ana@example.com", "ana.garcia@empresa.ca"])
def test_ordinary_addresses_pass(app, value):
    assert check(app, value) is None


@pytest.mark.parametrize(("value", "name"), [("ana@acme.test", "test"),
                                              ("ana@host.localhost", "localhost"),
                                              ("ana@x.invalid", "invalid")])
def test_a_reserved_domain_is_named(app, value, name):
    message = check(app, value)
    assert message is not None and f".{name}" in message and "reserved" in message
    assert "réservé" in (check(app, value, "fr") or "")


def test_a_malformed_address_gets_the_format_message(app):
    assert check(app, "not-an-address") == "Enter an email address like name@example.com."

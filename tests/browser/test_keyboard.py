"""Keyboard only: the registration form is completed with Tab, typing, arrow keys and Enter;
focus is always visible, follows the form's order and, after a failed submit, lands on the
error summary."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.flows import confirm_address
from tests.browser.keys import choose, skip_to_main, tab_to, type_into
from tests.browser.people import SHORT_PASSWORD, NewEmployer

LANGS = ["en", "fr"]
TEXT_FIELDS = ("legal_name", "operating_name", "business_number")
ADDRESS_FIELDS = ("address_line1", "address_line2", "city")
CONTACT_FIELDS = ("postal_code", "phone", "contact_name", "full_name", "email")


@pytest.mark.parametrize("lang", LANGS)
def test_register_with_the_keyboard_alone(make_journey, lang):
    journey = make_journey(lang)
    page, keyboard = journey.page, journey.page.keyboard
    employer = NewEmployer.make(f"keyboard-{lang}")
    journey.visit("/register")

    skip_to_main(journey)

    for name in TEXT_FIELDS:
        type_into(journey, name, getattr(employer, name))
    tab_to(journey, "business_type")
    choose(journey, "business_type", employer.business_type)
    type_into(journey, "address_line1", employer.address_line1)
    tab_to(journey, "address_line2")  # optional: left empty
    type_into(journey, "city", employer.city)
    tab_to(journey, "province")
    choose(journey, "province", employer.province)
    for name in CONTACT_FIELDS:
        type_into(journey, name, getattr(employer, name))
    type_into(journey, "password", SHORT_PASSWORD)
    type_into(journey, "confirm_password", SHORT_PASSWORD)
    journey.press("Enter")  # submits the form from the last field

    assert journey.focused()["id"] == "error-summary", "focus moves to the error summary"
    keyboard.press("Tab")
    assert journey.focused()["href"] == "#password", "the summary links to the field"
    keyboard.press("Enter")
    assert journey.focused()["id"] == "password"
    keyboard.type(employer.password)
    type_into(journey, "confirm_password", employer.password)
    journey.remember(employer.password)
    tab_to(journey, "submit")
    journey.press("Enter")
    confirm_address(journey, employer)  # the same answer for everyone, then the outbox's link
    expect(page.locator("main")).to_contain_text(employer.operating_name)  # the dashboard
    journey.finish()

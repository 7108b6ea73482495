"""Keyboard only: the registration form is completed with Tab, typing, arrow keys and Enter;
focus is always visible, follows the form's order and, after a failed submit, lands on the
error summary."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.browser.people import SHORT_PASSWORD, NewEmployer

LANGS = ["en", "fr"]
TEXT_FIELDS = ("legal_name", "operating_name", "business_number")
ADDRESS_FIELDS = ("address_line1", "address_line2", "city")
CONTACT_FIELDS = ("postal_code", "phone", "contact_name", "full_name", "email")


def tab_to(journey: Journey, field_id: str) -> None:
    journey.page.keyboard.press("Tab")
    focused = journey.focused()
    assert focused["id"] == field_id, f"Tab went to {focused}, expected #{field_id}"


def type_into(journey: Journey, field_id: str, value: str) -> None:
    tab_to(journey, field_id)
    journey.page.keyboard.type(value)
    journey.remember(value)


def choose(journey: Journey, field_id: str, value: str) -> None:
    """Arrow down a closed <select> until it shows `value` (as a keyboard user would)."""
    tab_to(journey, field_id)
    for _ in range(20):
        if journey.page.locator(f"#{field_id}").input_value() == value:
            return
        journey.page.keyboard.press("ArrowDown")
    raise AssertionError(f"#{field_id} never reached {value!r} with the arrow keys")


@pytest.mark.parametrize("lang", LANGS)
def test_register_with_the_keyboard_alone(make_journey, lang):
    journey = make_journey(lang)
    page, keyboard = journey.page, journey.page.keyboard
    employer = NewEmployer.make(f"keyboard-{lang}")
    journey.visit("/register")

    keyboard.press("Tab")
    assert journey.focused()["href"] == "#main", "the first Tab stop is the skip link"
    keyboard.press("Enter")
    assert journey.focused()["id"] == "main"

    for name in TEXT_FIELDS:
        type_into(journey, name, getattr(employer, name))
    choose(journey, "business_type", employer.business_type)
    type_into(journey, "address_line1", employer.address_line1)
    tab_to(journey, "address_line2")  # optional: left empty
    type_into(journey, "city", employer.city)
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
    expect(page.locator("main")).to_contain_text(employer.operating_name)  # the dashboard
    journey.finish()

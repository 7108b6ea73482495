"""Without JavaScript: the employer's registration journey works the same (forms post, errors
show, the profile saves, signing out works). axe still checks each page: the HTML the
JavaScript-less browser got is re-checked in a JavaScript-enabled page (see journey.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.flows import register
from tests.browser.people import NewEmployer

LANGS = ["en", "fr"]


@pytest.mark.parametrize("lang", LANGS)
def test_register_and_edit_the_profile_without_javascript(make_journey, lang):
    journey = make_journey(lang, javascript=False)
    page = journey.page
    employer = NewEmployer.make(f"nojs-{lang}")
    register(journey, employer)
    journey.click("header a[href$='/profile']")
    journey.click("main a[href$='/profile/edit']")
    journey.fill("#postal_code", "H2X")  # not a postal code: the error shows, nothing is lost
    journey.click("#submit")
    expect(page.locator("#postal_code-error")).to_be_visible()
    journey.fill("#postal_code", "H2X 1Y4")
    journey.click("#submit")
    expect(page.locator("main dl")).to_contain_text("H2X 1Y4")
    journey.switch_language()
    journey.switch_language()
    journey.click("header form button[type=submit]")  # sign out
    expect(page.locator("header a[href$='/sign-in']")).to_be_visible()
    journey.finish()

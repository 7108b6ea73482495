"""An employer's account, in English and in French: register (after fixing a password that is
too short), the dashboard, the business profile, the language toggle, signing out and in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.flows import register
from tests.browser.people import NewEmployer

LANGS = ["en", "fr"]


@pytest.mark.parametrize("lang", LANGS)
def test_employer_account(make_journey, lang):
    journey = make_journey(lang)
    page = journey.page
    employer = NewEmployer.make(f"account-{lang}")
    register(journey, employer)

    journey.click("header a[href$='/profile']")
    expect(page.locator("main dl")).to_contain_text(employer.business_number[:3])
    journey.click("main a[href$='/profile/edit']")
    new_street = "1250 boulevard René-Lévesque"
    journey.fill("#address_line1", new_street)
    journey.fill("#contact_name", "Rosalie Gagnon")
    journey.click("#submit")
    expect(page).to_have_url(re.compile(r"/profile$"))
    expect(page.locator("main dl")).to_contain_text(new_street)

    journey.switch_language()
    expect(page.locator("main dl")).to_contain_text(new_street)
    journey.switch_language()

    journey.click("header form button[type=submit]")  # sign out
    expect(page.locator("header a[href$='/sign-in']")).to_be_visible()

    journey.click("header a[href$='/sign-in']")
    journey.fill("#email", employer.email)
    journey.fill("#password", "pas-le-bon-mot-de-passe")
    journey.click("#submit", status=401)
    expect(page.locator("#error-summary")).to_be_visible()
    journey.fill("#password", employer.password)
    journey.click("#submit")
    expect(page.locator("main")).to_contain_text(employer.operating_name)  # the dashboard
    journey.finish()

"""An employer's account, in English and in French: register (after fixing a password that is
too short), the dashboard, the business profile, the language toggle, signing out and in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.browser.people import SHORT_PASSWORD, NewEmployer

LANGS = ["en", "fr"]


def fill_registration(journey: Journey, employer: NewEmployer, password: str) -> None:
    for name in ("legal_name", "operating_name", "business_number", "address_line1", "city",
                 "postal_code", "phone", "contact_name", "full_name", "email"):
        journey.fill(f"#{name}", getattr(employer, name))
    journey.page.select_option("#business_type", employer.business_type)
    journey.page.select_option("#province", employer.province)
    journey.fill("#password", password)
    journey.fill("#confirm_password", password)


def register(journey: Journey, employer: NewEmployer) -> None:
    """From the landing page to the dashboard, through one failed submit."""
    page = journey.page
    journey.visit("/")
    journey.click("header a[href$='/register']")
    fill_registration(journey, employer, SHORT_PASSWORD)
    journey.click("#submit")
    expect(page.locator("#error-summary a[href='#password']")).to_be_visible()
    expect(page.locator("#password-error")).to_be_visible()
    expect(page.locator("#password")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#legal_name")).to_have_value(employer.legal_name)  # nothing lost
    journey.fill("#password", employer.password)
    journey.fill("#confirm_password", employer.password)
    journey.click("#submit")
    expect(page.locator("header form button[type=submit]")).to_be_visible()  # signed in
    expect(page.locator("main")).to_contain_text(employer.operating_name)


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

"""Without JavaScript: the employer's registration journey works the same (forms post, errors
show, the profile saves, signing out works), and so does an offer from draft to number. axe
still checks each page: the HTML the JavaScript-less browser got is re-checked in a
JavaScript-enabled page (see journey.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.flows import register
from tests.browser.offer_flows import (
    CODE,
    attest,
    employer_signed_in,
    fill_code,
    fill_job,
    fill_wages,
    fill_worker,
    go_to_section,
    pay,
    start_offer,
    upload_evidence,
)
from tests.browser.people import ForeignWorker, NewEmployer

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


@pytest.mark.parametrize("lang", LANGS)
def test_offer_without_javascript(make_journey, lang):
    """The employer's offer: a draft, every section (the NOC search and the evidence upload
    are plain form posts), the test card, the offer number."""
    journey = make_journey(lang, javascript=False)
    employer_signed_in(journey)
    start_offer(journey)
    fill_code(journey, CODE)
    fill_worker(journey, ForeignWorker.make(), bad_uci_first=True)
    fill_job(journey)
    fill_wages(journey)
    go_to_section(journey, "evidence")
    upload_evidence(journey)
    go_to_section(journey, "attestations")
    attest(journey)
    number = pay(journey)
    expect(journey.page.locator("h1")).to_be_visible()
    expect(journey.page.locator("main .offer-number")).to_have_text(number)
    journey.finish()

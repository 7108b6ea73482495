"""Webhooks in the browser, in English and French, with and without JavaScript: from the team
page to the Webhooks page, a refused address, an endpoint added (its secret shown once), a test
event queued and listed, its events changed, turned off and deleted. Every page passes axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.flows import register
from tests.browser.people import NewEmployer


@pytest.mark.parametrize(("lang", "javascript"), [("en", True), ("fr", False)])
def test_webhook_endpoints(make_journey, lang, javascript):
    journey = make_journey(lang, javascript=javascript)
    page = journey.page
    employer = NewEmployer.make(f"webhooks-{lang}")
    register(journey, employer)

    journey.click("header a[href$='/team']")
    journey.click("main a[href$='/employer/webhooks']")
    journey.fill("#url", "http://127.0.0.1:9/hooks")  # loopback: refused
    journey.click("#submit")
    expect(page.locator("#error-summary a[href='#url']")).to_be_visible()
    expect(page.locator("#url")).to_have_attribute("aria-invalid", "true")

    journey.fill("#url", "https://hooks.example.com/portal")
    journey.fill("#description", "HR system")
    journey.click("#submit")
    secret = page.locator("#webhook-secret").input_value()
    assert re.fullmatch(r"whsec_[A-Za-z0-9+/=]{30,}", secret)

    journey.click("main a[href*='/employer/webhooks/']")
    expect(page.locator("main")).to_contain_text("https://hooks.example.com/portal")
    assert secret not in page.content()
    journey.click("form[action$='/test'] button[type=submit]")
    expect(page.locator("main table")).to_contain_text("webhook.test")

    page.locator("#event_offer_paid").uncheck()
    journey.click("#submit")
    expect(page.locator("#event_offer_paid")).not_to_be_checked()
    expect(page.locator("#event_offer_submitted")).to_be_checked()

    journey.click("form[action$='/enabled'] button[type=submit]")
    expect(page.locator("form[action$='/enabled'] button[type=submit]")).to_be_visible()
    journey.click("form[action$='/delete'] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/employer/webhooks$"))
    expect(page.locator("main table")).to_have_count(0)
    journey.finish()

"""An employer's account security, in English and in French: the second factor turned on
(QR code and printed secret, a wrong code first, recovery codes shown once), a later sign-in
with a recovery code, and a forgotten password reset by the link the outbox holds."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import expect

from tests.browser.flows import register
from tests.browser.journey import Journey
from tests.browser.people import NewEmployer

LANGS = ["en", "fr"]


def _sign_in(journey: Journey, email: str, password: str, *, status: int = 200) -> None:
    journey.click("header a[href$='/sign-in']")
    journey.fill("#email", email)
    journey.fill("#password", password)
    journey.click("#submit", status=status)


@pytest.mark.parametrize("lang", LANGS)
def test_second_factor_and_password_reset(make_journey, lang):
    journey = make_journey(lang)
    page = journey.page
    employer = NewEmployer.make(f"security-{lang}")
    register(journey, employer)

    journey.click("header a[href$='/account/security']")
    journey.click("main a.button[href$='/second-factor/set-up']")
    secret = page.locator("main code.secret").inner_text().replace(" ", "")
    totp = pyotp.TOTP(secret)
    journey.fill("#code", "000000" if totp.now() != "000000" else "111111")
    journey.click("#submit")  # a wrong code: the error shows next to the field
    expect(page.locator("#code-error")).to_be_visible()
    journey.fill("#code", totp.now())
    journey.click("#submit")
    codes = page.locator("main ul.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    journey.remember(*codes)
    journey.click("main a.button[href$='/employer/']")

    journey.click("header form button[type=submit]")  # sign out
    _sign_in(journey, employer.email, employer.password)
    expect(page).to_have_url(re.compile(r"/account/second-factor$"))
    journey.fill("#code", codes[0])  # a recovery code, once
    journey.click("#submit")
    expect(page.locator("main")).to_contain_text(employer.operating_name)  # the dashboard
    journey.click("header form button[type=submit]")

    # Forgotten password: the same answer for everyone; the link waits in the outbox.
    journey.click("header a[href$='/sign-in']")
    journey.click("main a[href$='/forgot-password']")
    journey.fill("#email", employer.email)
    journey.click("#submit")
    _sign_in(journey, employer.email, employer.password)
    journey.fill("#code", codes[1])
    journey.click("#submit")
    journey.click("header a[href$='/outbox']")
    journey.click("main article a[href*='/reset-password/']")
    new_password = employer.password + "-renewed"
    journey.fill("#password", new_password)
    journey.fill("#confirm_password", new_password)
    journey.click("#submit")
    expect(page).to_have_url(re.compile(r"/sign-in$"))
    journey.fill("#email", employer.email)
    journey.fill("#password", new_password)
    journey.click("#submit")
    expect(page).to_have_url(re.compile(r"/account/second-factor$"))
    journey.finish()

"""The administrator's steps: signing in with the seeded admin and a TOTP second factor,
exempting and banning employers, deciding applications, the audit log.

The seeded admin enrols its authenticator once per run (the first admin journey reads the
secret printed on the enrolment page); later journeys sign in with a code from that secret.
A code is accepted once, for a 30-second step later than the last one used, so a second
sign-in within the same step waits for the next one.
"""

from __future__ import annotations

import csv
import io
import time
from typing import Any

import pyotp
from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.browser.people import business_number

ADMIN_EMAIL = "admin@example.com"
# The published reason in both languages: the public list shows the reader's one.
BAN_REASONS = {"en": "Did not pay foreign workers the promised wage.",
               "fr": "N'a pas versé le salaire promis aux travailleurs étrangers."}
# en bans the first demo employer, fr the second: each journey bans someone not yet banned.
BANNED = {"en": ("123456782", "Maple Software"), "fr": ("100000009", "Boulangerie Acadienne")}
_TOTP: dict[str, Any] = {}  # the admin's TOTP and the last step used


def _next_code() -> str:
    """A TOTP code for a step later than the last one used (waiting for it if needed)."""
    totp: pyotp.TOTP = _TOTP["totp"]
    last = _TOTP.get("last_step", -1)
    while (step := int(time.time()) // totp.interval) <= last:
        time.sleep(totp.interval - time.time() % totp.interval + 0.2)
    _TOTP["last_step"] = step
    return totp.at(step * totp.interval)


def sign_in_with_totp(journey: Journey) -> None:
    """Password, then enrolment (first time in the run) or the sign-in code."""
    page = journey.page
    password = journey.server.demo_passwords[ADMIN_EMAIL]
    journey.visit("/sign-in")
    journey.fill("#email", ADMIN_EMAIL)
    journey.fill("#password", password)
    journey.click("#submit")
    if page.url.endswith("/admin/second-factor/enrol"):
        secret = page.locator("main code.secret").inner_text().replace(" ", "")
        totp = pyotp.TOTP(secret)
        _TOTP["totp"] = totp
        journey.fill("#code", "000000" if totp.now() != "000000" else "111111")
        journey.click("#submit")  # a wrong code: the error shows, the secret stays the same
        expect(page.locator("#code-error")).to_be_visible()
        assert page.locator("main code.secret").inner_text().replace(" ", "") == secret
        journey.fill("#code", _next_code())
        journey.click("#submit")
        expect(page.locator("main ul.recovery-codes li")).not_to_have_count(0)
        journey.click("main a.button[href$='/admin/']")
    else:
        assert page.url.endswith("/admin/second-factor"), page.url
        assert "totp" in _TOTP, "the admin is enrolled but this run never saw its secret"
        journey.fill("#code", _next_code())
        journey.click("#submit")
    expect(page.locator("main a[href$='/admin/audit']")).to_be_visible()  # the admin home


def register_exempt_embassy(journey: Journey) -> str:
    """From the admin home: a foreign embassy registered with its exemption."""
    page = journey.page
    name = f"Ambassade de la République de Lorraine {business_number()[:4]}"
    journey.click("main a[href$='/admin/employers/new-exempt']")
    journey.fill("#legal_name", name)
    journey.fill("#operating_name", name)
    journey.fill("#address_line1", "42 promenade Sussex")
    journey.fill("#city", "Ottawa")
    page.select_option("#province", "ON")
    journey.fill("#postal_code", "K1M 1M4")
    journey.fill("#phone", "613-555-0123")
    journey.fill("#contact_name", "Amélie Rousseau")
    journey.fill("#contact_email", "chancellerie@example.com")
    page.select_option("#category", "diplomatic_or_consular_mission")
    journey.fill("#legal_basis", "R209.9 ; LMIOI partie I")
    journey.fill("#effective_date", time.strftime("%Y-%m-%d"))
    journey.click("main form #submit")
    expect(page.locator("main")).to_contain_text(name)
    return name


def ban_employer(journey: Journey) -> str:
    """Find the language's demo employer by business number and ban it from today."""
    page = journey.page
    number, name = BANNED[journey.lang]
    journey.remember(number, name)
    journey.visit("/admin/employers")
    journey.fill("#q", number)
    journey.click("main form.filters #submit")
    journey.click(f"main table a:has-text('{name}')")
    journey.fill("#reason", BAN_REASONS["en"])
    journey.fill("#reason_fr", BAN_REASONS["fr"])
    journey.fill("#start_date", time.strftime("%Y-%m-%d"))
    journey.fill("#penalty", "5000")
    journey.click("main form[action$='/bans'] #ban_submit")
    expect(page.locator("main .panel-warning").first).to_contain_text(BAN_REASONS["en"])
    return name


def decide(journey: Journey, application_number: str) -> None:
    """Approve the worker's application from the decision queue."""
    journey.visit("/admin/")
    journey.click("main a[href$='/admin/decisions/']")
    journey.click(f"main table a:has-text('{application_number}')")
    journey.fill("#reason", "Offre vérifiée, conditions remplies.")
    journey.click("#approve")
    expect(journey.page.locator(".flash-success")).to_be_visible()


def audit_log(journey: Journey) -> None:
    """Filter the audit log on the decisions and export the filtered events as CSV."""
    page = journey.page
    journey.visit("/admin/")
    journey.click("main a[href$='/admin/audit']")
    journey.fill("#action", "work_permit.")
    journey.click("main form.filters #submit")
    assert "action=work_permit." in page.url
    link = page.locator("main a[href*='/admin/audit.csv']")
    response = page.context.request.get(journey.server.url(link.get_attribute("href") or ""))
    assert response.headers["content-type"].startswith("text/csv"), response.headers
    with page.expect_download() as download_info:
        link.click()
    rows = list(csv.reader(io.StringIO(download_info.value.path().read_text("utf-8-sig"))))
    assert rows and "action" in [cell.lower() for cell in rows[0]], rows[:1]
    assert len(rows) > 1, "the filtered export has the decision events"
    assert all("work_permit." in ",".join(row) for row in rows[1:]), rows[1:3]


def email_deliveries(journey: Journey) -> None:
    """The email delivery page from the admin home, filtered on one state (the browser run has
    no SMTP server: the messages are in the outbox only)."""
    page = journey.page
    journey.visit("/admin/")
    journey.click("main a[href$='/admin/email']")
    page.select_option("#state", "stored")
    journey.click("main form.filters button[type=submit]")
    assert "state=stored" in page.url
    expect(page.locator("main table tbody tr").first).to_be_visible()

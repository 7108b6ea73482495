"""Steps several journeys share (registration today; offers, payment... as they land)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.browser.people import SHORT_PASSWORD, NewEmployer


def fill_registration(journey: Journey, employer: NewEmployer, password: str) -> None:
    for name in ("legal_name", "operating_name", "business_number", "address_line1", "city",
                 "postal_code", "phone", "contact_name", "full_name", "email"):
        journey.fill(f"#{name}", getattr(employer, name))
    journey.page.select_option("#business_type", employer.business_type)
    journey.page.select_option("#province", employer.province)
    journey.fill("#password", password)
    journey.fill("#confirm_password", password)


def confirm_address(journey: Journey, employer: NewEmployer) -> None:
    """From "check your email" (the same answer for everyone) to the dashboard: sign in, and
    follow the confirmation link that the outbox holds (no SMTP in the browser tests)."""
    journey.click("main a[href$='/sign-in']")
    journey.fill("#email", employer.email)
    journey.fill("#password", employer.password)
    journey.click("#submit")
    journey.click("main article a[href*='/confirm-email/']")


def register(journey: Journey, employer: NewEmployer) -> None:
    """From the landing page to the dashboard, through one failed submit and the
    confirmation of the email address."""
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
    confirm_address(journey, employer)
    expect(page.locator("header form button[type=submit]")).to_be_visible()  # signed in
    expect(page.locator("main")).to_contain_text(employer.operating_name)


def complete_business_details(journey: Journey, employer: NewEmployer) -> None:
    """From anywhere signed in as the primary user: give the business details an offer's
    business information needs (issue 13 item 27), then back to the dashboard."""
    page = journey.page
    journey.remember(*employer.typed_values())
    journey.click("header a[href$='/profile']")
    journey.click("main a[href$='/profile/edit']")
    for name, value in (("employees_in_canada", employer.employees_in_canada),
                        ("gross_annual_revenue_cents", employer.gross_annual_revenue),
                        ("business_started_on", employer.business_started_on),
                        ("principal_activity", employer.principal_activity),
                        ("contact_job_title", employer.contact_job_title),
                        ("contact_phone", employer.contact_phone)):
        journey.fill(f"#{name}", value)
    journey.click("#submit")
    expect(page.locator("main dl")).to_contain_text(employer.principal_activity)
    journey.visit("/employer/")

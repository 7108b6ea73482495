"""The worker's steps (no account): check an offer number, apply for a work permit with it,
find the application again with its number and the date of birth."""

from __future__ import annotations

import re
from functools import cache

from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.browser.people import ForeignWorker


@cache
def _french():
    from portal.i18n import load_translations

    return load_translations("fr")


def shown(lang: str, msgid: str) -> str:
    """A message as the portal shows it in `lang` (its French translation for "fr")."""
    return _french().gettext(msgid) if lang == "fr" else msgid


def verify_offer(journey: Journey, number: str, worker: ForeignWorker) -> None:
    page = journey.page
    journey.remember(number, *worker.typed_values())
    journey.visit("/verify-offer")
    journey.fill("#number", number)
    journey.fill("#passport_number", worker.passport_number)
    journey.fill("#date_of_birth", worker.date_of_birth)
    journey.click("main form #submit")
    expect(page.locator("main .tag-pending")).to_be_visible()
    expect(page.locator("h1")).to_contain_text(number)


def fill_the_application(journey: Journey, number: str, worker: ForeignWorker, *,
                         status: int = 200) -> None:
    """From the verified offer's link: the application form (type and number filled in from
    the link) filled with the worker's details, and sent."""
    page = journey.page
    journey.click("main a.button[href*='/work-permit/apply']")
    expect(page.locator("#offer_number")).to_have_value(number)
    expect(page.locator("input[name=permit_type][value=employer_specific]")).to_be_checked()
    journey.fill("#family_name", worker.family_name)
    journey.fill("#given_names", worker.given_names)
    journey.fill("#date_of_birth", worker.date_of_birth)
    page.select_option("#citizenship", worker.citizenship)
    journey.fill("#passport_number", worker.passport_number)
    journey.fill("#passport_expiry", worker.passport_expiry)
    page.select_option("#residence_country", worker.residence_country)
    page.check("input[name=applies_from][value=outside]")
    page.check("input[name=biometrics][value=within_14_days]")
    journey.click("main form #submit", status=status)


def apply_with_the_offer(journey: Journey, number: str, worker: ForeignWorker) -> str:
    """From the verified offer: the application form (type and number filled in from the
    link), then the result page. Returns the application number."""
    page = journey.page
    fill_the_application(journey, number, worker)
    expect(page).to_have_url(re.compile(r"/work-permit/submitted$"))
    main = page.locator("main")
    lang = journey.lang
    # Fees (a table with a total), the travel document, two-week processing: eligible, since
    # the job is TEER 1, the worker applies from outside Canada and gives biometrics in time.
    expect(main.locator("table tbody tr")).not_to_have_count(0)
    expect(main.locator("table tfoot")).to_contain_text("$")
    for heading in ("Fees", "Travel document", "Two-week processing (Global Skills Strategy)"):
        expect(main.locator("h2", has_text=shown(lang, heading))).to_be_visible()
    travel = main.locator("h2", has_text=shown(lang, "Travel document"))
    expect(travel.locator("xpath=following-sibling::p[1]")).not_to_be_empty()
    gss = main.locator("h2", has_text=shown(lang, "Two-week processing (Global Skills Strategy)"))
    expect(gss.locator("xpath=following-sibling::p[1]")).to_have_text(shown(lang, "Eligible"))
    expect(main).to_contain_text(shown(lang, "Not decided yet. An officer (an administrator of "
                                              "the simulator) will approve or refuse the "
                                              "application."))
    application = main.locator(".offer-number").first.inner_text().strip()
    assert re.fullmatch(r"W\d{9}", application), application
    journey.remember(application)
    return application


def see_the_decision(journey: Journey, application: str, worker: ForeignWorker) -> None:
    page = journey.page
    journey.visit("/work-permit/status")
    journey.fill("#number", application)
    journey.fill("#date_of_birth", worker.date_of_birth)
    journey.click("main form #submit")
    expect(page.locator("main .tag-matched")).to_be_visible()  # approved
    expect(page.locator("main .panel strong").first).to_contain_text(
        shown(journey.lang, "Approved on %(date)s.").split("%")[0].strip()
    )

"""Keyboard only: the offer form (exemption code, foreign worker, job, wages and attestations
sections) completed with Tab, typing, arrow keys, Space and Enter. Focus is visible at every
stop, follows each form's order and, after a failed save, lands on the error summary, whose
link leads to the field to fix."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.browser.keys import (
    choose,
    skip_to_main,
    tab_to,
    tab_until,
    type_ahead,
    type_date,
    type_into,
)
from tests.browser.offer_flows import CODE, NOC, employer_signed_in
from tests.browser.people import ForeignWorker

LANGS = ["en", "fr"]
COUNTRY = "France"  # the same name in both languages
PROVINCE = "Ontario"


def save_and_continue(journey: Journey, next_slug: str) -> None:
    tab_until(journey, "#save_continue")
    journey.press("Enter")
    # The browser keeps the fragment of the page that posted (#main from the skip link,
    # #worker_uci from the error summary's link) across the post/redirect.
    expect(journey.page).to_have_url(re.compile(f"/{next_slug}(#[a-z_]+)?$"))


def code_section(journey: Journey) -> None:
    skip_to_main(journey)
    tab_until(journey, "#code_key")
    type_ahead(journey, "code_key", CODE, CODE)
    tab_to(journey, "explanation")
    journey.page.keyboard.type("Emploi en Ontario ; français courant.")
    tab_to(journey, "save_continue")
    tab_to(journey, "save")
    journey.press("Enter")  # Save and validate: the code's questions appear
    skip_to_main(journey)
    tab_until(journey, "#code_key")
    tab_to(journey, "answer_french_nclc5")
    choose(journey, "answer_french_nclc5", "yes")
    tab_to(journey, "explanation")
    save_and_continue(journey, "foreign-worker")


def worker_section(journey: Journey, worker: ForeignWorker) -> None:
    page, keyboard = journey.page, journey.page.keyboard
    journey.remember(*worker.typed_values())
    skip_to_main(journey)
    tab_until(journey, "#worker_family_name")
    keyboard.type(worker.family_name)
    type_into(journey, "worker_given_names", worker.given_names)
    tab_to(journey, "worker_sex")
    choose(journey, "worker_sex", worker.sex)
    type_date(journey, "worker_date_of_birth", worker.date_of_birth)
    for field_id in ("worker_country_of_birth", "worker_citizenship", "worker_residence_country"):
        tab_to(journey, field_id)
        type_ahead(journey, field_id, COUNTRY, "FR")
    type_into(journey, "worker_passport_number", worker.passport_number)
    type_date(journey, "worker_passport_expiry", worker.passport_expiry)
    type_into(journey, "worker_uci", "12-34")  # not a UCI
    tab_to(journey, "save_continue")
    journey.press("Enter")

    assert journey.focused()["id"] == "error-summary", "focus moves to the error summary"
    keyboard.press("Tab")
    assert journey.focused()["href"] == "#worker_uci"
    keyboard.press("Enter")
    assert journey.focused()["id"] == "worker_uci"
    expect(page.locator("#worker_passport_number")).to_have_value(worker.passport_number)
    keyboard.press("ControlOrMeta+a")
    keyboard.type("1234-5678")
    save_and_continue(journey, "job")


def job_section(journey: Journey) -> None:
    page, keyboard = journey.page, journey.page.keyboard
    skip_to_main(journey)
    tab_until(journey, "#job_title")
    keyboard.type("Ingénieure logicielle")
    tab_to(journey, "noc_query")
    tab_to(journey, "search_noc")
    type_into(journey, "noc_code", NOC)
    type_into(journey, "duties", "Concevoir les logiciels de l'érablière.")
    for field_id in ("education_requirements", "training_requirements",
                     "experience_requirements", "licence_requirements",
                     "language_requirements"):
        tab_to(journey, field_id)
    type_into(journey, "location1_address_line1", "250 rue Albert")
    type_into(journey, "location1_city", "Ottawa")
    tab_to(journey, "location1_province")
    type_ahead(journey, "location1_province", PROVINCE, "ON")
    type_into(journey, "location1_postal_code", "K1P 5G4")
    for field_id in ("location2_address_line1", "location2_city", "location2_province",
                     "location2_postal_code"):
        tab_to(journey, field_id)  # the optional second location, left empty
    type_date(journey, "start_date", "2027-03-01")
    type_date(journey, "end_date", "2029-02-28")
    tab_to(journey, "full_time-0")  # the first radio of the group
    keyboard.press("Space")
    expect(page.locator("#full_time-0")).to_be_checked()
    save_and_continue(journey, "wages-and-benefits")


def wages_section(journey: Journey) -> None:
    page = journey.page
    skip_to_main(journey)
    tab_until(journey, "#wage")
    page.keyboard.type("48.50")
    tab_to(journey, "wage_unit")
    choose(journey, "wage_unit", "hour")
    type_into(journey, "hours_per_week", "37.5")
    tab_to(journey, "overtime")
    tab_to(journey, "vacation")
    tab_to(journey, "benefit_health")
    page.keyboard.press("Space")
    expect(page.locator("#benefit_health")).to_be_checked()
    save_and_continue(journey, "attestations")


def attestations_section(journey: Journey) -> None:
    page = journey.page
    skip_to_main(journey)
    boxes = page.locator("#attestations input[type=checkbox]")
    ids = boxes.evaluate_all("(boxes) => boxes.map((b) => b.id)")
    tab_until(journey, f"#{ids[0]}")
    page.keyboard.press("Space")
    for box_id in ids[1:]:
        tab_to(journey, box_id)
        page.keyboard.press("Space")
    for box in boxes.all():
        expect(box).to_be_checked()
    save_and_continue(journey, "review")


@pytest.mark.parametrize("lang", LANGS)
def test_offer_form_with_the_keyboard_alone(make_journey, lang):
    journey = make_journey(lang)
    employer_signed_in(journey)
    tab_until(journey, "main form[action$='/offers/new'] button")
    journey.press("Enter")  # a new draft, on its exemption code page
    code_section(journey)
    worker_section(journey, ForeignWorker.make())
    job_section(journey)
    wages_section(journey)
    attestations_section(journey)
    expect(journey.page.locator("main")).to_contain_text(NOC)  # the review shows it all
    journey.finish()

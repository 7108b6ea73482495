"""A practice case in the browser (issue 17's done-when: a learner takes a case from brief to
graded feedback in either language), without JavaScript, every page checked (axe, one h1, the
language toggle, no English left on French pages): a registered employer user opens /practice,
reads the case of the French-speaking cook in Moncton, starts it (a fresh practice employer they
act for), does the work in the ordinary portal (code C16 with its question, the worker exactly as
the passport prints her, the job, wages, the evidence C16 asks for, the attestations, the fee paid
with the test card), comes back and clicks "Check my work": the model answer scores 100 with
feedback that names the rule and its source; the progress page lists the case and the score."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.flows import register
from tests.browser.journey import Journey
from tests.browser.offer_flows import (
    attest,
    fill_code,
    fill_worker,
    go_to_section,
    pay,
    start_offer,
    upload_evidence,
)
from tests.browser.people import ForeignWorker, NewEmployer

CASE = "francophone-cook"
TITLE = {"en": "A French-speaking cook for a restaurant in Moncton",
         "fr": "Une cuisinière francophone pour un restaurant de Moncton"}
# The worker as the case's passport prints her (the grader wants it character for character).
ALINE = ForeignWorker(family_name="NDJOCK", given_names="ALINE ROSE", passport_number="AA0731984",
                      date_of_birth="1994-03-08", passport_expiry="2030-12-19", sex="F",
                      citizenship="CM", country_of_birth="CM", residence_country="CM")
SCORE = {"en": "Score: 100 / 100", "fr": "Résultat : 100 / 100"}
RIGHT = {"en": "Right:", "fr": "Correct :"}
PROGRESS = {"en": "100 / 100", "fr": "100 / 100"}


def fill_the_cooks_job(journey: Journey) -> None:
    """The case's job: a cook (NOC 63200) in Moncton, two years from 1 March 2027."""
    page = journey.page
    journey.fill("#job_title", "Cuisinière")
    journey.fill("#noc_code", "63200")
    journey.fill("#duties", "Préparer et cuire les plats du menu; planifier les plats du jour.")
    journey.fill("#location1_address_line1", "120 rue Main")
    journey.fill("#location1_city", "Moncton")
    page.select_option("#location1_province", "NB")
    journey.fill("#location1_postal_code", "E1C 1B9")
    journey.fill("#start_date", "2027-03-01")
    journey.fill("#end_date", "2029-02-28")
    page.check("input[name=full_time][value=yes]")
    journey.click("#save_continue")
    expect(page).to_have_url(re.compile(r"/wages-and-benefits$"))


def fill_the_cooks_wages(journey: Journey) -> None:
    page = journey.page
    journey.fill("#wage", "19.50")
    page.select_option("#wage_unit", "hour")
    journey.fill("#hours_per_week", "40")
    journey.click("#save_continue")
    expect(page).to_have_url(re.compile(r"/attestations$"))


def start_the_case(journey: Journey, lang: str) -> None:
    """From /practice to the case's brief, then "Start this case": the dashboard of the new
    practice employer."""
    page = journey.page
    journey.visit("/practice/")
    journey.click(f"main a[href$='/practice/cases/{CASE}']")
    expect(page.locator("h1")).to_have_text(TITLE[lang])
    expect(page.locator("main")).to_contain_text("AA0731984")
    journey.click(f"main form[action$='/cases/{CASE}/start'] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/employer/?$"))
    expect(page.locator("main")).to_contain_text("Le Bistro du Coude")


def do_the_work(journey: Journey) -> str:
    """The offer for the case in the ordinary portal, paid and submitted; its number."""
    start_offer(journey)
    fill_code(journey, "C16")
    fill_worker(journey, ALINE)
    fill_the_cooks_job(journey)
    fill_the_cooks_wages(journey)
    go_to_section(journey, "evidence")
    upload_evidence(journey)
    go_to_section(journey, "attestations")
    attest(journey)
    return pay(journey)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_learner_takes_a_case_from_brief_to_graded_feedback(make_journey, lang):
    learner = NewEmployer.make(f"learner-{lang}")
    journey = make_journey(lang, javascript=False, name=f"practice-{lang}")
    page = journey.page
    register(journey, learner)
    start_the_case(journey, lang)
    number = do_the_work(journey)
    expect(page.locator("main")).to_contain_text(number)

    journey.visit(f"/practice/cases/{CASE}")
    journey.click(f"main form[action$='/cases/{CASE}/check'] button[type=submit]")
    main = page.locator("main")
    expect(main.locator(".score")).to_have_text(SCORE[lang])
    expect(main).to_contain_text(RIGHT[lang])
    expect(main).to_contain_text("R205(c)(ii)")  # the feedback names the rule's source
    expect(main).not_to_contain_text("To fix:" if lang == "en" else "À corriger :")

    journey.click("main a[href$='/practice/progress']")
    row = page.locator("main table tbody tr", has_text=TITLE[lang])
    expect(row).to_contain_text(PROGRESS[lang])

"""A practice case in the browser (issue 17's done-when: a learner takes a case from brief to
graded feedback in either language), without JavaScript, every page checked (axe, one h1, the
language toggle, no English left on French pages): a registered employer user opens /practice,
reads the case of the French-speaking cook in Moncton, starts it (a fresh practice employer they
act for), does the work in the ordinary portal (code C16 with its question, the worker exactly as
the passport prints her, the job, wages, the evidence C16 asks for, the attestations, the fee paid
with the test card), comes back and clicks "Check my work": the model answer scores 100 with
feedback that names the rule and its source; the progress page lists the case and the score.
A second case, the unpaid lay missionary (C50), is done the other way a fee is settled: the
exemption claimed with its proof (R299(2)(f)) and the offer submitted without paying."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import FilePayload, expect

from tests.browser.flows import register
from tests.browser.journey import Journey
from tests.browser.offer_flows import (
    attest,
    fill_code,
    fill_worker,
    go_to_section,
    pay,
    start_offer,
    tiny_pdf,
    upload_evidence,
)
from tests.browser.people import ForeignWorker, NewEmployer

CASE = "francophone-cook"
TITLE = {"en": "A French-speaking cook for a restaurant in Moncton",
         "fr": "Une cuisinière francophone pour un restaurant de Moncton"}
VOLUNTEER_CASE = "c50-unpaid-volunteer"
VOLUNTEER_TITLE = {"en": "An unpaid lay missionary for a Winnipeg parish",
                   "fr": "Une missionnaire laïque bénévole pour une paroisse de Winnipeg"}
MARIA = ForeignWorker(family_name="DELA CRUZ", given_names="MARIA TERESA",
                      passport_number="P4728193B", date_of_birth="1993-10-02",
                      passport_expiry="2033-07-25", sex="F", citizenship="PH",
                      country_of_birth="PH", residence_country="PH")
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


def start_the_case(journey: Journey, case: str, title: str, employer: str) -> None:
    """From /practice to the case's brief, then "Start this case": the dashboard of the new
    practice employer."""
    page = journey.page
    journey.remember(employer)  # the case's made-up employer, shown as the case names it
    journey.visit("/practice/")
    journey.click(f"main a[href$='/practice/cases/{case}']")
    expect(page.locator("h1")).to_have_text(title)
    journey.click(f"main form[action$='/cases/{case}/start'] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/employer/?$"))
    expect(page.locator("main")).to_contain_text(employer)


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
    start_the_case(journey, CASE, TITLE[lang], "Le Bistro du Coude")
    expect(page.locator("main")).to_contain_text("Le Bistro du Coude")
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


def claim_the_volunteers_exemption(journey: Journey) -> None:
    """The unpaid religious worker's offer: C50 with the worker unpaid, no fee (R299(2)(f)),
    the exemption claimed with its proof, then submitted without paying."""
    page = journey.page
    start_offer(journey)
    page.select_option("#code_key", "C50")
    journey.click("#save")
    page.select_option("#answer_worker_unpaid", "yes")
    journey.fill("#explanation", "Missionnaire laïque bénévole de la paroisse, à Winnipeg.")
    journey.click("#save_continue")
    fill_worker(journey, MARIA)
    journey.fill("#job_title", "Missionnaire laïque")
    journey.fill("#noc_code", "42204")
    journey.fill("#duties", "Préparer les enfants aux sacrements; animer le groupe de jeunes.")
    journey.fill("#location1_address_line1", "1001 rue Notre-Dame")
    journey.fill("#location1_city", "Winnipeg")
    page.select_option("#location1_province", "MB")
    journey.fill("#location1_postal_code", "R3E 0N7")
    journey.fill("#start_date", "2027-01-15")
    journey.fill("#end_date", "2028-01-14")
    page.check("input[name=full_time][value=yes]")
    journey.click("#save_continue")
    journey.fill("#wage", "150")
    page.select_option("#wage_unit", "month")
    journey.fill("#hours_per_week", "35")
    journey.click("#save_continue")
    go_to_section(journey, "evidence")
    upload_evidence(journey)
    go_to_section(journey, "attestations")
    attest(journey)
    journey.click("main a.button[href$='/fee-exemption']")
    journey.fill("#reason", "Travailleuse religieuse non rémunérée : R299(2)(f).")
    page.set_input_files("#proof", files=[FilePayload(
        name="preuve.pdf", mimeType="application/pdf", buffer=tiny_pdf())])
    journey.remember("preuve.pdf")
    journey.click("main form [name=claim]")
    journey.click("main form[action$='/submit'] button[type=submit]")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_learner_claims_the_fee_exemption_of_an_unpaid_volunteer(make_journey, lang):
    learner = NewEmployer.make(f"volunteer-{lang}")
    journey = make_journey(lang, javascript=False, name=f"practice-exempt-{lang}")
    page = journey.page
    register(journey, learner)
    # The case's made-up parish keeps its English legal name on French pages too.
    journey.remember("Holy Family Roman Catholic Parish of Winnipeg")
    start_the_case(journey, VOLUNTEER_CASE, VOLUNTEER_TITLE[lang], "Holy Family Parish")
    claim_the_volunteers_exemption(journey)
    expect(page.locator("main .offer-number")).to_have_text(re.compile(r"A\d{7}"))
    journey.visit(f"/practice/cases/{VOLUNTEER_CASE}")
    journey.click(f"main form[action$='/cases/{VOLUNTEER_CASE}/check'] button[type=submit]")
    expect(page.locator("main .score")).to_have_text(SCORE[lang])
    expect(page.locator("main")).to_contain_text("R299(2)(f)")  # the fee's rule, named

"""Steps of the offer of employment that several journeys share: signing in an employer
(registered once per language and run), each section of the offer form, evidence, payment.

The offer is a Francophone mobility (C16) job in Ottawa for a French citizen: the code finder
suggests C16 for these answers, the job's NOC (21231, TEER 1) makes the worker's application
eligible for two-week processing, and the work is outside Quebec as C16 requires.
"""

from __future__ import annotations

import io
import re

from playwright.sync_api import FilePayload, expect
from pypdf import PdfReader

from tests.browser.flows import complete_business_details, register
from tests.browser.journey import Journey
from tests.browser.people import ForeignWorker, NewEmployer
from tests.files import pdf_bytes

# One registration per language and run: the first journey that needs an employer registers
# it (through the form, failed password included); the others sign in with it.
_EMPLOYERS: dict[str, NewEmployer] = {}
CODE = "C16"
NOC = "21231"
TEST_CARD = "4242 4242 4242 4242"
DECLINED_CARD = "4000 0000 0000 0002"


def tiny_pdf() -> bytes:
    """A real one-page PDF of a few hundred bytes (the portal opens every PDF with pypdf)."""
    return pdf_bytes()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def sign_in(journey: Journey, email: str, password: str) -> None:
    journey.visit("/sign-in")
    journey.fill("#email", email)
    journey.fill("#password", password)
    journey.click("#submit")


def sign_out(journey: Journey) -> None:
    journey.click("header form button[type=submit]")
    expect(journey.page.locator("header a[href$='/sign-in']")).to_be_visible()


def employer_signed_in(journey: Journey) -> NewEmployer:
    """The language's employer, signed in on its dashboard (registered on first use)."""
    employer = _EMPLOYERS.get(journey.lang)
    if employer is None:
        employer = NewEmployer.make(f"offers-{journey.lang}")
        register(journey, employer)
        complete_business_details(journey, employer)
        _EMPLOYERS[journey.lang] = employer
    else:
        sign_in(journey, employer.email, employer.password)
    journey.remember(*employer.typed_values())
    expect(journey.page.locator("main")).to_contain_text(employer.operating_name)
    return employer


def start_offer(journey: Journey) -> int:
    """From the dashboard: a new draft, on its exemption code page. Returns the offer id."""
    journey.click("main form[action$='/offers/new'] button[type=submit]")
    match = re.search(r"/offers/(\d+)/exemption-code$", journey.page.url)
    assert match, f"a new offer opens its exemption code page, not {journey.page.url}"
    return int(match[1])


def go_to_section(journey: Journey, slug: str) -> None:
    """Follow the offer's section navigation (exemption-code, foreign-worker, job, ...)."""
    journey.click(f"main nav.offer-steps a[href$='/{slug}']")


def find_code_with_the_finder(journey: Journey) -> str:
    """From the code page: open the code finder, answer, read the suggestion, come back."""
    page = journey.page
    journey.click("main a[href$='/exemption-codes/finder']")
    page.select_option("#citizenship", "FR")
    page.check("input[name=relationship][value=new_hire]")
    page.check("input[name=kind_of_work][value=other]")
    page.select_option("#teer", "1")
    page.select_option("#work_province", "ON")
    page.check("#francophone")
    journey.click("main form #submit")
    first = page.locator("#result section.suggestion h3").first
    expect(first).to_be_visible()
    code = (first.get_attribute("id") or "").removeprefix("suggestion-")
    journey.back(2)  # the answered finder, the empty finder, then the offer's code page
    expect(page).to_have_url(re.compile(r"/exemption-code$"))
    return code


def fill_code(journey: Journey, code: str) -> None:
    """Choose the code, save to see its questions, answer them, explain, continue."""
    page = journey.page
    page.select_option("#code_key", code)
    journey.click("#save")
    expect(page.locator("#answer_french_nclc5")).to_be_visible()
    page.select_option("#answer_french_nclc5", "yes")
    journey.fill("#explanation", "Poste d'ingénieure logicielle à Ottawa, hors Québec ; "
                 "la travailleuse parle français au niveau NCLC 7.")
    journey.click("#save_continue")
    expect(page).to_have_url(re.compile(r"/foreign-worker$"))


def fill_worker(journey: Journey, worker: ForeignWorker, *, bad_uci_first: bool = False) -> None:
    """The worker's identity, as on the passport; optionally a malformed UCI fixed after the
    error shows (everything else typed is kept)."""
    page = journey.page
    journey.remember(*worker.typed_values())
    journey.fill("#worker_family_name", worker.family_name)
    journey.fill("#worker_given_names", worker.given_names)
    page.select_option("#worker_sex", worker.sex)
    journey.fill("#worker_date_of_birth", worker.date_of_birth)
    page.select_option("#worker_country_of_birth", worker.country_of_birth)
    page.select_option("#worker_citizenship", worker.citizenship)
    page.select_option("#worker_residence_country", worker.residence_country)
    journey.fill("#worker_passport_number", worker.passport_number)
    journey.fill("#worker_passport_expiry", worker.passport_expiry)
    if bad_uci_first:
        journey.fill("#worker_uci", "12-34")
        journey.click("#save_continue")
        expect(page.locator("#error-summary a[href='#worker_uci']")).to_be_visible()
        expect(page.locator("#worker_uci-error")).to_be_visible()
        expect(page.locator("#worker_passport_number")).to_have_value(worker.passport_number)
    journey.fill("#worker_uci", "1234-5678")
    journey.click("#save_continue")
    expect(page).to_have_url(re.compile(r"/job$"))


def fill_job(journey: Journey, *, leave: bool = False) -> None:
    """The job, found through the NOC search; Save and exit when `leave`."""
    page = journey.page
    journey.fill("#job_title", "Ingénieure logicielle")
    journey.fill("#noc_query", "logiciel")
    journey.click("#search_noc")
    expect(page.locator("main ul.noc-results")).to_contain_text(NOC)
    journey.fill("#noc_code", NOC)
    journey.fill("#duties", "Concevoir et maintenir les logiciels de gestion de l'érablière.")
    journey.fill("#education_requirements", "Baccalauréat en génie logiciel.")
    journey.fill("#experience_requirements", "Trois ans en développement logiciel.")
    journey.fill("#language_requirements", "Français courant.")
    journey.fill("#location1_address_line1", "250 rue Albert")
    journey.fill("#location1_city", "Ottawa")
    page.select_option("#location1_province", "ON")
    journey.fill("#location1_postal_code", "K1P 5G4")
    journey.fill("#start_date", "2027-03-01")
    journey.fill("#end_date", "2029-02-28")
    page.check("input[name=full_time][value=yes]")
    journey.click("#save_exit" if leave else "#save_continue")


def fill_wages(journey: Journey) -> None:
    page = journey.page
    journey.fill("#wage", "48.50")
    page.select_option("#wage_unit", "hour")
    journey.fill("#hours_per_week", "37.5")
    journey.fill("#overtime", "Taux et demi après 44 heures.")
    journey.fill("#vacation", "Trois semaines payées par année.")
    page.check("#benefit_health")
    page.check("#benefit_dental")
    journey.click("#save_continue")
    expect(page).to_have_url(re.compile(r"/attestations$"))


def upload_evidence(journey: Journey) -> None:
    """On the evidence page: one small PDF for each evidence item of the code."""
    page = journey.page
    items = [v for v in page.locator("#item_id option").evaluate_all(
        "(options) => options.map((o) => o.value)") if v]
    for index, item in enumerate(items):
        page.select_option("#item_id", item)
        page.set_input_files("#file", files=[FilePayload(
            name=f"piece-{index + 1}.pdf", mimeType="application/pdf", buffer=tiny_pdf(),
        )])
        journey.remember(f"piece-{index + 1}.pdf")
        journey.click("#upload")
    expect(page.locator("main table")).to_contain_text("piece-1.pdf")


def attest(journey: Journey) -> None:
    page = journey.page
    for box in page.locator("#attestations input[type=checkbox]").all():
        box.check()
    journey.click("#save_continue")
    expect(page).to_have_url(re.compile(r"/review$"))


def pay(journey: Journey, *, declined_first: bool = False) -> str:
    """From the review page: pay (after a declined card when asked), land on the
    confirmation and return the offer number."""
    page = journey.page
    expect(page.locator("#problems")).to_have_count(0)  # nothing blocks the submission
    journey.click("main a.button[href$='/pay']")
    cards = [DECLINED_CARD, TEST_CARD] if declined_first else [TEST_CARD]
    for card in cards:
        journey.fill("#card_number", card)
        journey.fill("#expiry", "12/29")
        journey.fill("#cvc", "123")
        journey.click("main button[name=pay]")
        if card == DECLINED_CARD:
            expect(page.locator("#card_number-error")).to_be_visible()
            expect(page).to_have_url(re.compile(r"/pay$"))
    expect(page).to_have_url(re.compile(r"/confirmation$"))
    number = page.locator("main .offer-number").inner_text().strip()
    assert re.fullmatch(r"A\d{7}", number), f"offer number {number!r}"
    return number

"""From an offer to a work permit decision, in English and in French: three people, three
browsers (journeys), one story.

1. The employer signs in, starts an offer, picks the exemption code with the code finder,
   fills every section (a malformed UCI refused, then fixed), uploads evidence, leaves (signs
   out) and resumes the draft from the dashboard, pays with a declined card then the test
   card, gets the offer number and the confirmation PDF; then copies the offer into a second
   one (new worker), pays, submits and withdraws it (refund), and signs out.
2. The worker checks the number read from that PDF with their passport number and date of
   birth, applies for a work permit that matches it and sees the fees, the travel document and
   the two-week processing eligibility.
3. The administrator signs in with TOTP, registers an exempt employer (a foreign embassy),
   bans another employer (then seen on the public list), approves the worker's application,
   filters the audit log and exports it as CSV.
4. The worker comes back later and sees the decision.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin_flows, worker_flows
from tests.browser.journey import Journey
from tests.browser.offer_flows import (
    CODE,
    attest,
    employer_signed_in,
    fill_code,
    fill_job,
    fill_wages,
    fill_worker,
    find_code_with_the_finder,
    go_to_section,
    pay,
    pdf_text,
    sign_in,
    sign_out,
    start_offer,
    upload_evidence,
)
from tests.browser.people import ForeignWorker
from tests.browser.worker_flows import shown

LANGS = ["en", "fr"]


def employer_offers(journey: Journey, worker: ForeignWorker) -> str:
    """The employer's part; returns the number read from the downloaded confirmation PDF."""
    page = journey.page
    employer = employer_signed_in(journey)
    offer_id = start_offer(journey)
    code = find_code_with_the_finder(journey)
    assert code == CODE, f"the finder suggests {CODE} first for these answers, not {code}"
    fill_code(journey, code)
    fill_worker(journey, worker, bad_uci_first=True)
    fill_job(journey, leave=True)  # Save and exit: back to the dashboard

    sign_out(journey)
    sign_in(journey, employer.email, employer.password)
    journey.click(f"main a[href$='/offers/{offer_id}/review']")  # resume the draft
    expect(page.locator("main")).to_contain_text("21231")  # what was saved is there
    go_to_section(journey, "wages-and-benefits")
    fill_wages(journey)
    go_to_section(journey, "evidence")
    upload_evidence(journey)
    go_to_section(journey, "attestations")
    attest(journey)
    number = pay(journey, declined_first=True)

    with page.expect_download() as download_info:
        page.locator("main .document-links a").first.click()
    download = download_info.value
    text = pdf_text(download.path().read_bytes())
    from_pdf = re.findall(r"\bA\d{7}\b", text)
    assert from_pdf and from_pdf[0] == number, f"offer {number} not in the PDF: {text[:300]!r}"

    # A second offer: a copy keeps every section but the worker's identity.
    journey.click(f"main a.button[href$='/offers/{offer_id}']")
    journey.click("main form[action$='/copy'] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/foreign-worker$"))
    expect(page.locator("#worker_passport_number")).to_have_value("")
    second = ForeignWorker.make()
    fill_worker(journey, second)
    go_to_section(journey, "attestations")  # a copy is attested afresh
    attest(journey)
    second_id = int(page.url.split("/")[-2])  # /employer/offers/<id>/review
    second_number = pay(journey)
    assert second_number != number
    journey.click(f"main a.button[href$='/offers/{second_id}']")  # "See the offer"
    journey.click("main a[href$='/withdraw']")
    journey.fill("#reason", "Le poste a été pourvu au Canada.")
    journey.click("#withdraw")
    expect(page.locator(".flash-success")).to_be_visible()
    expect(page.locator("main .tag-withdrawn")).to_be_visible()
    expect(page.locator("main dl.summary").first).to_contain_text(shown(journey.lang, "Refunded"))
    sign_out(journey)
    journey.finish()
    return from_pdf[0]  # the worker gets the number from the PDF


def administrator(journey: Journey, application: str) -> None:
    page = journey.page
    admin_flows.sign_in_with_totp(journey)
    embassy = admin_flows.register_exempt_embassy(journey)
    expect(page.locator("main .panel").first).to_be_visible()  # "Exempt from the regime: ..."
    banned = admin_flows.ban_employer(journey)
    journey.visit("/non-compliant-employers")
    row = page.locator("main table tr", has_text=banned)
    expect(row).to_contain_text(admin_flows.BAN_REASONS[journey.lang])  # the reader's language
    journey.remember(*admin_flows.BAN_REASONS.values(), embassy)
    admin_flows.decide(journey, application)
    admin_flows.audit_log(journey)
    admin_flows.email_deliveries(journey)
    sign_out(journey)
    journey.finish()


@pytest.mark.parametrize("lang", LANGS)
def test_offer_to_work_permit_decision(make_journey, lang):
    worker = ForeignWorker.make()
    number = employer_offers(make_journey(lang, name=f"employer-offer-{lang}"), worker)

    applicant = make_journey(lang, name=f"worker-{lang}")
    worker_flows.verify_offer(applicant, number, worker)
    application = worker_flows.apply_with_the_offer(applicant, number, worker)

    administrator(make_journey(lang, name=f"admin-{lang}"), application)

    worker_flows.see_the_decision(applicant, application, worker)  # the worker, back later
    applicant.finish()

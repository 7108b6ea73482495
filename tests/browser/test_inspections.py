"""A compliance inspection in the browser (issue 19), every page checked (axe, one h1, the
language toggle): the employer's offer gets an approved work permit; the administrator opens an
inspection from the employer's page; the employer reads the notice and answers with a payroll
PDF; the administrator records a finding and reads the computation step by step."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from playwright.sync_api import FilePayload, expect

from tests.browser import admin_flows, worker_flows
from tests.browser.flows import register
from tests.browser.offer_flows import (
    CODE,
    attest,
    fill_code,
    fill_job,
    fill_wages,
    fill_worker,
    go_to_section,
    pay,
    sign_in,
    sign_out,
    start_offer,
    tiny_pdf,
    upload_evidence,
)
from tests.browser.people import ForeignWorker, NewEmployer


def _offer_with_a_started_job(journey, worker: ForeignWorker) -> str:
    page = journey.page
    start_offer(journey)
    fill_code(journey, CODE)
    fill_worker(journey, worker)
    fill_job(journey)
    go_to_section(journey, "job")
    journey.fill("#start_date", "2026-01-05")  # employment has begun: inspectable
    journey.click("#save_continue")
    go_to_section(journey, "wages-and-benefits")
    fill_wages(journey)
    go_to_section(journey, "evidence")
    upload_evidence(journey)
    go_to_section(journey, "attestations")
    attest(journey)
    number = pay(journey)
    expect(page.locator("main")).to_contain_text(number)
    return number


def test_admin_opens_an_inspection_and_the_employer_answers(make_journey):
    employer = NewEmployer.make("inspect-en")
    worker = ForeignWorker.make()
    boss = make_journey("en", name="inspection-employer")
    register(boss, employer)
    number = _offer_with_a_started_job(boss, worker)
    sign_out(boss)

    applicant = make_journey("en", name="inspection-worker")
    worker_flows.verify_offer(applicant, number, worker)
    application = worker_flows.apply_with_the_offer(applicant, number, worker)
    applicant.finish()

    officer = make_journey("en", name="inspection-admin")
    page = officer.page
    admin_flows.sign_in_with_totp(officer)
    admin_flows.decide(officer, application)
    officer.visit(f"/admin/employers?q={employer.business_number}")
    officer.click("main table a[href*='/admin/employers/']")
    officer.click("main a#inspect")
    page.check("input[name=ground][value=reason_to_suspect]")
    page.locator("input[name=offers]").first.check()
    page.check("input[name=conditions][value=employment_laws]")
    officer.fill("#documents_requested", "Payroll records for 2026")
    officer.click("main form #submit")
    expect(page).to_have_url(re.compile(r"/admin/inspections/\d+$"))
    inspection_url = page.url
    expect(page.locator("main")).to_contain_text("Payroll records for 2026")

    sign_in(boss, employer.email, employer.password)
    boss.visit("/employer/inspections")
    boss.click("main table a[href*='/employer/inspections/']")
    expect(boss.page.locator("main")).to_contain_text("Payroll records for 2026")
    boss.page.select_option("#condition", "employment_laws")
    boss.page.select_option("#offer", index=1)
    boss.fill("#explanation", "Payroll for January to March attached.")
    boss.page.set_input_files("#documents", files=[FilePayload(
        name="payroll.pdf", mimeType="application/pdf", buffer=tiny_pdf())])
    boss.remember("payroll.pdf", "Payroll for January to March attached.")
    boss.click("#answer_submit")
    expect(boss.page.locator("main")).to_contain_text("Payroll for January to March attached.")
    boss.finish()

    officer.visit(urlparse(inspection_url).path)
    expect(page.locator("main")).to_contain_text("payroll.pdf")
    page.select_option("#condition", "employment_laws")
    page.select_option("#offer", index=1)
    page.check("input[name=outcome][value=non_compliant]")
    officer.fill("#severity_benefit", "4")
    officer.click("#finding_submit")
    expect(page.locator("#computation ~ ol")).to_contain_text("$7,000")
    officer.click("#preliminary_submit")
    expect(page.locator(".flash-success")).to_be_visible()
    officer.finish()

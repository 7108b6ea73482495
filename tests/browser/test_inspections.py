"""A compliance inspection in the browser (issue 19's done-when), in English and in French,
every page checked (axe, one h1, the language toggle): the employer's offer gets an approved
work permit; the administrator opens an inspection from the employer's page; the employer reads
the notice and answers with a payroll PDF; the administrator records a finding and reads the
computation step by step (a $60,000 penalty and a ten-year ban), sends the notice of
preliminary finding; the employer replies; the final decision publishes the ban with its reason
in both languages on the public list; the worker step then refuses a permit with the employer's
other offer. (The $7,000 penalty, its payment and default are tested in
tests/integration/admin/test_inspections.py and tests/integration/employer/.)"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import FilePayload, expect

from tests.browser import admin_flows, worker_flows
from tests.browser.flows import complete_business_details, register
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


def _offer_with_a_started_job(journey, worker: ForeignWorker, *, started: bool = True) -> str:
    page = journey.page
    journey.visit("/employer/")
    start_offer(journey)
    fill_code(journey, CODE)
    fill_worker(journey, worker)
    fill_job(journey)
    if started:
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


# The abuse finding that computes to the top of the scale: $60,000 and a ten-year ban.
REASON = {"en": "Physical abuse of a worker",
          "fr": "Mauvais traitements physiques d’un travailleur"}
EXPLANATION = {"en": "Schedules and payroll attached.", "fr": "Horaires et paie ci-joints."}
REPLY = {"en": "We disagree with the finding.", "fr": "Nous contestons la constatation."}
DOCUMENTS = {"en": "Payroll records and schedules", "fr": "Registres de paie et horaires"}
COMPUTED = {"en": (r"\$60,000", r"10 year"),
            "fr": (r"60[\s\u00a0\u202f]000(,00)?[\s\u00a0]\$", r"10 an")}
REFUSED = ("This employer is on the list of employers who are not eligible to hire foreign "
           "workers, so this offer cannot be used.")


def _inspect_and_find_abuse(officer, employer: NewEmployer, application: str) -> str:
    """The admin approves the permit, opens an inspection of the offer in scope and records a
    non-compliant abuse finding; the computation shows the penalty and the ban. Returns the
    inspection's path."""
    page, lang = officer.page, officer.lang
    admin_flows.sign_in_with_totp(officer)
    admin_flows.decide(officer, application)
    officer.visit(f"/admin/employers?q={employer.business_number}")
    officer.click("main table a[href*='/admin/employers/']")
    officer.click("main a#inspect")
    page.check("input[name=ground][value=reason_to_suspect]")
    expect(page.locator("input[name=offers]")).to_have_count(1)  # the permitted offer only
    page.locator("input[name=offers]").first.check()
    page.check("input[name=conditions][value=abuse_free_workplace]")
    officer.fill("#documents_requested", DOCUMENTS[lang])
    officer.click("main form #submit")
    expect(page).to_have_url(re.compile(r"/admin/inspections/\d+$"))
    return urlparse(page.url).path


def _record_the_finding(officer, path: str) -> None:
    page, lang = officer.page, officer.lang
    officer.visit(path)
    expect(page.locator("main")).to_contain_text("payroll.pdf")
    page.select_option("#condition", "abuse_free_workplace")
    page.select_option("#offer", index=1)
    page.select_option("#element", "physical")
    page.check("input[name=outcome][value=non_compliant]")
    officer.fill("#severity_abuse", "8")
    officer.click("#finding_submit")
    steps = page.locator("#computation ~ ol")
    amount, ban = COMPUTED[lang]
    expect(steps).to_contain_text(re.compile(amount))
    expect(steps).to_contain_text(re.compile(ban))
    officer.click("#preliminary_submit")
    expect(page.locator(".flash-success")).to_be_visible()


def _employer_answers(boss, employer: NewEmployer, *, reply: str | None = None) -> None:
    """The employer reads its inspection and answers with a document, or replies to the
    preliminary finding."""
    page = boss.page
    sign_in(boss, employer.email, employer.password)
    boss.visit("/employer/inspections")
    boss.click("main table a[href*='/employer/inspections/']")
    if reply is not None:
        boss.fill("#reply", reply)
        boss.click("#reply_submit")
        expect(page.locator("main")).to_contain_text(reply)
    else:
        expect(page.locator("main")).to_contain_text(DOCUMENTS[boss.lang])
        page.select_option("#condition", "abuse_free_workplace")
        page.select_option("#offer", index=1)
        boss.fill("#explanation", EXPLANATION[boss.lang])
        page.set_input_files("#documents", files=[FilePayload(
            name="payroll.pdf", mimeType="application/pdf", buffer=tiny_pdf())])
        boss.remember("payroll.pdf")
        boss.click("#answer_submit")
        expect(page.locator("main")).to_contain_text(EXPLANATION[boss.lang])
    sign_out(boss)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_inspection_ends_in_a_published_ban_that_refuses_the_permit(make_journey, lang):
    employer = NewEmployer.make(f"ban-{lang}")
    first, second = ForeignWorker.make(), ForeignWorker.make()
    boss = make_journey(lang, name=f"inspected-employer-{lang}")
    register(boss, employer)
    complete_business_details(boss, employer)
    number = _offer_with_a_started_job(boss, first)
    unused = _offer_with_a_started_job(boss, second, started=False)
    sign_out(boss)
    applicant = make_journey(lang, name=f"inspected-worker-{lang}")
    worker_flows.verify_offer(applicant, number, first)
    application = worker_flows.apply_with_the_offer(applicant, number, first)
    applicant.finish()

    officer = make_journey(lang, name=f"inspection-officer-{lang}")
    officer.remember(EXPLANATION[lang], REPLY[lang])  # the employer's words, shown as typed
    path = _inspect_and_find_abuse(officer, employer, application)
    _employer_answers(boss, employer)
    _record_the_finding(officer, path)
    _employer_answers(boss, employer, reply=REPLY[lang])
    boss.finish()
    officer.visit(path)
    officer.fill("#reason_en", REASON["en"])
    officer.fill("#reason_fr", REASON["fr"])
    officer.click("#decision_submit")
    expect(officer.page.locator(".flash-success")).to_be_visible()
    officer.finish()

    public = make_journey(lang, name=f"public-list-{lang}")
    public.visit("/non-compliant-employers")
    row = public.page.locator("main table tr", has_text=employer.operating_name)
    expect(row).to_contain_text(REASON[lang])
    expect(row).to_contain_text(re.compile(COMPUTED[lang][0]))
    late = make_journey(lang, name=f"refused-worker-{lang}")
    worker_flows.verify_offer(late, unused, second)
    worker_flows.fill_the_application(late, unused, second)
    expect(late.page.locator("main")).to_contain_text(worker_flows.shown(lang, REFUSED))
    assert "/work-permit/submitted" not in late.page.url
    public.finish()
    late.finish()

"""Printing the review, the confirmation and the offer (issue 13 item 23), in English and
French: with print media emulated, only the content shows (no header navigation, language
toggle, skip link, buttons or "Change" links), every visible text is dark enough on white paper
(backgrounds are not printed), each attestation has one marker, and Chromium prints the page
to PDF."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.journey import Journey
from tests.browser.offer_flows import (
    CODE,
    attest,
    employer_signed_in,
    fill_code,
    fill_job,
    fill_wages,
    fill_worker,
    go_to_section,
    pay,
    start_offer,
    upload_evidence,
)
from tests.browser.people import ForeignWorker

# What must not print: interactive controls and page furniture, when they are in the page.
NOT_PRINTED = (
    "header.site-header", "footer.site-footer", ".skip-link", "header a[hreflang]",
    "main button", "main .button", "main input[type=submit]", "main h2 > a",  # the "Change" links
    "main nav.offer-steps",
)
SHOWN = "e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0"
# The contrast of every visible text's colour with white paper (WCAG's ratio), lowest first.
CONTRASTS = """() => {
  const lum = c => { const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const ratio = rgb => { const [r, g, b] = rgb.match(/\\d+(\\.\\d+)?/g).map(Number);
    const l = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b); return 1.05 / (l + 0.05); };
  return [...document.querySelectorAll('body *')]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
    .filter(e => !e.closest('.visually-hidden'))
    .map(e => [Math.round(ratio(getComputedStyle(e).color) * 10) / 10,
               e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': '
               + e.textContent.trim().slice(0, 40)])
    .sort((a, b) => a[0] - b[0]);
}"""
# Markers of each attestation item: its list bullet (when shown) and the tick or cross.
ATTESTATION_MARKERS = """() => [...document.querySelectorAll('main li')]
  .filter(li => /^[✔✘]/.test(li.textContent.trim()))
  .map(li => (getComputedStyle(li).listStyleType === 'none' ? 0 : 1)
             + (li.textContent.match(/[✔✘]/g) || []).length)"""


def printed_problems(page: Page, where: str) -> list[str]:
    page.emulate_media(media="print")
    try:
        found = []
        for selector in NOT_PRINTED:
            for element in page.locator(selector).all():
                if element.evaluate(SHOWN):
                    found.append(f"{where}: {selector} prints ({element.inner_text()[:40]!r})")
        faint = [f"{where}: {text} has contrast {ratio} with white"
                 for ratio, text in page.evaluate(CONTRASTS) if ratio < 4.5]
        found += faint
        markers = page.evaluate(ATTESTATION_MARKERS)
        if "confirmation" not in where and not markers:
            found.append(f"{where}: no attestations found")
        if set(markers) - {1}:
            found.append(f"{where}: attestations print with {markers} markers each")
        pdf = page.pdf(format="Letter")
        if not pdf.startswith(b"%PDF-") or len(pdf) < 2000:
            found.append(f"{where}: page.pdf() printed {len(pdf)} bytes")
        return found
    finally:
        page.emulate_media(media="screen")


def offer_ready_to_submit(journey: Journey) -> int:
    employer_signed_in(journey)
    offer_id = start_offer(journey)
    fill_code(journey, CODE)
    fill_worker(journey, ForeignWorker.make())
    fill_job(journey)
    go_to_section(journey, "wages-and-benefits")
    fill_wages(journey)
    go_to_section(journey, "evidence")
    upload_evidence(journey)
    go_to_section(journey, "attestations")
    attest(journey)
    return offer_id


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_review_confirmation_and_offer_print_their_content_only(make_journey, lang):
    journey = make_journey(lang)
    page = journey.page
    offer_id = offer_ready_to_submit(journey)
    assert page.locator("main h2 > a").count() >= 5  # on screen they are there...
    assert page.locator("main .button, main button").count() >= 2
    problems = printed_problems(page, "the review")  # ...on paper they are not

    pay(journey)
    assert re.search(r"/confirmation$", page.url)
    assert page.locator("main a.button").count() >= 2
    problems += printed_problems(page, "the confirmation")

    journey.visit(f"/employer/offers/{offer_id}")
    problems += printed_problems(page, "the offer")
    assert problems == [], "\n".join(problems)
    journey.finish()

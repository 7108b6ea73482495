"""At 375 px nothing makes the page scroll sideways (WCAG 1.4.10, issue 13 item 22): the
dashboard's and the audit log's wide tables scroll inside their own container; the French
landing keeps "230 $" together; the worker's result page keeps its summary readable (the
application number wraps instead of squeezing the labels to a word a line). The check measures
the page's scroll width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.admin_flows import sign_in_with_totp
from tests.browser.offer_flows import employer_signed_in, start_offer

WIDTH = 375
SCROLL = "() => document.documentElement.scrollWidth"
# Elements running past the right edge of the screen, outside a table's own scroll container
# (a page whose root clips still loses them: the measure is where they end, not the scroll).
OFF_SCREEN = """() => {
  const w = window.innerWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => !e.parentElement.closest('.table-scroll'))
    .filter(e => getComputedStyle(e).position !== 'absolute')
    .filter(e => e.getBoundingClientRect().right > w + 1)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ends at '
              + Math.round(e.getBoundingClientRect().right) + ' px')
    .slice(0, 5);
}"""
WIDEST_TABLE = (
    "() => Math.max(0, ...[...document.querySelectorAll('table')].map(t => t.scrollWidth))"
)


def _fits(journey, where: str) -> None:
    width = journey.page.evaluate(SCROLL)
    assert width <= WIDTH, f"{where} is {width} px wide at {WIDTH} px"
    assert journey.page.evaluate(OFF_SCREEN) == [], where


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pages_fit_a_phone_screen(make_journey, lang):
    journey = make_journey(lang)
    journey.page.set_viewport_size({"width": WIDTH, "height": 800})
    journey.visit("/")
    _fits(journey, "the landing page")
    if lang == "fr":
        text = journey.page.locator("main").inner_text()
        assert "230\u00a0$" in text and "230 $" not in text  # never broken between the two
    employer_signed_in(journey)
    start_offer(journey)
    journey.visit("/employer/")
    assert journey.page.evaluate(WIDEST_TABLE) > WIDTH  # the table is wider than the screen...
    _fits(journey, "the dashboard")  # ...yet only its container scrolls
    journey.finish()


def test_the_audit_log_fits_a_phone_screen(make_journey):
    journey = make_journey("en")
    journey.page.set_viewport_size({"width": WIDTH, "height": 800})
    sign_in_with_totp(journey)
    for path in ("/admin/audit", "/admin/employers"):
        journey.visit(path)
        _fits(journey, path)
    journey.finish()


# The narrowest line box of the summary's labels and values: a label squeezed to one word a
# line is narrower than its longest word needs.
SQUEEZED_LABELS = """() => [...document.querySelectorAll('main dl.summary dt')]
  .filter(dt => dt.scrollWidth > dt.clientWidth + 1
                || dt.getBoundingClientRect().width < 120)
  .map(dt => dt.innerText + ' is ' + Math.round(dt.getBoundingClientRect().width) + ' px')"""


def _apply_for_an_open_permit(journey) -> None:
    page = journey.page
    journey.visit("/work-permit/apply")
    page.check("input[name=permit_type][value=open]")
    page.select_option("#open_code", "C43")
    journey.fill("#family_name", "Rivera")
    journey.fill("#given_names", "Ana")
    journey.fill("#date_of_birth", "1990-04-25")
    page.select_option("#citizenship", "US")
    journey.fill("#passport_number", "P1234567")
    journey.fill("#passport_expiry", "2034-01-01")
    page.select_option("#residence_country", "US")
    page.check("input[name=applies_from][value=outside]")
    page.check("input[name=biometrics][value=within_14_days]")
    journey.click("main form #submit")
    expect(page.locator("main .offer-number")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_worker_result_fits_a_phone_screen(make_journey, lang):
    journey = make_journey(lang)
    journey.page.set_viewport_size({"width": WIDTH, "height": 800})
    _apply_for_an_open_permit(journey)
    _fits(journey, "the worker's result page")
    assert journey.page.evaluate(SQUEEZED_LABELS) == []
    number = journey.page.locator("main .offer-number").first
    box = number.bounding_box()
    assert box is not None and box["x"] + box["width"] <= WIDTH
    journey.finish()

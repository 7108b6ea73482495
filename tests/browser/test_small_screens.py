"""At 375 px nothing makes the page scroll sideways (WCAG 1.4.10, issue 13 item 22): the
dashboard's and the audit log's wide tables scroll inside their own container; the French
landing keeps "230 $" together. The check measures the page's scroll width."""

from __future__ import annotations

import pytest

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

"""The API reference page (/api/v1/docs), reached from the landing page, in English and French
(axe, structure, the language toggle and untranslated text are checked on every page)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_api_reference_from_the_landing_page(make_journey, lang):
    journey = make_journey(lang)
    journey.visit("/")
    journey.click("main a[href^='/api/v1/docs']")
    journey.switch_language()
    journey.finish()

"""The pages anyone can reach: the landing page, sign-in and a page that does not exist."""

from __future__ import annotations

import pytest

LANGS = ["en", "fr"]


@pytest.mark.parametrize("lang", LANGS)
def test_landing_sign_in_and_not_found(make_journey, lang):
    journey = make_journey(lang)
    journey.visit("/")
    journey.click("main a[href='/register']")
    journey.visit("/sign-in")
    journey.visit("/this-page-does-not-exist", status=404)
    journey.finish()

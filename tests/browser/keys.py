"""Keyboard-only moves for the keyboard journeys. Every Tab stop is checked: the focused
element must show its focus (journey.focused() records a problem otherwise)."""

from __future__ import annotations

from tests.browser.journey import Journey

IS_FOCUSED = "(selector) => document.activeElement.matches(selector)"


def tab_to(journey: Journey, field_id: str) -> None:
    """One Tab, which must land on #field_id (the form's order)."""
    journey.page.keyboard.press("Tab")
    focused = journey.focused()
    assert focused["id"] == field_id, f"Tab went to {focused}, expected #{field_id}"


def tab_until(journey: Journey, selector: str, limit: int = 60) -> None:
    """Tab through whatever comes first (header, section links) until `selector` has focus."""
    for _ in range(limit):
        journey.page.keyboard.press("Tab")
        journey.focused()
        if journey.page.evaluate(IS_FOCUSED, selector):
            return
    raise AssertionError(f"{limit} Tabs never reached {selector}")


def type_into(journey: Journey, field_id: str, value: str) -> None:
    tab_to(journey, field_id)
    journey.page.keyboard.type(value)
    journey.remember(value)


def type_date(journey: Journey, field_id: str, iso: str) -> None:
    """Tab to an <input type="date"> and type its digits. Chromium moves through the parts by
    itself, in the order of the browser's own language (Playwright starts it in en-US: month,
    day, year), not the page's; the value is checked, so another order fails loudly."""
    tab_to(journey, field_id)
    year, month, day = iso.split("-")
    journey.page.keyboard.type(month + day + year)
    typed = journey.page.locator(f"#{field_id}").input_value()
    assert typed == iso, f"typing {iso} into #{field_id} gave {typed!r}"
    journey.remember(iso)
    # The field's calendar button, inside the input, is the next Tab stop.
    journey.page.keyboard.press("Tab")
    assert journey.focused()["id"] == field_id, "Tab left the date field before its calendar"


def choose(journey: Journey, field_id: str, value: str, *, limit: int = 20) -> None:
    """Arrow down a closed <select> (already focused) until it shows `value`."""
    for _ in range(limit):
        if journey.page.locator(f"#{field_id}").input_value() == value:
            return
        journey.page.keyboard.press("ArrowDown")
    raise AssertionError(f"#{field_id} never reached {value!r} with the arrow keys")


def type_ahead(journey: Journey, field_id: str, text: str, value: str) -> None:
    """Type the start of an option's text into a focused closed <select> (long lists such as
    countries or codes), as keyboard users do; the select must then hold `value`."""
    journey.page.keyboard.type(text)
    chosen = journey.page.locator(f"#{field_id}").input_value()
    assert chosen == value, f"typing {text!r} in #{field_id} chose {chosen!r}, not {value!r}"


def skip_to_main(journey: Journey) -> None:
    """From a freshly loaded page: the first Tab stop is the skip link; Enter follows it.
    After a save, the page may already be at #main: the browser keeps the URL's fragment
    across the post/redirect, so focus starts on <main> and there is nothing to skip."""
    if journey.page.url.endswith("#main") and journey.focused()["id"] == "main":
        return
    journey.page.keyboard.press("Tab")
    assert journey.focused()["href"] == "#main", "the first Tab stop is the skip link"
    journey.page.keyboard.press("Enter")
    assert journey.focused()["id"] == "main"

"""A journey: one user's path through the portal in one language, with every page checked.

Use its methods to move between pages; each lands on a page and runs every check on it
(checks.py, translation.py), saves a full-page screenshot and counts the page:

    journey.visit("/register")                  # GET a path
    journey.fill("#city", "Montréal")           # fill a field (remembered as user data)
    journey.click("#submit")                    # click something that loads a page
    journey.press("Enter")                      # a key that loads a page (keyboard journeys)
    journey.back()                              # the browser's Back button
    journey.switch_language()                   # follow the header's language toggle
    journey.focused()                           # the focused element; its focus must show
    journey.check()                             # check the current page again (rarely needed)
    journey.finish()                            # fail with every problem found on the way

Problems are collected page after page and reported together by finish() (the conftest
fixture calls it for you), so one run shows every broken page, not only the first.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Response

from portal.security_headers import CONTENT_SECURITY_POLICY
from tests.browser import checks, translation
from tests.browser.server import LiveServer


@dataclass
class RunStats:
    """What the whole run did, printed at the end of the session."""

    screenshot_dir: Path
    pages: int = 0
    journeys: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def timed(self, kind: str, started: float) -> None:
        self.seconds[kind] += time.monotonic() - started


def with_lang(url: str, lang: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "lang"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("lang", lang)]), fragment=""))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "page"


@dataclass
class Journey:
    page: Page
    name: str
    lang: str
    server: LiveServer
    stats: RunStats
    browser: Browser
    javascript: bool = True
    problems: list[str] = field(default_factory=list)
    typed: set[str] = field(default_factory=set)
    _console: list[tuple[str, str]] = field(default_factory=list)
    _count: int = 0
    _finished: bool = False

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self._console.append(("pageerror", str(error))))

    # -- moving around ---------------------------------------------------------------
    def visit(self, path: str, *, status: int = 200) -> Response | None:
        response = self.page.goto(self.server.url(path))
        self._landed(response, status)
        return response

    def click(self, selector: str, *, status: int = 200) -> Response | None:
        with self.page.expect_navigation() as navigation:
            self.page.locator(selector).click()
        self._landed(navigation.value, status)
        return navigation.value

    def press(self, key: str, *, status: int = 200) -> Response | None:
        with self.page.expect_navigation() as navigation:
            self.page.keyboard.press(key)
        self._landed(navigation.value, status)
        return navigation.value

    def back(self, pages: int = 1, *, status: int = 200) -> Response | None:
        """The browser's Back button, `pages` times; only the page it ends on is checked."""
        response = None
        for _ in range(pages):
            response = self.page.go_back()
        self._landed(response, status)
        return response

    def switch_language(self) -> Response | None:
        """Follow the header's language toggle: the same page, now in the other language."""
        before = urlsplit(self.page.url).path
        self.lang = "fr" if self.lang == "en" else "en"
        response = self.click("header a[hreflang]")
        after = urlsplit(self.page.url).path
        if after != before:
            self.problems.append(f"the language toggle went from {before} to {after}")
        return response

    def fill(self, selector: str, value: str) -> None:
        self.page.locator(selector).fill(value)
        self.remember(value)

    def remember(self, *values: str) -> None:
        """Mark text as user data: shown as typed, so never 'untranslated'."""
        self.typed.update(v for v in values if v)

    def focused(self) -> dict:
        """The element with keyboard focus (id, tag, name, href); a problem is recorded
        unless its focus is visible."""
        focused = self.page.evaluate(checks.FOCUSED)
        where = f"page {self.page.url} ({self.name}, focus on {focused['tag']}#{focused['id']})"
        self.problems += checks.focus_problems(focused, where)
        return focused

    # -- checking --------------------------------------------------------------------
    def _landed(self, response: Response | None, status: int) -> None:
        if response is not None and response.status != status:
            self.problems.append(
                f"HTTP {response.status} (expected {status}) at {response.url}\n"
                f"server log:\n{self.server.log_tail(20)}"
            )
        self.check()

    def check(self) -> None:
        page = self.page
        page.wait_for_load_state("load")
        self._count += 1
        self.stats.pages += 1
        facts = checks.page_facts(page)
        heading = facts["h1"][0] if facts["h1"] else "no-h1"
        where = f"page {page.url} ({self.name} #{self._count} {heading!r})"
        shot = self.stats.screenshot_dir / self.name / f"{self._count:02d}-{_slug(heading)}.png"
        started = time.monotonic()
        page.screenshot(path=str(shot), full_page=True)
        self.stats.timed("screenshots", started)
        found: list[str] = []
        found += checks.structure_problems(facts, self.lang, where)
        found += checks.toggle_problems(facts, page.url, self.lang, where)
        found += checks.csp_problems(facts, where)
        found += self._console_problems(where)
        started = time.monotonic()
        found += self._axe(where)
        self.stats.timed("axe", started)
        if self.lang == "fr":
            started = time.monotonic()
            found += [f"{problem} | {where}" for problem in self._untranslated()]
            self.stats.timed("untranslated text", started)
        self.problems += found

    def _on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text:
            # A failed main document (404 page, 401 sign-in) is expected where the journey
            # says so (its status is checked); anything else that fails to load is a problem.
            url = (message.location or {}).get("url", "")
            if text.startswith("Failed to load resource") and url == self.page.url:
                return
            self._console.append((message.type, f"{text} ({url})"))

    def _console_problems(self, where: str) -> list[str]:
        found = [f"console {kind}: {text} | {where}" for kind, text in self._console]
        self._console.clear()
        return found

    def _axe(self, where: str) -> list[str]:
        if self.javascript:
            return checks.axe_problems(self.page, where)
        # axe needs JavaScript: check the same HTML, served at the same URL with the same
        # headers, in a JavaScript-enabled page.
        html, url = self.page.content(), self.page.url
        context = self.browser.new_context(locale=self.lang)
        try:
            helper = context.new_page()
            helper.route(url, lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html,
                headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
            ))
            helper.goto(url)
            return checks.axe_problems(helper, where + " [rendered without JavaScript]")
        finally:
            context.close()

    def _untranslated(self) -> list[str]:
        request = self.page.context.request
        english = request.get(with_lang(self.page.url, "en"))
        english_html = english.text()
        request.get(with_lang(self.page.url, "fr"))  # the session remembers the language
        return translation.untranslated(self.page.content(), english_html, self.typed)

    # -- the end ---------------------------------------------------------------------
    def finish(self) -> None:
        self._finished = True
        if self.problems:
            raise AssertionError(
                f"{len(self.problems)} problem(s) on the pages of journey {self.name}:\n- "
                + "\n- ".join(self.problems)
            )

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def pages_checked(self) -> int:
        return self._count

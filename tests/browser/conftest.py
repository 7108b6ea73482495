"""Browser test harness: the portal under gunicorn, Debian's Chromium, and journeys.

Session-wide: a fresh SQLite database built by `flask db upgrade` and `flask seed-demo`, served
by gunicorn on a free loopback port (server.py); one Chromium. Per test: `make_journey(lang)`
opens a fresh browser context (its own cookies, Accept-Language from `lang`) and returns a
journey.Journey whose every page is checked (see README.md).

They run whenever /usr/bin/chromium exists; `pytest -m "not browser"` leaves them out.
Without /usr/bin/chromium they are skipped with the reason shown; with REQUIRE_BROWSER=1 (CI)
they fail instead.

Under pytest-xdist each worker that draws a browser test starts its own portal and Chromium,
with its own screenshots folder (test-artifacts/screenshots/gw0 ...) and gunicorn log; the
workers send their summary lines to the main process, which prints them at the end.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.browser.checks import CSP_LISTENER
from tests.browser.journey import Journey, RunStats
from tests.browser.server import ROOT, LiveServer, schema_source, start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
HERE = Path(__file__).resolve().parent
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1... under pytest-xdist
_RUN: dict[str, object] = {}


def _browser_missing() -> str | None:
    if CHROMIUM.exists():
        return None
    return (f"{CHROMIUM} not found: install Debian's chromium package "
            "(apt-get install --no-install-recommends chromium) to run the browser tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # They run whenever Chromium is installed (`-m "not browser"` leaves them out); without it
    # they are skipped with a notice, unless REQUIRE_BROWSER=1 (CI), which makes that a failure.
    reason = None if os.environ.get("REQUIRE_BROWSER") == "1" else _browser_missing()
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
            _RUN["skipped"] = reason


def _summary() -> list[tuple[str, bool]]:
    """This process's browser summary: (line, is_a_warning)."""
    lines: list[tuple[str, bool]] = []
    if "skipped" in _RUN:
        lines.append((f"BROWSER TESTS SKIPPED: {_RUN['skipped']}", True))
    if "stats" in _RUN and schema_source() == "models":
        lines.append(("NOTE: BROWSER_SCHEMA=models: tables built from the models, "
                      "not the migrations", True))
    stats = _RUN.get("stats")
    if isinstance(stats, RunStats) and stats.pages:
        where = f" ({WORKER})" if WORKER else ""
        lines.append((f"Browser journeys{where}: {stats.journeys}; pages checked: "
                      f"{stats.pages}; screenshots in {stats.screenshot_dir}", False))
        spent = ", ".join(f"{kind} {seconds:.0f} s" for kind, seconds in stats.seconds.items())
        lines.append((f"Time spent in page checks{where}: {spent}", False))
    return lines


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: tests/conftest.py prints it in the main one
        workeroutput.setdefault("summary_lines", []).extend(_summary())


def pytest_terminal_summary(terminalreporter) -> None:
    for line, warning in _summary():
        terminalreporter.write_line(line, yellow=warning)


@pytest.fixture(scope="session")
def run_stats() -> RunStats:
    screenshots = ARTIFACTS / "screenshots" / WORKER if WORKER else ARTIFACTS / "screenshots"
    shutil.rmtree(screenshots, ignore_errors=True)
    screenshots.mkdir(parents=True)
    stats = RunStats(screenshot_dir=screenshots)
    _RUN["stats"] = stats
    return stats


@pytest.fixture(scope="session")
def playwright_runtime() -> Iterator[Playwright]:
    missing = _browser_missing()
    if missing:
        pytest.fail(f"REQUIRE_BROWSER=1 but {missing}")
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright_runtime: Playwright) -> Iterator[Browser]:
    browser = playwright_runtime.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def live_server(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    log = ARTIFACTS / (f"gunicorn-{WORKER}.log" if WORKER else "gunicorn.log")
    server = start_server(tmp_path_factory.mktemp("browser-db"), log)
    yield server
    server.stop()


@pytest.fixture
def make_journey(
    request: pytest.FixtureRequest, browser: Browser, live_server: LiveServer, run_stats: RunStats
) -> Iterator[Callable[..., Journey]]:
    """make_journey(lang, javascript=True, name=None) -> a Journey in a fresh browser context."""
    made: list[Journey] = []

    def make(lang: str, *, javascript: bool = True, name: str | None = None) -> Journey:
        context = browser.new_context(
            locale="fr-CA" if lang == "fr" else "en-CA",
            java_script_enabled=javascript,
            viewport={"width": 1280, "height": 900},
        )
        context.add_init_script(CSP_LISTENER)
        base = name or re.sub(r"^test_", "", request.node.name)
        journey = Journey(
            page=context.new_page(), name=re.sub(r"[^\w-]+", "-", base).strip("-"), lang=lang,
            server=live_server, stats=run_stats, browser=browser, javascript=javascript,
        )
        run_stats.journeys += 1
        made.append(journey)
        return journey

    yield make
    unfinished = [j for j in made if not j.finished and j.problems]
    for journey in made:
        journey.page.context.close()
    if unfinished:
        pytest.fail("\n".join(
            f"journey {j.name} stopped after {j.pages_checked} page(s) with problems:\n- "
            + "\n- ".join(j.problems) for j in unfinished
        ))

"""The checks run on every page a journey visits. Each returns a list of problems (strings
naming the page), empty when the page is fine.

- axe-core (WCAG 2.1 A and AA rules) through axe-playwright-python;
- exactly one h1, a <title> that starts with it, <html lang> matching the journey's language;
- the language toggle points at the same path (and query) in the other language.
Console errors, CSP violations and untranslated text are gathered by journey.Journey.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# Lets the init script (not subject to the page's CSP) record what the browser blocked.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""
PAGE_FACTS = """() => ({
  h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.replace(/\\s+/g, " ").trim()),
  title: document.title.replace(/\\s+/g, " ").trim(),
  lang: document.documentElement.getAttribute("lang"),
  // The toggle is the header's a[hreflang]. Other links may carry hreflang too, correctly
  // (the offer pages' "Download it in French (PDF)" link points at a French document), and are
  // not language toggles: counting them reported two toggles on those pages.
  toggles: [...document.querySelectorAll("header a[hreflang]")].map((a) => ({
    href: a.href, hreflang: a.getAttribute("hreflang"), lang: a.getAttribute("lang"),
  })),
  csp: window.__cspViolations || [],
})"""

_axe = Axe()


def axe_problems(page: Page, where: str) -> list[str]:
    """Every WCAG 2.1 A/AA violation axe finds, with its rule, element and page."""
    results = _axe.run(page, options=AXE_OPTIONS)
    problems = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            problems.append(
                f"axe {violation['id']} ({violation.get('impact')}): {violation['help']}"
                f" | element: {target} | {where}"
            )
    return problems


def page_facts(page: Page) -> dict:
    return page.evaluate(PAGE_FACTS)


def structure_problems(facts: dict, lang: str, where: str) -> list[str]:
    problems = []
    if len(facts["h1"]) != 1:
        problems.append(f"expected exactly one h1, found {facts['h1']!r} | {where}")
    elif not facts["title"].startswith(facts["h1"][0]):
        problems.append(
            f"<title> {facts['title']!r} does not start with the h1 {facts['h1'][0]!r} | {where}"
        )
    if facts["lang"] != lang:
        problems.append(f'<html lang="{facts["lang"]}">, expected "{lang}" | {where}')
    return problems


def toggle_problems(facts: dict, page_url: str, lang: str, where: str) -> list[str]:
    other = "fr" if lang == "en" else "en"
    toggles = [t for t in facts["toggles"] if t["hreflang"] == other]
    if len(toggles) != 1:
        return [f"expected one language toggle to {other!r}, found {facts['toggles']!r} | {where}"]
    toggle, here = urlsplit(toggles[0]["href"]), urlsplit(page_url)
    problems = []
    if toggle.path != here.path:
        problems.append(f"language toggle goes to {toggle.path!r}, not {here.path!r} | {where}")
    query = [(k, v) for k, v in parse_qsl(toggle.query) if k != "lang"]
    if query != [(k, v) for k, v in parse_qsl(here.query) if k != "lang"]:
        problems.append(f"language toggle drops the query string: {toggles[0]['href']} | {where}")
    if dict(parse_qsl(toggle.query)).get("lang") != other:
        problems.append(f"language toggle does not ask for lang={other} | {where}")
    if toggles[0]["lang"] != other:
        problems.append(f'the toggle link text is not marked lang="{other}" | {where}')
    return problems


def csp_problems(facts: dict, where: str) -> list[str]:
    return [f"CSP violation: {violation} | {where}" for violation in facts["csp"]]


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    id: el.id, tag: el.tagName.toLowerCase(), name: el.getAttribute("name"),
    href: el.getAttribute("href"), outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0, boxShadow: style.boxShadow,
  };
}"""


def focus_problems(focused: dict, where: str) -> list[str]:
    """The focused element must show a focus indicator: an outline of 2px or more, or a ring."""
    if focused["tag"] == "body":
        return [f"nothing has keyboard focus | {where}"]
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    if outline or focused["boxShadow"] not in ("", "none"):
        return []
    return [f"no visible focus on <{focused['tag']} id={focused['id']!r}> | {where}"]

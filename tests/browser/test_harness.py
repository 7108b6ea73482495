"""The checks themselves: a deliberately broken page must trip every one of them."""

from __future__ import annotations

from portal.security_headers import CONTENT_SECURITY_POLICY

BROKEN_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Something else</title></head>
<body>
  <header><nav><a href="/elsewhere?lang=en" hreflang="en" lang="en">English</a></nav></header>
  <main>
    <h1>Première</h1><h1>Seconde</h1>
    <img src="/static/img/favicon.svg" width="16" height="16">
    <p>Register a business</p>
    <p style="color: red">Texte</p>
    <script>console.error("boom")</script>
  </main>
  <script src="/static/js/does-not-exist.js"></script>
</body>
</html>"""


def test_a_broken_page_trips_every_check(make_journey, live_server):
    journey = make_journey("fr")
    url = live_server.url("/harness-self-test")
    journey.page.route(url, lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=BROKEN_PAGE,
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
    ))
    journey.visit("/harness-self-test")
    found = "\n".join(journey.problems)
    journey.problems.clear()  # expected; the journey itself passes
    journey.finish()

    assert "axe image-alt" in found
    assert "exactly one h1" in found
    assert '<html lang="en">, expected "fr"' in found
    assert "language toggle goes to '/elsewhere'" in found
    assert "CSP violation: script-src-elem blocked inline" in found
    assert "CSP violation: style-src-attr blocked inline" in found
    assert "does-not-exist.js" in found  # a resource that failed to load: a console error
    assert "untranslated: 'Register a business'" in found
    assert found.count("\n") >= 7


def test_identifiers_are_not_english_but_sentences_are():
    from tests.browser.translation import untranslated

    html = ("<html><body><code>employer.created_by_admin</code>"
            "<p>employer created by the admin</p></body></html>")
    found = untranslated(html, html, set())
    assert found == [
        "untranslated: 'employer created by the admin' (identical on the English page)"
    ]

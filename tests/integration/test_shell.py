"""The shell every page shares: headers, access rules, headings, languages, error pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from portal.access import public
from portal.translation_check import extract_msgids, missing_translations, translated_msgids
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory


class PageParser(HTMLParser):
    """Collects h1 texts, the title, <html lang> and checks tags are balanced."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.h1: list[str] = []
        self.title = ""
        self.lang = None
        self.errors: list[str] = []
        self._capture: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag in ("h1", "title"):
            self._capture = tag
            if tag == "h1":
                self.h1.append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()
        if tag == self._capture:
            self._capture = None

    def handle_data(self, data):
        if self._capture == "h1":
            self.h1[-1] += data
        elif self._capture == "title":
            self.title += data


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
)


def assert_security_headers(response):
    for header in SECURITY_HEADERS:
        assert header in response.headers, header
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_security_headers_on_normal_and_error_pages(client):
    for url, status in (("/", 200), ("/no-such-page", 404), ("/sign-out", 405)):
        response = client.get(url)
        assert response.status_code == status
        assert_security_headers(response)


def test_hsts_outside_development(make_app, _schema):
    app = make_app(HSTS_ENABLED=True)
    with app.app_context():
        response = app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_unexpected_error_shows_a_plain_500_page_with_headers(make_app, _schema):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @public
    def explode():
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/explode", "explode", explode)
    with app.app_context():
        response = app.test_client().get("/explode?lang=fr")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "secret internal detail" not in html and "Traceback" not in html
    assert "Désolé, un problème est survenu" in html
    assert_security_headers(response)


def test_signed_in_pages_are_not_cached(client, signed_in):
    assert client.get("/employer/").headers["Cache-Control"] == "no-store"


def test_every_route_has_an_access_rule(app):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if getattr(view, "access_rule", None) is None:
            missing.append(rule.rule)
    assert not missing, f"views without an access decorator: {missing}"


def _html_get_routes(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static":
            yield rule.rule


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_has_one_h1_a_matching_title_and_parses(app, client, lang):
    user = UserFactory()
    for signed_in in (False, True):
        if signed_in:
            client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})
        for url in _html_get_routes(app):
            response = client.get(f"{url}?lang={lang}")
            if response.status_code in (301, 302, 303) or "text/html" not in response.content_type:
                continue
            page = parse(response.get_data(as_text=True))
            assert not page.errors, (url, page.errors)
            assert len(page.h1) == 1, (url, page.h1)
            heading = " ".join(page.h1[0].split())
            assert " ".join(page.title.split()).startswith(heading), (url, page.title)
            assert page.lang == lang, url


def test_language_from_query_then_session_then_browser(client):
    assert parse(client.get("/").get_data(as_text=True)).lang == "en"
    fr = client.get("/", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    assert parse(fr.get_data(as_text=True)).lang == "fr"
    assert parse(client.get("/?lang=fr").get_data(as_text=True)).lang == "fr"
    # Remembered in the session for later pages, even when the browser prefers English.
    later = client.get("/sign-in", headers={"Accept-Language": "en"})
    assert parse(later.get_data(as_text=True)).lang == "fr"
    assert parse(client.get("/sign-in?lang=en").get_data(as_text=True)).lang == "en"


def test_language_toggle_returns_to_the_same_page(client):
    html = client.get("/sign-in?next=/employer/profile").get_data(as_text=True)
    toggle = re.search(r'<a href="([^"]+)" lang="fr" hreflang="fr">Français</a>', html).group(1)
    toggle = toggle.replace("&amp;", "&")
    assert toggle.startswith("/sign-in?")
    assert "next=%2Femployer%2Fprofile" in toggle and "lang=fr" in toggle
    french = client.get(toggle).get_data(as_text=True)
    assert "<h1>Ouvrir une session</h1>" in french
    assert 'lang="en" hreflang="en">English</a>' in french


def test_every_page_says_it_is_a_simulator_in_both_languages(client):
    assert "not a Government of Canada service" in client.get("/").get_data(as_text=True)
    assert "non un service du gouvernement du Canada" in client.get("/?lang=fr").get_data(
        as_text=True
    )
    assert "non un service du gouvernement du Canada" in client.get("/nope?lang=fr").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("url", "status", "english", "french"),
    [
        ("/no-such-page", 404, "Page not found", "Page introuvable"),
        ("/sign-out", 405, "This action is not allowed here", "Cette action n'est pas permise ici"),
    ],
)
def test_error_pages_in_both_languages(client, url, status, english, french):
    assert english in client.get(url).get_data(as_text=True)
    response = client.get(f"{url}?lang=fr")
    assert response.status_code == status
    assert french in response.get_data(as_text=True)


def test_french_catalogue_has_no_missing_or_fuzzy_entry():
    assert extract_msgids(), "no strings were extracted: the check itself is broken"
    missing = missing_translations("fr")
    assert not missing, "untranslated: " + "; ".join(f"{m!r} ({w})" for m, w in missing[:20])


def test_translation_check_notices_a_missing_string():
    done = translated_msgids("fr")
    assert done.get("Sign in") is True
    assert "A sentence nobody has translated yet" not in done

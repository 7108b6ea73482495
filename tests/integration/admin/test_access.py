"""The admin area hides itself: every admin route is 404 to anonymous visitors, employers, and
administrators who have not passed the second factor in this session."""

from __future__ import annotations

import pytest

from portal import clock
from tests.admin_helpers import NOW, enrolled_admin, sign_in_admin
from tests.factories import UserFactory

SAMPLE_VALUES = {"employer_id": 1, "exemption_id": 1, "ban_id": 1, "application_id": 1,
                 "inspection_id": 1, "document_id": 1, "name": "banned-employer"}


def _admin_urls(app):
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("admin."):
            continue
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<int:{name}>", str(SAMPLE_VALUES[name]))
            path = path.replace(f"<{name}>", str(SAMPLE_VALUES[name]))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            urls.append((method, path))
    assert len(urls) >= 10
    return urls


def _assert_all_404(app, client):
    for method, path in _admin_urls(app):
        response = client.open(path, method=method)
        assert response.status_code == 404, (method, path, response.status_code)


def test_anonymous_visitors_get_404_everywhere_in_admin(app, client):
    _assert_all_404(app, client)


def test_employer_users_get_404_everywhere_in_admin(app, client, signed_in):
    _assert_all_404(app, client)


def test_admin_without_second_factor_reaches_no_admin_page(app, client):
    clock.freeze(NOW)
    admin = enrolled_admin()
    client.post("/sign-in", data={"email": admin.email, "password": "plum-orbit-canvas-lantern-42"})
    for method, path in _admin_urls(app):
        if path.startswith("/admin/second-factor"):
            continue
        assert client.open(path, method=method).status_code == 404, (method, path)


def test_admin_with_second_factor_reaches_the_admin_pages(app, client):
    clock.freeze(NOW)
    admin = enrolled_admin()
    employer = UserFactory().employer
    sign_in_admin(client, admin)
    for path in (
        "/admin/",
        "/admin/employers",
        "/admin/audit",
        "/admin/employers/new-exempt",
        f"/admin/employers/{employer.id}",
    ):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_admin_pages_render_in_both_languages(app, client, lang):
    clock.freeze(NOW)
    admin = enrolled_admin()
    sign_in_admin(client, admin)
    html = client.get(f"/admin/employers?lang={lang}").get_data(as_text=True)
    assert ("Employeurs" if lang == "fr" else "Employers") in html

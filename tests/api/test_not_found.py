"""A service's NotFound that a view lets through: the 404 page on pages, problem+json under
/api/ (portal.errors hands it to the API's renderer), in the reader's language."""

from __future__ import annotations

from portal.access import public
from portal.rules.messages import Message
from portal.services.errors import NotFound


def _app_with_missing_routes(make_app):
    app = make_app()

    def missing():
        raise NotFound(Message.of("offer.not_found"))

    app.add_url_rule("/api/v1/test-missing", "api_test_missing", public(missing))
    app.add_url_rule("/test-missing", "page_test_missing", public(missing))
    return app


def test_not_found_is_problem_json_under_api_and_the_404_page_elsewhere(make_app, _schema):
    client = _app_with_missing_routes(make_app).test_client()

    api = client.get("/api/v1/test-missing")
    assert api.status_code == 404
    assert api.mimetype == "application/problem+json"
    assert api.get_json()["status"] == 404 and api.get_json()["detail"] == "Offer not found."

    page = client.get("/test-missing")
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert "Page not found" in page.get_data(as_text=True)
    french = client.get("/test-missing?lang=fr")
    assert french.status_code == 404 and "Page introuvable" in french.get_data(as_text=True)

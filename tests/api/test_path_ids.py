"""Path ids are row ids (1 to 2147483647): an id outside that range is an unknown address,
404 on the API (problem+json) and on pages, never a database error (PostgreSQL's INTEGER
refuses 99999999999999999999). Every route with an id is tried with each of its methods."""

from __future__ import annotations

import re

import pytest

from tests.api_helpers import bearer, make_key

OUT_OF_RANGE = ("99999999999999999999", "2147483648", "0")


def _routes_with_ids(app):
    for rule in app.url_map.iter_rules():
        if "<int:" in rule.rule:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, rule.rule


@pytest.mark.parametrize("bad_id", OUT_OF_RANGE)
def test_an_id_out_of_range_is_404_on_every_route(app, client, auth, employer_user, bad_id):
    token = make_key(employer_user)
    auth.sign_in(employer_user.email)
    routes = list(_routes_with_ids(app))
    assert len(routes) > 40
    for method, rule in routes:
        path = re.sub(r"<[^>]+>", bad_id, rule)
        response = client.open(path, method=method, headers=bearer(token))
        assert response.status_code == 404, (method, path, response.status_code)
        if path.startswith("/api/"):
            assert response.mimetype == "application/problem+json"
            assert response.get_json()["code"] == "not_found"


def test_the_openapi_document_gives_the_bounds_of_path_ids(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    path = spec["paths"]["/api/v1/offers/{offer_id}"]
    schema = next(p for p in path["parameters"] if p["name"] == "offer_id")["schema"]
    assert schema == {"type": "integer", "minimum": 1, "maximum": 2147483647}


def test_the_largest_id_is_still_an_address(client, employer_user):
    response = client.get("/api/v1/offers/2147483647", headers=bearer(make_key(employer_user)))
    assert response.status_code == 404 and response.get_json()["code"] == "offer.not_found"

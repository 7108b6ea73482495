"""Personal data stays out of the logs and the addresses (issue 12, item 3): a database error
logs no bound value, and a whole browsing session's access log (every request line and every
redirect) holds none of the worker's names, passport number or date of birth."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import insert

from portal.extensions import db
from portal.models import User
from tests.conftest import TEST_PASSWORD
from tests.factories import OfferFactory, UserFactory
from tests.offers_helpers import WORKER, complete_draft

PERSONAL: tuple[str, ...] = (
    str(WORKER["worker_family_name"]), "Dupont", "Lévesque", "Marie",
    str(WORKER["worker_passport_number"]), "1990-04-25", "25/04/1990",
)


def test_a_database_error_logs_no_bound_value(make_app, caplog) -> None:
    app = make_app(PROPAGATE_EXCEPTIONS=False)  # as in production: logged, then the 500 page
    client = app.test_client()
    with app.app_context():
        taken: Any = UserFactory(email="ada.lovelace@example.com")
        db.session.commit()
        email, employer_id = taken.email, taken.employer_id

    def clash() -> str:  # a duplicate email: the unique index refuses it
        db.session.execute(insert(User).values(
            email=email, full_name="Ada Lovelace XK1234567", role="employer_primary",
            employer_id=employer_id, password_hash="x", session_version=1,
        ))
        return "unreachable"

    app.add_url_rule("/forced-database-error", "forced_error", clash)
    with caplog.at_level(logging.ERROR):
        response = client.get("/forced-database-error")
    assert response.status_code == 500
    logged = "\n".join(
        record.getMessage() + (logging.Formatter().formatException(record.exc_info)
                               if record.exc_info else "")
        for record in caplog.records
    )
    assert "IntegrityError" in logged  # the error is logged, its class and statement named
    for value in ("ada.lovelace", "Lovelace", "XK1234567"):
        assert value not in logged, value


class AccessLog:
    """What a web server's access log keeps of each request (gunicorn's default format: the
    request line with its query string, the status, the referrer), and every redirect."""

    def __init__(self, app: Flask) -> None:
        self.lines: list[str] = []
        inner = app.wsgi_app

        def logged(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
                location = dict(headers).get("Location", "")
                query = environ.get("QUERY_STRING", "")
                line = f'"{environ["REQUEST_METHOD"]} {environ["PATH_INFO"]}'
                line += f'{"?" + query if query else ""}" {status} "{location}"'
                self.lines.append(line)
                return start_response(status, headers, *args)

            return inner(environ, start)

        app.wsgi_app = logged  # type: ignore[method-assign]  # a middleware, as gunicorn sees it


def _browse_as_employer(client, user, offer_id: int, number: str) -> None:
    client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})
    client.get("/employer/")
    for typed in ("Dupont", "18AV12345", "Marie Anne", "Dupont-Lévesque", "1990-04-25"):
        response = client.post("/employer/", data={"q": typed}, follow_redirects=True)
        assert response.status_code == 200
        client.get(response.request.path + "?" + response.request.query_string.decode()
                   + "&page=1")
    client.get("/employer/offers/export?s=whatever")
    for section in ("review", "foreign-worker", "job", "exemption-code"):
        client.get(f"/employer/offers/{offer_id}/{section}")
    client.post(f"/employer/offers/{offer_id}/foreign-worker", data={
        "worker_family_name": "Dupont-Lévesque", "worker_given_names": "Marie Anne",
        "worker_date_of_birth": "1990-04-25", "worker_passport_number": "18AV12345",
        "save_continue": "1"}, follow_redirects=True)
    client.get("/employer/?lang=fr")
    client.post("/sign-out", follow_redirects=True)


def _browse_as_worker(client, number: str) -> None:
    client.get(f"/verify-offer?number={number}")
    client.post("/verify-offer", data={"number": number, "passport_number": "18AV12345",
                                       "date_of_birth": "1990-04-25"}, follow_redirects=True)
    client.get(f"/work-permit/apply?number={number}")
    client.get("/work-permit/status")


def test_a_browsing_sessions_access_log_holds_no_worker_name_or_passport(app, client) -> None:
    log = AccessLog(app)
    user = UserFactory()
    draft = complete_draft(user)
    offer = OfferFactory(employer=user.employer, worker_family_name="Dupont-Lévesque",
                         worker_given_names="Marie Anne", worker_passport_number="18AV12345")
    number = str(offer.number)
    _browse_as_employer(client, user, draft.id, number)
    _browse_as_worker(client, number)
    assert len(log.lines) > 20
    assert any("/employer/?s=" in line for line in log.lines)  # the searches were held
    text = "\n".join(log.lines)
    for value in PERSONAL:
        for spelled in (value, value.replace(" ", "+"), value.replace(" ", "%20")):
            assert spelled not in text, spelled
    assert "%C3%A9" not in text.upper()  # "é" of Lévesque, percent-encoded


@pytest.mark.parametrize("path", ["/employer/?q=Dupont", "/employer/offers/export?q=Dupont"])
def test_a_name_typed_into_the_address_is_not_a_search(client, signed_in, path) -> None:
    complete_draft(signed_in)
    other = complete_draft(signed_in)
    assert other is not None
    body = client.get(path).text
    # Both drafts listed: the address's q= is not read (no search is run from it).
    assert body.count("Dupont") >= 2

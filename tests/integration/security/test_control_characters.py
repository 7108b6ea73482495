"""Control and text-direction characters (issue 12 item 2): NUL and a right-to-left override
posted into every field of every form a visitor, an employer and an administrator can open,
and into every query parameter of their pages, give no server error, write no row, and say
what is wrong next to the field (a button or hidden field: the 400 page).

Run on SQLite and on PostgreSQL (TEST_DATABASE_URL), where a NUL used to be a DataError (500).
The run's figures are printed (`-s`): requests, server errors, rows written.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import WorkPermitApplication
from tests.admin_helpers import NOW, enrolled_admin, sign_in_admin
from tests.api_helpers import bearer, make_key
from tests.factories import UserFactory
from tests.form_crawler import Form, forms_of, page_urls, path_of
from tests.offers_helpers import complete_draft

BAD_VALUES = ("Rivera\x00Ana", "Rivera\u202eanA")
MESSAGE_EN = "Remove the control or text-direction characters from this answer"
MESSAGE_FR = "Retirez de cette réponse les caractères de contrôle"
SHOWN_KINDS = {"text", "email", "password", "search", "tel", "number", "date", "url",
               "textarea", "select", "radio", "checkbox"}
NOT_POSTED = ("/sign-out",)  # its only fields are the CSRF token and the button
QUERY_NAMES = ("page", "s", "next", "lang", "number", "code", "state", "q", "category",
               "employer_only", "province", "status", "action", "date_from", "date_to")


def _rows() -> int:
    db.session.rollback()  # see what the requests committed, not a stale snapshot
    return sum(db.session.scalar(select(func.count()).select_from(table)) or 0
               for table in db.metadata.sorted_tables)


def _body(form: Form, name: str, bad: str) -> dict[str, list[str]]:
    data = form.defaults()
    data[name] = [bad]
    for button, value in list(form.buttons.items())[:1]:
        if button != name:
            data[button] = [value or "1"]
    return {key: values for key, values in data.items() if values}


class Run:
    def __init__(self) -> None:
        self.requests = 0
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []
        self.fields: set[tuple[str, str]] = set()
        self.rows_written = 0

    def check(self, what: str, response, *, field_kind: str | None) -> None:
        self.requests += 1
        self.statuses[response.status_code] += 1
        html = response.get_data(as_text=True)
        if response.status_code >= 500:
            self.failures.append(f"{what}: {response.status_code}")
        elif field_kind in SHOWN_KINDS:
            if response.status_code not in (200, 400) or MESSAGE_EN not in html:
                self.failures.append(f"{what}: {response.status_code}, no message by the field")
        elif response.status_code not in (200, 400) or (
            response.status_code == 200 and MESSAGE_EN not in html
        ):
            self.failures.append(f"{what}: {response.status_code}")


def _pages(client, urls: list[str]) -> dict[str, str]:
    pages = {}
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and "html" in response.content_type:
            pages[url] = response.get_data(as_text=True)
    assert pages
    return pages


def _poison_query(client, url: str, run: Run) -> None:
    for name in QUERY_NAMES:
        for bad in BAD_VALUES:
            response = client.get(url, query_string={name: bad})
            run.check(f"GET {url}?{name}", response, field_kind=None)
            if response.status_code != 400:
                run.failures.append(f"GET {url}?{name}: {response.status_code}, not 400")
    response = client.get(url, query_string={BAD_VALUES[0]: "1"})
    run.check(f"GET {url} bad name", response, field_kind=None)


def _poison_form(client, form: Form, run: Run) -> None:
    action = path_of(form.action)
    if action.startswith(NOT_POSTED):
        return
    for name, kind in form.kinds.items():
        if name == "csrf_token" or kind in ("file", "image", "reset"):
            continue
        run.fields.add((action, name))
        for bad in BAD_VALUES:
            body = _body(form, name, bad)
            if form.method == "get":
                response = client.get(action, query_string=body)
                run.check(f"GET {action} {name}", response, field_kind=None)
            else:
                response = client.post(action, data=body, follow_redirects=True)
                run.check(f"POST {action} {name} ({form.page})", response, field_kind=kind)


def _crawl(client, urls: list[str], run: Run) -> None:
    pages = _pages(client, urls)
    before = _rows()
    for url, html in pages.items():
        _poison_query(client, url, run)
        for form in forms_of(url, html):
            _poison_form(client, form, run)
    written = run.rows_written = _rows() - before
    if written:
        run.failures.append(f"{written} rows written")


def _report(run: Run, who: str) -> None:
    print(f"\n[control characters, {who}] requests={run.requests} "
          f"server_errors={sum(n for s, n in run.statuses.items() if s >= 500)} "
          f"rows_written={run.rows_written} "
          f"forms={len({action for action, _ in run.fields})} fields={len(run.fields)} "
          f"statuses={dict(sorted(run.statuses.items()))}")
    assert not run.failures, "\n".join(run.failures[:40])


def test_a_visitor_s_forms_and_parameters_refuse_control_characters(app, client):
    urls = [u for u in page_urls(app, prefixes=("/",), samples={"key": "C10"},
                                 skip=("/api", "/admin", "/employer", "/account", "/outbox",
                                       "/static", "/healthz", "/readyz", "/register/check"))]
    run = Run()
    _crawl(client, urls, run)
    _report(run, "visitor")


def test_an_employer_s_forms_and_parameters_refuse_control_characters(app, client, auth):
    user = UserFactory()
    offer = complete_draft(user)
    db.session.commit()
    auth.sign_in(user.email)
    urls = page_urls(app, prefixes=("/employer", "/account", "/outbox"),
                     samples={"offer_id": offer.id},
                     skip=("/employer/offers/export", "/account/second-factor"))
    run = Run()
    _crawl(client, urls, run)
    _report(run, "employer")


def test_an_administrator_s_forms_and_parameters_refuse_control_characters(app):
    clock.freeze(NOW)
    admin = enrolled_admin()
    employer_user = UserFactory()
    offer = complete_draft(employer_user)
    db.session.commit()
    client = app.test_client()
    sign_in_admin(client, admin)
    application = db.session.scalar(select(WorkPermitApplication.id))
    urls = page_urls(app, prefixes=("/admin",),
                     samples={"employer_id": employer_user.employer_id,
                              "application_id": application or 0},
                     skip=("/admin/second-factor", "/admin/audit.csv",
                           "/admin/audit/checkpoints.json"))
    assert offer.id
    run = Run()
    _crawl(client, urls, run)
    _report(run, "administrator")


@pytest.mark.parametrize(("lang", "message"), [("en", MESSAGE_EN), ("fr", MESSAGE_FR)])
def test_the_sign_in_email_with_a_nul_says_so_in_both_languages(client, lang, message):
    response = client.post(f"/sign-in?lang={lang}",
                           data={"email": "a\x00@example.com", "password": "x" * 16})
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_the_api_refuses_them_in_every_json_string_with_a_pointer(client, employer_user):
    token = make_key(employer_user)
    offer_id = client.post("/api/v1/offers", headers=bearer(token)).get_json()["id"]
    db.session.commit()
    before = _rows()
    url = f"/api/v1/offers/{offer_id}/sections/job"
    for bad in BAD_VALUES:
        body = {"job_title": bad, "duties": "Line one\nline two", "noc_code": "21232",
                "locations": [{"city": "Ottawa", "address_line1": bad}]}
        response = client.patch(url, json=body, headers=bearer(token))
        assert response.status_code == 422, response.get_data(as_text=True)
        assert response.content_type.startswith("application/problem+json")
        errors = {e["pointer"]: e["code"] for e in response.get_json()["errors"]}
        assert errors == {"/job_title": "unsafe_characters",
                          "/locations/0/address_line1": "unsafe_characters"}
    french = client.post("/api/v1/worker/offer-verification",
                         json={"offer_number": "A1234567", "passport_number": "X\x00",
                               "date_of_birth": "1990-04-25"},
                         headers={"Accept-Language": "fr"})
    assert french.status_code == 422
    assert french.get_json()["errors"][0]["pointer"] == "/passport_number"
    assert "caractères de contrôle" in french.get_json()["errors"][0]["detail"]
    query = client.get("/api/v1/offers", query_string={"q": BAD_VALUES[0]},
                       headers=bearer(token))
    assert query.status_code == 400
    assert query.get_json()["errors"][0] == {
        "code": "unsafe_characters", "parameter": "q",
        "detail": query.get_json()["errors"][0]["detail"]}
    assert _rows() == before

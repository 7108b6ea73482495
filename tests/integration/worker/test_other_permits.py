"""The "Other" work permit type (issue 13 item 8, domain.md 6): the worker names the employer,
which must be exempt in the administrators' registry; otherwise the application is refused
(R200(3)(f.1)), in English and French."""

from __future__ import annotations

import re
from html import unescape

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import WorkPermitApplication
from tests.factories import EmployerFactory
from tests.work_permits_helpers import apply_form, exempt_employer


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def other(**changes):
    return apply_form(None, **{"permit_type": "other", "offer_number": "", **changes})


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(WorkPermitApplication)) or 0


def test_the_form_asks_for_the_employer(client, app):
    assert 'name="employer_name"' in client.get("/work-permit/apply").get_data(as_text=True)


def test_an_exempt_employer_is_accepted_whatever_the_case_and_accents(client, app):
    exempt_employer("Ambassade de la République française")
    response = client.post("/work-permit/apply",
                           data=other(employer_name="ambassade de la republique Française"))
    assert response.status_code == 302 and count() == 1


def test_an_employer_that_is_not_exempt_is_refused_with_the_reason(client, app):
    EmployerFactory(legal_name="Maple Software Inc.", operating_name="Maple Software")
    response = client.post("/work-permit/apply", data=other(employer_name="Maple Software"))
    assert response.status_code == 200
    page = text(response)
    assert "not exempt from the employer compliance regime" in page and "R200(3)(f.1)" in page
    french = text(client.post("/work-permit/apply?lang=fr",
                              data=other(employer_name="Maple Software")))
    assert "n'est pas dispensé du régime de conformité" in french
    assert count() == 0


def test_the_employer_is_required_for_other(client, app):
    page = text(client.post("/work-permit/apply", data=other(employer_name="")))
    assert "Enter the name of your employer" in page and count() == 0

"""Family open work permits on the worker's page (issue 13 item 1, domain.md 3.8a): the 2025 C41
conditions are asked and enforced, C46/C48 are not offered and refused with the reason, C42
needs a qualifying program, FTA spouse codes are untouched; in English and French."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import WorkPermitApplication
from tests.work_permits_helpers import apply_form


@pytest.fixture(autouse=True)
def _december_2026():
    clock.freeze(datetime(2026, 12, 1, 15, 0, tzinfo=UTC))


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def spouse(**changes):
    base = {"permit_type": "open", "offer_number": "", "open_code": "C41",
            "citizenship": "GH", "residence_country": "CA", "applies_from": "inside"}
    return apply_form(None, **{**base, **changes})


def applications() -> int:
    return db.session.scalar(select(func.count()).select_from(WorkPermitApplication)) or 0


def field_errors(response, field: str) -> str:
    html = response.get_data(as_text=True)
    match = re.search(rf'id="{field}-error"[^>]*>(.*?)</', html, re.S)
    return unescape(match.group(1)) if match else ""


def test_the_form_asks_for_the_principals_job_and_permit(client, app):
    html = client.get("/work-permit/apply").get_data(as_text=True)
    assert 'name="principal_noc_code"' in html
    assert 'name="principal_permit_expiry"' in html
    assert 'name="student_program"' in html


def test_children_of_workers_are_not_offered(client, app):
    html = client.get("/work-permit/apply").get_data(as_text=True)
    assert 'value="C41"' in html and 'value="T45"' in html and 'value="F36"' in html
    assert 'value="C46"' not in html and 'value="C48"' not in html


@pytest.mark.parametrize("code", ["C46", "C48"])
def test_children_of_workers_are_refused_with_the_reason_if_chosen(client, app, code):
    response = client.post("/work-permit/apply", data=spouse(open_code=code))
    assert response.status_code == 200
    assert "no longer qualify for a family open work permit" in text(response)
    assert applications() == 0


def test_a_spouse_with_less_than_16_months_left_is_refused_on_the_expiry_field(client, app):
    response = client.post("/work-permit/apply", data=spouse(
        principal_noc_code="31301", principal_permit_expiry="2027-11-30"))
    assert response.status_code == 200
    assert "at least 16 months left" in text(response)
    assert "April 1, 2028" in text(response)
    assert applications() == 0


def test_a_spouse_missing_both_answers_is_told_both_in_french(client, app):
    response = client.post("/work-permit/apply?lang=fr", data=spouse())
    page = text(response)
    assert "Inscrivez le code CNP 2021 de l'emploi que votre époux" in page
    assert "Inscrivez la date de fin du permis de travail de votre époux" in page
    assert applications() == 0


def test_a_spouse_of_a_cook_is_refused_and_of_a_receptionist_too(client, app):
    cook = client.post("/work-permit/apply", data=spouse(
        principal_noc_code="63200", principal_permit_expiry="2029-01-01"))
    assert "not on IRCC's list of eligible TEER 2 and 3 occupations" in text(cook)
    receptionist = client.post("/work-permit/apply", data=spouse(
        principal_noc_code="14101", principal_permit_expiry="2029-01-01"))
    assert "job is in TEER 4" in text(receptionist)
    assert applications() == 0


def test_a_qualifying_spouse_is_accepted(client, app):
    response = client.post("/work-permit/apply", data=spouse(
        principal_noc_code="21231", principal_permit_expiry="2028-06-30"))
    assert response.status_code == 302, text(response)
    assert applications() == 1


def test_a_students_spouse_needs_a_qualifying_program(client, app):
    refused = client.post("/work-permit/apply", data=spouse(open_code="C42",
                                                            student_program="other"))
    assert "master's program of 16 months or more" in text(refused)
    assert applications() == 0
    accepted = client.post("/work-permit/apply", data=spouse(open_code="C42",
                                                             student_program="doctoral"))
    assert accepted.status_code == 302, text(accepted)


def test_an_fta_spouse_is_not_narrowed(client, app):
    response = client.post("/work-permit/apply", data=spouse(open_code="T45", citizenship="FR"))
    assert response.status_code == 302, text(response)

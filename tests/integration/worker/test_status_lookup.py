"""The status page (issue 13 item 16): specific messages, and the application number accepted
whatever its case."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.work_permits_helpers import DOB, apply_form


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def test_empty_fields_get_specific_messages_in_both_languages(client, app):
    page = text(client.post("/work-permit/status", data={"number": "", "date_of_birth": ""}))
    assert "Enter your application number" in page and "Enter your date of birth" in page
    assert "This field is required" not in page
    french = text(client.post("/work-permit/status?lang=fr",
                              data={"number": "", "date_of_birth": ""}))
    assert "Inscrivez votre numéro de demande" in french


def test_a_malformed_number_says_the_format(client, app):
    page = text(client.post("/work-permit/status", data={"number": "12345",
                                                         "date_of_birth": DOB}))
    assert "the letter W followed by 9 digits" in page


def test_a_lowercase_application_number_is_found(client, app):
    assert client.post("/work-permit/apply", data=apply_form(
        None, permit_type="open", offer_number="", open_code="C43")).status_code == 302
    page = text(client.get("/work-permit/submitted"))
    number = re.search(r"W\d{9}", page).group(0)
    found = client.post("/work-permit/status", data={"number": number.lower(),
                                                     "date_of_birth": DOB})
    assert number in text(found) and "No application matches" not in text(found)


def test_a_date_of_birth_in_the_future_or_of_a_child_is_refused_on_its_field(client, app):
    from sqlalchemy import func, select

    from portal.extensions import db
    from portal.models import WorkPermitApplication

    base = {"permit_type": "open", "offer_number": "", "open_code": "C43"}
    future = client.post("/work-permit/apply", data=apply_form(None, **base,
                                                               date_of_birth="2030-01-01"))
    assert "must be in the past" in text(future)
    child = client.post("/work-permit/apply", data=apply_form(None, **base,
                                                              date_of_birth="2020-01-01"))
    assert "years old" in text(child) and "Check the year" in text(child)
    assert 'id="date_of_birth-error"' in child.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(WorkPermitApplication)) == 0


def test_every_date_problem_of_the_application_shows_on_its_field_in_one_round(client, app):
    # Issue 13 item 14: the offer's date rule (portal.rules.dates) on the work permit step,
    # in French, with the worker's own wording.
    page = client.post("/work-permit/apply?lang=fr", data=apply_form(
        None, permit_type="open", offer_number="", open_code="C43",
        date_of_birth="2030-01-01", passport_expiry="2029-01-01")).get_data(as_text=True)
    assert 'id="date_of_birth-error"' in page and 'id="passport_expiry-error"' in page
    assert "La date de naissance doit être passée." in page
    assert ("La date d'expiration de votre passeport doit être postérieure à votre date de "
            "naissance.") in unescape(page)
    assert "2030-01-01" in page and "2029-01-01" in page  # kept as typed


@pytest.mark.parametrize(("issued", "expiry", "field", "message"), [
    ("2030-01-01", "2029-12-31", "passport_expiry",
     "Your passport's expiry date must be after its issue date."),
    ("1989-01-01", "2034-01-01", "passport_issue_date",
     "Your passport's issue date cannot be before your date of birth."),
])
def test_the_passports_issue_date_is_checked_with_its_other_dates(
        client, app, issued, expiry, field, message):
    page = client.post("/work-permit/apply", data=apply_form(
        None, permit_type="open", offer_number="", open_code="C43", date_of_birth="1990-04-25",
        passport_issue_date=issued, passport_expiry=expiry)).get_data(as_text=True)
    assert f'id="{field}-error"' in page and message in unescape(page)
    assert issued in page


def test_a_passport_issue_date_is_kept_with_the_application(client, app):
    from sqlalchemy import select

    from portal.extensions import db
    from portal.models import WorkPermitApplication

    response = client.post("/work-permit/apply", data=apply_form(
        None, permit_type="open", offer_number="", open_code="C43",
        passport_issue_date="2024-01-02"))
    assert response.status_code == 302
    stored = db.session.scalar(select(WorkPermitApplication.passport_issue_date))
    assert stored.isoformat() == "2024-01-02"

"""The offer's dates (issue 13 item 14) on the offer pages: a date of birth in the future or
outside working age, a passport expiring before the birth, a job ending before it starts are
refused next to their field, in English and French, and the section's other answers are saved."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html import unescape

import pytest

from portal import clock
from portal.extensions import db
from portal.models import Offer


@pytest.fixture(autouse=True)
def _today():
    clock.freeze(datetime(2026, 11, 24, 15, 0, tzinfo=UTC))


def _start(client) -> int:
    response = client.post("/employer/offers/new")
    found = re.search(r"/employer/offers/(\d+)/", response.headers["Location"])
    assert found
    return int(found.group(1))


def _error_of(page: str, field: str) -> str:
    """The text of the message shown next to `field` (its id-error element)."""
    found = re.search(rf'id="{field}-error"[^>]*>(.*?)</p>', page, re.S)
    assert found, f"no message next to {field}"
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


WORKER = {"worker_family_name": "Nakamura", "worker_given_names": "Aiko", "worker_sex": "F",
          "worker_date_of_birth": "1990-04-25", "worker_passport_number": "TK1234567",
          "worker_passport_expiry": "2032-01-01", "save": "1"}


@pytest.mark.parametrize(("changes", "field", "english", "french"), [
    ({"worker_date_of_birth": "2030-01-01"}, "worker_date_of_birth",
     "date of birth must be in the past", "doit être dans le passé"),
    ({"worker_date_of_birth": "2020-01-01"}, "worker_date_of_birth",
     "the worker is 6 years old", "le travailleur a 6 ans"),
    ({"worker_passport_expiry": "1985-01-01"}, "worker_passport_expiry",
     "expiry date must be after the worker's date of birth",
     "doit être postérieure à la date de naissance"),
])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_worker_section_refuses_a_bad_date_next_to_it_and_saves_the_rest(
        client, signed_in, changes, field, english, french, lang):
    offer_id = _start(client)
    data = {**WORKER, **changes}
    page = client.post(f"/employer/offers/{offer_id}/foreign-worker?lang={lang}",
                       data=data).get_data(as_text=True)
    assert (english if lang == "en" else french) in _error_of(page, field)
    assert data[field] in page  # what was typed stays in the field
    offer = db.session.get(Offer, offer_id)
    assert getattr(offer, field) is None  # the refused date is not saved...
    assert offer.worker_family_name == "Nakamura"  # ...the other answers are
    assert offer.worker_passport_number == "TK1234567"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_job_section_refuses_an_end_date_before_the_start(client, signed_in, lang):
    offer_id = _start(client)
    page = client.post(f"/employer/offers/{offer_id}/job?lang={lang}", data={
        "job_title": "Software developer", "start_date": "2027-03-01",
        "end_date": "2027-02-01", "save": "1"}).get_data(as_text=True)
    expected = ("end date of employment must be after the start date" if lang == "en"
                else "postérieure à la date de début")
    assert expected in _error_of(page, "end_date")
    assert "2027-02-01" in page
    offer = db.session.get(Offer, offer_id)
    assert offer.job_title == "Software developer" and offer.end_date is None
    assert offer.start_date == date(2027, 3, 1)


def test_a_later_save_of_one_date_is_checked_against_the_saved_other(client, signed_in):
    offer_id = _start(client)
    job = f"/employer/offers/{offer_id}/job"
    assert client.post(job, data={"start_date": "2027-03-01", "end_date": "2028-02-29",
                                  "save": "1"}).status_code == 302
    page = client.post(job, data={"start_date": "2028-03-01", "end_date": "2028-02-29",
                                  "save": "1"}).get_data(as_text=True)
    assert "must be after the start date" in _error_of(page, "end_date")
    assert client.post(job, data={"start_date": "2027-06-01", "end_date": "2028-02-29",
                                  "save": "1"}).status_code == 302
    assert db.session.get(Offer, offer_id).start_date == date(2027, 6, 1)

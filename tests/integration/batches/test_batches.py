"""The batch pages (issue 18): the template, the dry run with its errors by column, the error
report, confirm into drafts, and pay and submit all."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import event, func, select

from portal.extensions import db
from portal.models import Batch, Membership, Offer, OfferStatus, Payment
from portal.models.enums import MemberRole, Permission
from portal.services.batches import checking
from portal.services.batches.files import MAX_ROWS
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.batches_helpers import csv_bytes, good_row
from tests.factories import UserFactory

ATTEST = {f"attest_{key}": "y" for key in ATTESTATION_IDS}


def _upload(client, data: bytes, name: str = "offers.csv", *, follow: bool = True):
    return client.post("/employer/batches/", data={"file": (io.BytesIO(data), name),
                                                    "check": "1"},
                       content_type="multipart/form-data", follow_redirects=follow)


def _offers() -> int:
    return db.session.scalar(select(func.count(Offer.id))) or 0


def test_the_dry_run_shows_each_rows_errors_by_column_and_creates_nothing(client, signed_in):
    data = csv_bytes([good_row(1), good_row(2, start_date="01/03/2027"),
                      good_row(3, noc_code="99999")])
    page = _upload(client, data).get_data(as_text=True)
    assert "3 rows checked." in page and "2 rows have errors." in page
    assert "Start date (YYYY-MM-DD)</strong>: Enter the date as year-month-day" in page
    assert "NOC 2021 code</strong>:" in page
    assert _offers() == 0
    batch = db.session.scalar(select(Batch))
    assert [row.status for row in batch.rows] == ["valid", "invalid", "invalid"]
    assert batch.rows[1].errors[0]["field"] == "start_date"


def test_the_rows_are_checked_with_the_reviews_rules_in_french(client, signed_in):
    # T36 (CUSMA) needs a Mexican or American worker: the review's eligibility finding.
    data = csv_bytes([good_row(1, code_key="T36", worker_family_name="")])
    location = _upload(client, data, follow=False).headers["Location"]
    page = client.get(f"{location}?lang=fr").get_data(as_text=True)
    assert "1 ligne comporte des erreurs." in page
    assert "Nom de famille</strong>" in page  # the missing family name, by its French header
    assert "Pays de citoyenneté (code)</strong>" in page  # T36: citizenship not allowed


@pytest.mark.parametrize(("data", "name", "text"), [
    (b"", "offers.csv", "The file is empty"),
    (csv_bytes([]), "offers.csv", "The file is empty"),
    (b"%PDF-1.4 hello", "offers.pdf", "must be a CSV file (.csv) or an Excel workbook"),
    (b"PK\x03\x04broken", "offers.xlsx", "must be a CSV file (.csv) or an Excel workbook"),
    (csv_bytes([good_row(worker_family_name="Garc\u00eda")]).decode().encode("cp1252"),
     "offers.csv", "is not in UTF-8"),
    (csv_bytes([good_row()], header=["worker_family_name"]), "offers.csv",
     "These columns are missing from the header row: Given names, Sex (F, M or X)"),
    (csv_bytes([good_row()]).replace(b"code_answers", b"code_answers,Salary", 1), "offers.csv",
     "These columns are not in the template: Salary"),
    (csv_bytes([good_row(i) for i in range(MAX_ROWS + 1)]), "offers.csv",
     "more than 500 rows of offers"),
])
def test_a_file_the_batch_cannot_take_is_refused_next_to_the_field(
        client, signed_in, data, name, text):
    response = _upload(client, data, name)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and text in page
    assert 'id="file-error"' in page
    assert db.session.scalar(select(func.count(Batch.id))) == 0


def test_a_file_over_5_mb_is_refused(app):
    # Through the service: the test client would spool a 5 MB upload to a temporary file.
    from portal.services.batches.files import BatchFileError, read_sheet

    with pytest.raises(BatchFileError) as refused:
        read_sheet(b"a" * (5 * 1024 * 1024 + 1), file_name="offers.csv", aliases={})
    assert refused.value.code == "file.too_large" and refused.value.field == "file"
    assert refused.value.message.kwargs == {"limit": 5}


def test_duplicate_rows_within_the_file_are_refused_by_row(client, signed_in):
    page = _upload(client, csv_bytes([good_row(1), good_row(1)])).get_data(as_text=True)
    assert "This row is the same as row 2. Remove one of them." in page


def test_the_same_file_twice_is_the_same_batch_and_never_two_sets_of_drafts(client, signed_in):
    data = csv_bytes([good_row(1), good_row(2)])
    first = _upload(client, data, follow=False).headers["Location"]
    second = _upload(client, data, follow=False).headers["Location"]
    assert first == second
    client.post(f"{first}/confirm", data=ATTEST)
    client.post(f"{first}/confirm", data=ATTEST)
    _upload(client, data)
    assert _offers() == 2
    assert db.session.scalar(select(func.count(Batch.id))) == 1


def test_confirm_is_all_or_nothing_unless_invalid_rows_are_left_out(client, signed_in):
    location = _upload(client, csv_bytes([good_row(1), good_row(2, wage="lots")]),
                       follow=False).headers["Location"]
    refused = client.post(f"{location}/confirm", data=ATTEST, follow_redirects=True)
    assert "Some rows have errors." in refused.get_data(as_text=True)
    assert _offers() == 0
    client.post(f"{location}/confirm", data={**ATTEST, "skip_invalid": "y"})
    batch = db.session.scalar(select(Batch))
    assert [row.status for row in batch.rows] == ["created", "skipped"]
    offer = db.session.get(Offer, batch.rows[0].offer_id)
    assert offer.status == OfferStatus.DRAFT and offer.attestations == list(ATTESTATION_IDS)
    assert offer.worker_family_name == "Dupont1" and offer.locations[0].city == "Ottawa"


def test_another_employers_batch_is_not_found(app, client, signed_in, auth):
    location = _upload(client, csv_bytes([good_row(1)]), follow=False).headers["Location"]
    auth.sign_out()
    other = UserFactory()
    auth.sign_in(other.email)
    for url in (location, f"{location}/errors.csv"):
        assert client.get(url).status_code == 404
    assert client.post(f"{location}/confirm", data=ATTEST).status_code == 404
    assert client.post(f"{location}/pay-and-submit").status_code == 404
    assert _offers() == 0


def test_the_error_report_neutralises_formulas(client, signed_in):
    location = _upload(client, csv_bytes([good_row(1, worker_sex="=HYPERLINK(1)")]),
                       follow=False).headers["Location"]
    response = client.get(f"{location}/errors.csv")
    text = response.get_data(as_text=True).lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["Row", "Column", "Value", "Error"]
    assert lines[1] == ["2", "Sex (F, M or X)", "'=HYPERLINK(1)", "Enter F, M or X."]


def test_the_templates_have_the_headers_in_the_language_asked(client, signed_in):
    english = client.get("/employer/batches/template.csv?lang=en").get_data(as_text=True)
    french = client.get("/employer/batches/template.csv?lang=fr").get_data(as_text=True)
    assert english.startswith("\ufeffFamily name,Given names,")
    assert french.startswith("\ufeffNom de famille,")
    xlsx = client.get("/employer/batches/template.xlsx?lang=fr")
    assert xlsx.data[:2] == b"PK"
    page = _upload(client, xlsx.data, "modele.xlsx").get_data(as_text=True)
    assert "The file is empty" in page  # headers only: read, no rows yet


def _statements(app, count: int, user) -> int:
    from portal.catalogue.batches import header_aliases
    from tests.offers_helpers import actor_for

    data = csv_bytes([good_row(i) for i in range(count)])
    seen: list[str] = []
    engine = db.engine

    def listen(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        checking.check_upload(actor=actor_for(user), file_name=f"{count}.csv", data=data,
                              aliases=header_aliases())
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return len(seen)


def test_the_dry_run_runs_as_many_statements_for_50_rows_as_for_10(app, employer_user):
    # No N+1: the employer and its standing are read once and the rows written in one insert,
    # so the statements per extra row are zero.
    _statements(app, 3, employer_user)  # the first audit event of the stream, the user read
    assert _statements(app, 10, employer_user) == _statements(app, 50, employer_user)


def test_a_prepare_user_creates_the_drafts_but_cannot_pay(app, client, auth, employer_user):
    member = UserFactory(employer=employer_user.employer, role="employer_secondary")
    db.session.add(Membership(user_id=member.id, employer_id=employer_user.employer_id,
                              role=MemberRole.SECONDARY, permission=Permission.PREPARE))
    db.session.commit()
    auth.sign_in(member.email)
    location = _upload(client, csv_bytes([good_row(1)]), follow=False).headers["Location"]
    page = client.post(f"{location}/confirm", data=ATTEST,
                       follow_redirects=True).get_data(as_text=True)
    assert "The drafts are created." in page
    assert "A user with the submit permission pays and submits these offers." in page
    refused = client.post(f"{location}/pay-and-submit", follow_redirects=True)
    assert "only a user with the submit permission" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Payment.id))) == 0


def test_a_rows_dates_are_checked_by_the_offer_forms_rule_one_error_per_column(
        client, signed_in):
    # Issue 13 item 14: the same rule (portal.rules.dates) as the offer pages and the API.
    data = csv_bytes([good_row(1, worker_date_of_birth="2030-01-01", end_date="2027-01-01",
                               worker_passport_expiry="1980-01-01")])
    page = _upload(client, data).get_data(as_text=True)
    assert "1 row has errors." in page
    assert "The worker&#39;s date of birth must be in the past." in page
    assert "The end date of employment must be after the start date." in page
    assert _offers() == 0
    errors = db.session.scalar(select(Batch)).rows[0].errors
    by_column = {e["field"]: e["code"] for e in errors}
    assert by_column == {"worker_date_of_birth": "WORKER-BIRTH-DATE-FUTURE",
                         "worker_passport_expiry": "PASSPORT-EXPIRY-BEFORE-BIRTH",
                         "end_date": "JOB-DATES-ORDER"}
    assert len(errors) == len(by_column)  # never two messages for one cell

"""The batch columns' length limits are the offer forms' own (issue 18, item 2: "the same rules
as the forms"): one source, portal.services.offers.limits, read by the forms, the API's sections
and the batch columns, so a value too long on the form is too long in the file, at the same
length."""

from __future__ import annotations

import io

import pytest
from wtforms.validators import Length

from portal.extensions import db
from portal.models import Batch, Offer
from portal.offers import forms
from portal.services.batches.columns import COLUMN_KEYS, COLUMNS, field_name
from portal.services.offers.limits import TEXT_LIMITS
from tests.batches_helpers import csv_bytes, good_row

FORM_FIELD = {"address_line1": "location1_address_line1", "city": "location1_city",
              "postal_code": "location1_postal_code"}
FORMS = (forms.CodeFormBase, forms.WorkerForm, forms.JobForm, forms.WagesForm)


def _form_limit(name: str) -> int | None:
    for form_class in FORMS:
        unbound = getattr(form_class, FORM_FIELD.get(name, name), None)
        if unbound is not None:
            lengths = [v for v in unbound.kwargs.get("validators", ())
                       if isinstance(v, Length)]
            return lengths[0].max if lengths else None
    return None


@pytest.mark.parametrize(("column", "limit"),
                         [(c[0], c[3]) for c in COLUMNS if c[3] and c[0] != "code_key"])
def test_each_text_column_has_its_form_fields_limit(column, limit):
    assert _form_limit(field_name(column)) == limit == TEXT_LIMITS[field_name(column)]


def _check(client, **changes: str) -> Batch:
    data = csv_bytes([good_row(1, **changes)])
    response = client.post("/employer/batches/", data={
        "file": (io.BytesIO(data), "offers.csv"), "check": "1"},
        content_type="multipart/form-data")
    assert response.status_code == 302, response.text
    batch = db.session.get(Batch, int(response.headers["Location"].rsplit("/", 1)[-1]))
    assert batch is not None
    return batch


def test_a_job_title_too_long_on_the_form_is_too_long_in_the_file_at_the_same_length(
        client, signed_in):
    limit = TEXT_LIMITS["job_title"]
    offer_id = int(client.post("/employer/offers/new").headers["Location"].split("/")[3])
    form = client.post(f"/employer/offers/{offer_id}/job",
                       data={"job_title": "x" * (limit + 1), "save": "1"})
    assert f"longer than {limit} characters" in form.text
    assert db.session.get(Offer, offer_id).job_title is None
    client.post(f"/employer/offers/{offer_id}/job", data={"job_title": "x" * limit, "save": "1"})
    assert db.session.get(Offer, offer_id).job_title == "x" * limit

    too_long = _check(client, job_title="x" * (limit + 1))
    assert too_long.rows[0].status == "invalid"
    assert [(e["field"], e["code"]) for e in too_long.rows[0].errors] == [
        ("job_title", "cell.too_long")]
    page = client.get(f"/employer/batches/{too_long.id}").text
    assert f"Enter at most {limit} characters." in page
    assert _check(client, job_title="x" * limit).rows[0].status == "valid"


def _bomb_xlsx() -> bytes:
    """A real workbook from the template whose sheet part is padded with 200 MB of spaces (XML
    whitespace): about 200 KB compressed, and well under the 5 MB upload limit."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["family name"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                with bomb.open(item.filename, "w", force_zip64=True) as part:
                    part.write(data)
                    chunk = b" " * (1024 * 1024)
                    for _ in range(200):
                        part.write(chunk)
                continue
            bomb.writestr(item, data)
    return out.getvalue()


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(client, signed_in):
    import time

    data = _bomb_xlsx()
    assert len(data) < 5 * 1024 * 1024
    started = time.perf_counter()
    response = client.post("/employer/batches/?lang=fr", data={
        "file": (io.BytesIO(data), "offres.xlsx"), "check": "1"},
        content_type="multipart/form-data", follow_redirects=True)
    elapsed = time.perf_counter() - started
    page = response.get_data(as_text=True)
    assert "Le classeur dépasse 50 Mo une fois ouvert." in page and 'id="file-error"' in page
    assert elapsed < 2, elapsed  # refused from the archive's sizes, nothing decompressed
    assert db.session.query(Batch).count() == 0


def test_a_workbook_longer_than_the_row_limit_stops_being_read_there(app, monkeypatch):
    from openpyxl import Workbook

    from portal.services.batches import files

    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMN_KEYS))
    for index in range(files.MAX_ROWS + 50):
        sheet.append([f"v{index}"] * len(COLUMN_KEYS))
    out = io.BytesIO()
    book.save(out)
    read: list[object] = []
    original = files._cell_text
    monkeypatch.setattr(files, "_cell_text", lambda value: read.append(value) or original(value))
    with pytest.raises(files.BatchFileError) as refused:
        files.read_sheet(out.getvalue(), file_name="offers.xlsx",
                         aliases={key: key for key in COLUMN_KEYS})
    assert refused.value.code == "file.too_many_rows"
    assert len(read) <= (files.MAX_ROWS + 2) * len(COLUMN_KEYS)  # not the 50 rows beyond

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
from portal.services.batches.columns import COLUMNS, field_name
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

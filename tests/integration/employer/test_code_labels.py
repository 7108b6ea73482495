"""Users read official codes, not internal keys (issue 13 item 15): an IEC Young Professionals
offer shows "C21 – International Experience Canada – Young Professionals", never "C21-YP", on
the dashboard, in the CSV, on the worker's result and in the admin's queue."""

from __future__ import annotations

import csv
import io
import re

from portal.rules.codes import shown_code
from tests.admin_helpers import enrolled_admin, sign_in_admin
from tests.factories import OfferFactory
from tests.work_permits_helpers import apply_form

YP = "C21 – International Experience Canada – Young Professionals"


def test_shown_code():
    assert shown_code("C21-YP", "en") == YP
    assert shown_code("T36", "en").startswith("T36 – ")
    assert shown_code(None, "en") == ""


def test_the_dashboard_and_the_csv_show_the_official_code(client, signed_in):
    OfferFactory(employer_id=signed_in.employer_id, code_key="C21-YP", worker_citizenship="FR")
    page = re.sub(r"<[^>]+>", " ", client.get("/employer/").get_data(as_text=True))
    assert "C21-YP" not in page and "C21 – " in page  # the filter's values are not shown
    rows = list(csv.reader(io.StringIO(client.get("/employer/offers/export").get_data(
        as_text=True))))
    assert rows[1][2] == YP


def test_the_worker_and_the_admin_see_the_official_code(app):
    worker, officer = app.test_client(), app.test_client()
    offer = OfferFactory(code_key="C21-YP", worker_citizenship="FR", noc_code="21231", teer=1)
    assert worker.post("/work-permit/apply", data=apply_form(
        offer, residence_country="FR")).status_code == 302
    result = re.sub(r"<[^>]+>", " ", worker.get("/work-permit/submitted").get_data(as_text=True))
    assert "C21-YP" not in result and "Young Professionals" in result
    sign_in_admin(officer, enrolled_admin())
    queue = officer.get("/admin/decisions/").get_data(as_text=True)
    assert "C21-YP" not in queue and "C21 – " in queue

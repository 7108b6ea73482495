"""The batch rows' personal data is not kept (issue 18; bulk task item 3): the periodic sweep
empties the cells of a batch confirmed more than BATCH_ROWS_RETENTION_HOURS ago (24) and
deletes a dry run never confirmed in that time. The batch page keeps the counts and each
offer's state and number; the offers keep their own data."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.jobs.sweep import sweep
from portal.models import Batch, BatchRow, Offer
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.batches_helpers import csv_bytes, good_row

ATTEST = {f"attest_{key}": "y" for key in ATTESTATION_IDS}


@pytest.fixture(autouse=True)
def _clock():
    clock.freeze(datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    yield
    clock.unfreeze()


def _upload(client, data: bytes) -> str:
    response = client.post("/employer/batches/", data={
        "file": (io.BytesIO(data), "equipe.csv"), "check": "1"},
        content_type="multipart/form-data")
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def _sign_in_again(client, auth, user) -> None:
    """The session of the day before has ended (12 hours at most): sign in again."""
    client.get("/employer/")
    assert auth.sign_in(user.email).status_code == 302


def _stored_cells(batch_id: int) -> list[str]:
    db.session.expire_all()
    return [json.dumps(row.cells) for row in db.session.scalars(
        select(BatchRow).where(BatchRow.batch_id == batch_id))]


def test_a_confirmed_batchs_rows_are_emptied_after_the_retention_and_its_page_still_works(
        client, auth, signed_in):
    data = csv_bytes([good_row(1), good_row(2), good_row(3, worker_sex="Q")])
    location = _upload(client, data)
    batch_id = int(location.rsplit("/", 1)[-1])
    client.post(f"{location}/confirm", data={**ATTEST, "skip_invalid": "y"})
    client.post(f"{location}/pay-and-submit")
    clock.advance(timedelta(hours=23))
    sweep()
    assert any("18AV00001" in cells for cells in _stored_cells(batch_id))  # not yet

    clock.advance(timedelta(hours=2))
    counts = sweep()
    assert counts["batches.rows_purged"] == 1
    cells = _stored_cells(batch_id)
    assert len(cells) == 3 and all(c == "{}" for c in cells)  # no name, no passport left
    _sign_in_again(client, auth, signed_in)
    page = client.get(location)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "3 rows checked." in text and "2 offers created." in text
    assert "1 row left out." in text
    assert "were deleted from this batch on" in text
    offers = list(db.session.scalars(select(Offer).order_by(Offer.id)))
    assert [o.worker_passport_number for o in offers] == ["18AV00001", "18AV00002"]
    assert all(o.number and o.number in text for o in offers)
    assert "Dupont1" not in text
    french = client.get(f"{location}?lang=fr").get_data(as_text=True)
    assert "2 offres créées." in french and "ont été supprimées de ce lot le" in french
    assert client.get(f"{location}/errors.csv").status_code == 200
    assert sweep()["batches.rows_purged"] == 0  # once


def test_a_dry_run_never_confirmed_is_deleted_after_the_retention(client, auth, signed_in):
    data = csv_bytes([good_row(1)])
    location = _upload(client, data)
    clock.advance(timedelta(hours=23))
    assert sweep()["batches.dry_runs_deleted"] == 0
    _sign_in_again(client, auth, signed_in)
    assert client.get(location).status_code == 200
    clock.advance(timedelta(hours=2))
    assert sweep()["batches.dry_runs_deleted"] == 1
    _sign_in_again(client, auth, signed_in)
    db.session.expire_all()
    assert db.session.scalars(select(BatchRow)).all() == []
    assert client.get(location).status_code == 404
    again = _upload(client, data)  # the same file is checked afresh
    assert client.get(again).status_code == 200
    batch = db.session.get(Batch, int(again.rsplit("/", 1)[-1]))
    assert batch is not None and batch.created_at == clock.now()
    assert len(_stored_cells(batch.id)) == 1


def test_the_retention_is_a_setting(app, client, signed_in):
    app.config["BATCH_ROWS_RETENTION_HOURS"] = 1
    location = _upload(client, csv_bytes([good_row(1)]))
    client.post(f"{location}/confirm", data=ATTEST)
    clock.advance(timedelta(minutes=61))
    assert sweep()["batches.rows_purged"] == 1
    batch = db.session.get(Batch, int(location.rsplit("/", 1)[-1]))
    assert batch is not None and batch.rows_purged_at is not None

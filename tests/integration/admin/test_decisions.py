"""The decision queue: administrators only; approve or refuse beside the matched offer; the
worker sees the decision and the employer gets the refund."""

from __future__ import annotations

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import FeeStatus, OfferStatus, Refund, WorkPermitApplication
from portal.rules.countries import country_name
from tests.admin_helpers import NOW, enrolled_admin, sign_in_admin
from tests.factories import OfferFactory
from tests.work_permits_helpers import DOB, apply_form


def submitted(client, offer):
    assert client.post("/work-permit/apply", data=apply_form(offer)).status_code == 302
    return db.session.scalar(
        select(WorkPermitApplication).where(WorkPermitApplication.offer_id == offer.id)
    )


def test_the_queue_is_hidden_from_everyone_but_administrators(client, app, signed_in):
    assert client.get("/admin/decisions/").status_code == 404


def test_refusal_from_the_queue_refunds_and_the_worker_sees_it(app):
    clock.freeze(NOW)
    worker, officer = app.test_client(), app.test_client()
    offer = OfferFactory()
    application = submitted(worker, offer)
    sign_in_admin(officer, enrolled_admin())
    queue = officer.get("/admin/decisions/").get_data(as_text=True)
    assert application.number in queue and offer.number in queue
    page = officer.get(f"/admin/decisions/{application.id}").get_data(as_text=True)
    assert offer.job_title in page and application.passport_number in page
    missing = officer.post(f"/admin/decisions/{application.id}", data={"refuse": "Refuse"})
    assert "Enter the reason for the refusal" in missing.get_data(as_text=True)
    done = officer.post(f"/admin/decisions/{application.id}",
                        data={"reason": "Duties do not match the profession.", "refuse": "Refuse"})
    assert done.status_code == 302
    db.session.refresh(offer)
    assert offer.fee_status == FeeStatus.REFUNDED and offer.status == OfferStatus.MATCHED
    assert db.session.scalar(select(Refund)) is not None
    result = worker.post("/work-permit/status",
                         data={"number": application.number, "date_of_birth": DOB})
    body = result.get_data(as_text=True)
    assert "Refused" in body and "Duties do not match the profession." in body


def test_approval_from_outside_gives_the_worker_a_letter_of_introduction(app):
    clock.freeze(NOW)
    worker, officer = app.test_client(), app.test_client()
    application = submitted(worker, OfferFactory())
    sign_in_admin(officer, enrolled_admin())
    officer.post(f"/admin/decisions/{application.id}", data={"approve": "Approve", "reason": ""})
    body = worker.get("/work-permit/submitted").get_data(as_text=True)
    assert "Approved" in body and "port-of-entry letter of introduction" in body
    assert application.number not in officer.get("/admin/decisions/").get_data(as_text=True)


def test_the_decision_page_names_the_citizenship_country(app):
    """Issue 13 item 25: the officer reads "France", not the code "FR"."""
    clock.freeze(NOW)
    worker, officer = app.test_client(), app.test_client()
    offer = OfferFactory()
    application = submitted(worker, offer)
    sign_in_admin(officer, enrolled_admin())
    page = officer.get(f"/admin/decisions/{application.id}").get_data(as_text=True)
    shown = page.split("Citizenship</dt><dd>", 1)[1].split("</dd>", 1)[0]
    assert shown == country_name(application.citizenship, "en") != application.citizenship

"""An application that does not match its offer (issue 13 item 9, domain.md 9.2): accepted as
"submitted, not matched"; the administrator sees what differs in the queue and on the decision
page, and can refuse but not approve it; the worker is told which field to check, in English
and French, never what the offer holds."""

from __future__ import annotations

from html import unescape

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ApplicationStatus, OfferStatus, Refund, WorkPermitApplication
from tests.admin_helpers import NOW, enrolled_admin, sign_in_admin
from tests.factories import OfferFactory
from tests.work_permits_helpers import DOB, apply_form


def test_the_admin_sees_the_mismatch_and_can_only_refuse(app):
    clock.freeze(NOW)
    worker, officer = app.test_client(), app.test_client()
    offer = OfferFactory(worker_passport_number="AB123456", worker_citizenship="MX")
    response = worker.post("/work-permit/apply?lang=fr", data=apply_form(
        offer, passport_number="AB 123456", citizenship="US"))
    assert response.status_code == 302
    page = unescape(worker.get("/work-permit/submitted?lang=fr").get_data(as_text=True))
    assert "Présentée, non jumelée" in page
    assert "Ce numéro de passeport n'est pas celui de l'offre" in page
    assert "Cette citoyenneté n'est pas celle de l'offre" in page
    assert "AB123456" not in page
    application = db.session.scalar(select(WorkPermitApplication))
    assert application.mismatched_fields == ("passport_number", "citizenship")

    sign_in_admin(officer, enrolled_admin())
    queue = officer.get("/admin/decisions/").get_data(as_text=True)
    assert application.number in queue and offer.number in queue and "not matched" in queue
    decide = officer.get(f"/admin/decisions/{application.id}").get_data(as_text=True)
    assert "What differs" in decide and "AB123456" in decide and "AB 123456" in decide
    approve = officer.post(f"/admin/decisions/{application.id}", data={"approve": "Approve"})
    assert "cannot be approved" in approve.get_data(as_text=True)
    db.session.refresh(application)
    assert application.status == ApplicationStatus.SUBMITTED
    refused = officer.post(f"/admin/decisions/{application.id}",
                           data={"reason": "No matching offer.", "refuse": "Refuse"})
    assert refused.status_code == 302
    db.session.refresh(offer)
    assert offer.status == OfferStatus.PENDING and db.session.scalar(select(Refund)) is None
    result = worker.post("/work-permit/status", data={"number": application.number,
                                                      "date_of_birth": DOB})
    assert "No matching offer." in result.get_data(as_text=True)


def test_an_unknown_number_is_told_to_check_the_number(client, app):
    OfferFactory()
    response = client.post("/work-permit/apply", data=apply_form(None, offer_number="A9999999"))
    assert response.status_code == 302
    page = client.get("/work-permit/submitted").get_data(as_text=True)
    field = page.split('id="not-matched-offer_number"', 1)[1].split("</div>", 1)[0]
    assert "No offer of employment waiting for an application has this number" in field

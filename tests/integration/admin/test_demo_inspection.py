"""The issue 19 walk-through on a freshly seeded database (`bin/run` seeds the demo): the
administrator's "Inspect this employer" on the first demo employer lists its demo offer in
scope straight away, and seeding again adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Employer, Offer, OfferStatus, WorkPermitApplication
from portal.services.sandbox import demo
from tests.admin_helpers import admin_client


def test_the_demo_employer_has_an_offer_in_an_inspections_scope(app):
    client = admin_client(app)  # freezes the clock first
    demo.seed()
    demo.seed()  # idempotent: one demo offer, one approved permit
    employer = db.session.scalars(select(Employer).where(
        Employer.business_number == demo.DEMO_EMPLOYERS[0]["business_number"])).one()
    offer = db.session.scalars(select(Offer).where(Offer.employer_id == employer.id)).one()
    assert offer.status is not OfferStatus.DRAFT and offer.number
    assert db.session.scalar(select(func.count(WorkPermitApplication.id))) == 1
    employer_page = client.get(f"/admin/employers/{employer.id}").get_data(as_text=True)
    assert f"/admin/employers/{employer.id}/inspections/new" in employer_page
    page = client.get(f"/admin/employers/{employer.id}/inspections/new")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and offer.number in html
    response = client.post(f"/admin/employers/{employer.id}/inspections/new", data={
        "ground": "random", "offers": [str(offer.id)], "conditions": ["employment_laws"],
        "documents_requested": "Payroll records"})
    assert response.status_code == 302, response.get_data(as_text=True)

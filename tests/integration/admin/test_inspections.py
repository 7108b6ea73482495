"""The admin's inspection pages (issue 19): open one from the employer's page, record findings,
read the computation step by step, send the preliminary notice, decide; the ban reaches the
public list in English and French and blocks the employer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Inspection, InspectionState
from tests.admin_helpers import admin_client, enrolled_admin, sign_in_admin
from tests.factories import OfferFactory, UserFactory
from tests.inspections_helpers import move_to, permitted_offer
from tests.work_permits_helpers import apply_form

CONDITIONS = ["employment_laws", "abuse_free_workplace"]


def _open(app):
    client = admin_client(app)
    user = UserFactory(employer__operating_name="Orchard Co")
    offer = permitted_offer(user)
    employer_page = client.get(f"/admin/employers/{user.employer_id}").get_data(as_text=True)
    assert f"/admin/employers/{user.employer_id}/inspections/new" in employer_page
    page = client.get(f"/admin/employers/{user.employer_id}/inspections/new")
    assert page.status_code == 200 and offer.number in page.get_data(as_text=True)
    response = client.post(f"/admin/employers/{user.employer_id}/inspections/new", data={
        "ground": "reason_to_suspect", "offers": [str(offer.id)], "conditions": CONDITIONS,
        "documents_requested": "Payroll records"})
    assert response.status_code == 302, response.get_data(as_text=True)
    inspection = db.session.scalars(select(Inspection)).one()
    return client, user, offer, inspection


def test_opening_needs_offers_and_conditions_said_in_english_and_french(app):
    client = admin_client(app)
    user = UserFactory()
    permitted_offer(user)
    url = f"/admin/employers/{user.employer_id}/inspections/new"
    english = client.post(url, data={"ground": "random", "documents_requested": "Payroll"})
    assert english.status_code == 400
    assert "Choose at least one." in english.get_data(as_text=True)
    french = client.post(url + "?lang=fr", data={"ground": "random",
                                                 "documents_requested": "Paie"})
    assert french.status_code == 400
    html = french.get_data(as_text=True)
    assert "Choisissez au moins une option." in html and "Paie" in html  # what was typed stays
    assert db.session.scalars(select(Inspection)).first() is None


def test_findings_show_the_computation_and_the_decision_bans_and_publishes(app):
    client, user, offer, inspection = _open(app)
    page = client.get(f"/admin/inspections/{inspection.id}").get_data(as_text=True)
    assert "Payroll records" in page and offer.number in page
    response = client.post(f"/admin/inspections/{inspection.id}/findings", data={
        "condition": "abuse_free_workplace", "offer": str(offer.id), "element": "physical",
        "outcome": "non_compliant", "severity_abuse": "8"})
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(f"/admin/inspections/{inspection.id}").get_data(as_text=True)
    assert "Type C" in page and "$60,000" in page and "10 year" in page
    french = client.get(f"/admin/inspections/{inspection.id}?lang=fr").get_data(as_text=True)
    assert "Sanction administrative pécuniaire : 60" in french
    client.post(f"/admin/inspections/{inspection.id}/preliminary")
    assert inspection.state is InspectionState.PRELIMINARY
    early = client.post(f"/admin/inspections/{inspection.id}/decision?lang=en",
                        data={"reason_en": "Abuse", "reason_fr": "Mauvais traitements"})
    assert early.status_code == 400
    assert "can be made from" in early.get_data(as_text=True)
    move_to(inspection.preliminary_due_on + timedelta(days=1))
    client = app.test_client()  # the first session timed out in those 40 days
    sign_in_admin(client, enrolled_admin())
    done = client.post(f"/admin/inspections/{inspection.id}/decision?lang=en", data={
        "reason_en": "Physical abuse of a worker", "reason_fr": "Mauvais traitements physiques"})
    assert done.status_code == 302
    public = app.test_client()
    assert "Physical abuse of a worker" in public.get("/non-compliant-employers").get_data(
        as_text=True)
    assert "Mauvais traitements physiques" in public.get(
        "/non-compliant-employers?lang=fr").get_data(as_text=True)
    fresh = OfferFactory(employer=user.employer)
    refused = app.test_client().post("/work-permit/apply?lang=en", data=apply_form(fresh))
    assert "not eligible to hire foreign workers" in refused.get_data(as_text=True)


def test_a_finding_with_an_unknown_condition_is_refused_next_to_the_field(app):
    client, _user, offer, inspection = _open(app)
    response = client.post(f"/admin/inspections/{inspection.id}/findings?lang=fr", data={
        "condition": "no_fees_charged", "offer": str(offer.id), "outcome": "non_compliant"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_inspection_list_renders_in_both_languages(app, lang):
    client, _user, _offer, inspection = _open(app)
    html = client.get(f"/admin/inspections?lang={lang}").get_data(as_text=True)
    assert f"/admin/inspections/{inspection.id}" in html
    assert ("Inspections de conformité" if lang == "fr" else "Compliance inspections") in html

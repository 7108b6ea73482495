"""The employer's inspection pages (issue 19): the notice, answers with documents checked as
evidence, a voluntary disclosure, the reply, paying the penalty; another employer gets 404."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from portal import clock
from tests.factories import OfferFactory, UserFactory
from tests.files import PDF
from tests.inspections_helpers import PENALTY, decided, move_to, opened
from tests.work_permits_helpers import apply_form


def _signed_in(app, auth, user):
    response = auth.sign_in(user.email)
    assert response.status_code == 302


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_notice_shows_conditions_documents_and_deadline(app, client, auth, lang):
    user, offer, inspection, _admin = opened()
    _signed_in(app, auth, user)
    html = client.get(f"/employer/inspections/{inspection.id}?lang={lang}").get_data(as_text=True)
    assert "Payroll records for 2026" in html and offer.number in html
    if lang == "fr":
        assert "Offrir la profession" not in html  # not examined
        assert "Respecter les lois fédérales" in html and "24 décembre 2026" in html
    else:
        assert "Comply with federal and provincial" in html and "December 24, 2026" in html
    listing = client.get("/employer/inspections").get_data(as_text=True)
    assert f"/employer/inspections/{inspection.id}" in listing
    history = client.get("/employer/history").get_data(as_text=True)
    assert "inspection.opened" in history


def test_another_employer_gets_404_on_every_inspection_page(app, client, auth):
    _user, _offer, inspection, _admin = opened()
    _signed_in(app, auth, UserFactory())
    base = f"/employer/inspections/{inspection.id}"
    assert client.get(base).status_code == 404
    assert client.get(f"{base}/documents/1").status_code == 404
    for path in ("/answers", "/reply", "/pay"):
        assert client.post(base + path, data={"explanation": "x", "reply": "x",
                                              "card_number": "4242424242424242",
                                              "expiry": "12/30", "cvc": "123"}).status_code \
            in (400, 404)
    assert "Payroll" not in client.get(base).get_data(as_text=True)


def test_an_answer_with_documents_keeps_what_was_typed_on_a_bad_file(app, client, auth):
    user, offer, inspection, _admin = opened()
    _signed_in(app, auth, user)
    url = f"/employer/inspections/{inspection.id}/answers"
    bad = client.post(url + "?lang=fr", data={
        "condition": "employment_laws", "offer": str(offer.id),
        "explanation": "Voici la paie de mars.",
        "documents": (io.BytesIO(b"MZ not a pdf"), "paie.exe")},
        content_type="multipart/form-data")
    assert bad.status_code == 400
    html = bad.get_data(as_text=True)
    assert "Voici la paie de mars." in html and "PDF" in html
    good = client.post(url, data={
        "condition": "employment_laws", "offer": str(offer.id),
        "explanation": "Payroll for March attached.",
        "documents": (io.BytesIO(PDF), "payroll.pdf")},
        content_type="multipart/form-data")
    assert good.status_code == 302, good.get_data(as_text=True)
    page = client.get(f"/employer/inspections/{inspection.id}").get_data(as_text=True)
    assert "Payroll for March attached." in page and "payroll.pdf" in page
    document = client.get(f"/employer/inspections/{inspection.id}/documents/1")
    assert document.status_code == 200 and document.data.startswith(b"%PDF")


def test_voluntary_disclosure_from_the_portal(app, client, auth):
    user = UserFactory()
    _signed_in(app, auth, user)
    empty = client.post("/employer/inspections/disclose", data={"condition": "employment_laws"})
    assert empty.status_code == 400
    response = client.post("/employer/inspections/disclose", data={
        "condition": "employment_laws", "statement": "Overtime was paid late in March."})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Overtime was paid late in March." in page and "Voluntary disclosure" in page


def test_penalty_paid_with_the_test_card_on_the_page(app, client, auth):
    user, _offer, inspection, _admin = decided(PENALTY)
    _signed_in(app, auth, user)
    url = f"/employer/inspections/{inspection.id}/pay"
    page = client.get(f"/employer/inspections/{inspection.id}").get_data(as_text=True)
    assert "$7,000.00" in page and "4242 4242 4242 4242" in page
    declined = client.post(url, data={"card_number": "4000 0000 0000 0002", "expiry": "12/30",
                                      "cvc": "123"})
    assert declined.status_code == 400 and "declined" in declined.get_data(as_text=True)
    paid = client.post(url, data={"card_number": "4242 4242 4242 4242", "expiry": "12/30",
                                  "cvc": "123"})
    assert paid.status_code == 302
    assert "paid on" in client.get(f"/employer/inspections/{inspection.id}").get_data(as_text=True)


def test_penalty_in_default_shows_and_the_work_permit_step_refuses(app, client, auth):
    user, _offer, inspection, _admin = decided(PENALTY)
    fresh = OfferFactory(employer=user.employer)
    move_to(inspection.penalty_due_on + timedelta(days=1))
    _signed_in(app, auth, user)
    page = client.get(f"/employer/inspections/{inspection.id}").get_data(as_text=True)
    assert "is in default" in page
    worker = app.test_client()
    refused = worker.post("/work-permit/apply?lang=en", data=apply_form(fresh))
    assert "has not paid an administrative monetary penalty" in refused.get_data(as_text=True)
    clock.advance(timedelta(days=1))


def test_reply_to_the_preliminary_finding(app, client, auth):
    user, offer, inspection, admin = opened()
    from portal.services.inspections import decisions, findings

    findings.record_finding(actor=admin, inspection_id=inspection.id, given=findings.FindingInput(
        "employment_laws", offer.id, PENALTY.outcome, severity=PENALTY.severity))
    decisions.issue_preliminary(actor=admin, inspection_id=inspection.id)
    _signed_in(app, auth, user)
    url = f"/employer/inspections/{inspection.id}/reply"
    assert client.post(url, data={"reply": ""}).status_code == 400
    assert client.post(url, data={"reply": "We repaid the overtime."}).status_code == 302
    page = client.get(f"/employer/inspections/{inspection.id}").get_data(as_text=True)
    assert "We repaid the overtime." in page

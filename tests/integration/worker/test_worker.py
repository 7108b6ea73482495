"""The worker's pages: checking an offer (leaks nothing on failure, rate-limited), applying,
seeing the result and the decision, and the employer seeing the offer matched."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (
    AuditEvent,
    Employer,
    OfferStatus,
    VerificationAttempt,
    WorkPermitApplication,
)
from portal.rules import numbers
from tests.factories import OfferFactory, UserFactory
from tests.work_permits_helpers import DOB, apply_form, exempt_employer


def verify(client, number, passport, dob=DOB):
    return client.post(
        "/verify-offer",
        data={"number": number, "passport_number": passport, "date_of_birth": dob},
    )


# --- verification --------------------------------------------------------------------------


def test_verification_shows_only_what_the_worker_may_see(client, app):
    offer = OfferFactory(job_title="Software engineer", noc_code="21231", code_key="T36")
    response = verify(client, offer.number, offer.worker_passport_number)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    for shown in (offer.number, "Software engineer", "21231", "T36", "Ontario", "Pending",
                  "Paid", "You can use this number"):
        assert shown in body, shown
    # No wage, no address, no worker name.
    for hidden in ("55.00", "5500", "1 Main Street", "Rivera", "K1P 1J9"):
        assert hidden not in body, hidden


def test_verification_says_matched_and_withdrawn_offers_cannot_be_used(client, app):
    matched = OfferFactory(status=OfferStatus.MATCHED)
    body = verify(client, matched.number, matched.worker_passport_number).get_data(as_text=True)
    assert "already used" in body
    withdrawn = OfferFactory(status=OfferStatus.WITHDRAWN)
    body = verify(client, withdrawn.number, withdrawn.worker_passport_number).get_data(
        as_text=True
    )
    assert "cannot be used" in body


def _without_typed(body: str, *typed: str) -> str:
    for value in typed:
        body = body.replace(value, "")
    return body


def test_every_kind_of_failure_gets_the_same_page(client, app):
    offer = OfferFactory(worker_passport_number="XY987654")
    cases = {
        "unknown number": ("A9999999", "XY987654", DOB),
        "wrong passport": (offer.number, "XY98765", DOB),
        "wrong date of birth": (offer.number, "XY987654", "1990-04-26"),
        "passport case": (offer.number, "xy987654", DOB),
    }
    pages = {}
    for name, (number, passport, dob) in cases.items():
        response = verify(client, number, passport, dob)
        pages[name] = (response.status_code,
                       _without_typed(response.get_data(as_text=True), number, passport, dob))
    statuses = {status for status, _ in pages.values()}
    bodies = {body for _, body in pages.values()}
    assert len(statuses) == 1 and len(bodies) == 1, pages.keys()
    assert "We could not confirm an offer with these details" in next(iter(bodies))
    assert "A followed by 7 digits" not in next(iter(bodies)).replace("letter A followed", "")


def test_a_malformed_number_fails_the_same_way_with_the_format_hint(client, app):
    response = verify(client, "a1234567", "XY987654")
    body = response.get_data(as_text=True)
    assert "We could not confirm an offer with these details" in body
    assert "capital letter A followed by 7 digits" in body


def test_every_attempt_is_logged_without_the_passport_number_in_clear(client, app):
    offer = OfferFactory(worker_passport_number="ZZ1234567")
    verify(client, offer.number, "ZZ1234567")
    verify(client, offer.number, "ZZ7654321")
    attempts = db.session.scalars(select(VerificationAttempt)).all()
    assert [a.succeeded for a in attempts] == [True, False]
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action.like("worker.offer_verif%"))
    ).all()
    assert len(events) == 2
    stored = " ".join(
        f"{a.number_key} {a.passport_key}" for a in attempts
    ) + " ".join(e.details for e in events)
    assert "ZZ1234567" not in stored and "ZZ7654321" not in stored
    assert attempts[0].passport_key and len(attempts[0].passport_key) == 64


def test_the_qr_link_fills_in_the_number_and_confirms_a_genuine_document(client, app):
    offer = OfferFactory()
    code = numbers.format_verification_code(
        numbers.verification_code(offer.number, app.config["SECRET_KEY"].encode())
    )
    body = client.get(f"/verify-offer?number={offer.number}&code={code}").get_data(as_text=True)
    assert f'value="{offer.number}"' in body
    assert "This confirmation document is genuine" in body and "Pending" in body
    assert offer.job_title not in body
    forged = client.get(f"/verify-offer?number={offer.number}&code=ABCDE-FGHJK")
    assert "genuine" not in forged.get_data(as_text=True)


def test_verification_is_rate_limited_per_address(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_WORKER_ATTEMPTS="3 per minute",
                   VERIFY_OFFER_FAILURES_PER_HOUR=100)
    client = app.test_client()
    with app.app_context():
        codes = [verify(client, "A1111111", "P1").status_code for _ in range(4)]
        assert codes[:3] == [200, 200, 200]
        assert codes[3] == 429
        page = verify(client, "A1111111", "P1").get_data(as_text=True)
        assert "Too many attempts" in page


def _check(client, offer, passport, address):
    return client.post("/verify-offer", data={"number": offer.number, "passport_number": passport,
                                              "date_of_birth": DOB},
                       environ_base={"REMOTE_ADDR": address})


def test_failures_lock_only_the_failing_address_and_the_employer_sees_the_probing(
        make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_WORKER_ATTEMPTS="100 per minute")
    client = app.test_client()
    with app.app_context():
        offer = OfferFactory()
        for i in range(5):
            assert _check(client, offer, f"WRONG{i}", "198.51.100.1").status_code == 200
        # The guessing address is locked out, even with the right details...
        blocked = _check(client, offer, offer.worker_passport_number, "198.51.100.1")
        assert blocked.status_code == 429
        assert "Too many attempts" in blocked.get_data(as_text=True)
        # ...but the real worker, from an address that has not failed, gets through.
        worker = _check(client, offer, offer.worker_passport_number, "203.0.113.9")
        assert worker.status_code == 200 and offer.job_title in worker.get_data(as_text=True)
        user = UserFactory(employer=db.session.get(Employer, offer.employer_id))
        db.session.commit()
        employer = app.test_client()
        employer.post("/sign-in", data={"email": user.email,
                                        "password": "plum-orbit-canvas-lantern-42"})
        page = employer.get(f"/employer/offers/{offer.id}").get_data(as_text=True)
        assert "number: 5 checks with wrong details" in page, page[-3000:]
        assert "from 1 addresses" in page
        french = employer.get(f"/employer/offers/{offer.id}?lang=fr").get_data(as_text=True)
        assert "essaie le numéro de cette offre : 5 vérifications" in french


def test_failures_per_number_from_every_address_have_a_higher_ceiling(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_WORKER_ATTEMPTS="100 per minute",
                   VERIFY_OFFER_FAILURES_PER_NUMBER_PER_HOUR=8)
    client = app.test_client()
    with app.app_context():
        offer = OfferFactory()
        for i in range(8):
            assert _check(client, offer, "WRONG", f"198.51.100.{i + 1}").status_code == 200
        blocked = _check(client, offer, offer.worker_passport_number, "203.0.113.9")
        assert blocked.status_code == 429


def test_a_link_prefills_the_number_only_and_the_form_posts_to_a_bare_url(client, app):
    offer = OfferFactory()
    response = client.get(
        f"/verify-offer?number={offer.number}&passport_number={offer.worker_passport_number}"
    )
    body = response.get_data(as_text=True)
    assert f'value="{offer.number}"' in body
    assert f'value="{offer.worker_passport_number}"' not in body
    assert 'method="post" action="/verify-offer"' in body


# --- the work permit step ------------------------------------------------------------------


def test_apply_matches_the_offer_and_shows_the_result(client, app):
    offer = OfferFactory(code_key="T36", noc_code="21231", teer=1, worker_citizenship="US")
    response = client.post("/work-permit/apply", data=apply_form(offer))
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/work-permit/submitted")
    page = client.get("/work-permit/submitted").get_data(as_text=True)
    application = db.session.scalar(select(WorkPermitApplication))
    assert application.number in page
    assert "No visa and no eTA needed" in page
    assert "$155.00" in page and "U.S. nationals do not give biometrics" in page
    assert "Eligible for 2-week processing" in page
    assert "Not decided yet" in page
    db.session.refresh(offer)
    assert offer.status == OfferStatus.MATCHED


def test_a_mismatch_is_accepted_unmatched_and_explained_on_the_field(client, app):
    offer = OfferFactory(worker_passport_number="AB123456")
    response = client.post("/work-permit/apply",
                           data=apply_form(offer, passport_number="AB-123456"))
    assert response.status_code == 302
    body = client.get("/work-permit/submitted").get_data(as_text=True)
    assert "Submitted, not matched" in body
    field = body.split('id="not-matched-passport_number"', 1)[1].split("</div>", 1)[0]
    assert "AB-123456" in field and "not the one on the offer" in field
    assert "AB123456" not in body
    assert db.session.scalar(select(func.count(WorkPermitApplication.id))) == 1
    db.session.refresh(offer)
    assert offer.status == OfferStatus.PENDING


def test_a_second_application_on_the_same_number_is_refused_on_the_form(client, app):
    offer = OfferFactory()
    assert client.post("/work-permit/apply", data=apply_form(offer)).status_code == 302
    body = client.post("/work-permit/apply", data=apply_form(offer)).get_data(as_text=True)
    assert "already used in a work permit application" in body


def test_other_and_open_permits_need_no_offer_number(client, app):
    exempt_employer("Embassy of Norway")
    response = client.post("/work-permit/apply",
                           data=apply_form(None, permit_type="other", offer_number="",
                                           employer_name="Embassy of Norway"))
    assert response.status_code == 302
    open_response = client.post(
        "/work-permit/apply",
        data=apply_form(None, permit_type="open", offer_number="", open_code="C43",
                        citizenship="IN", residence_country="CA", applies_from="inside"),
    )
    assert open_response.status_code == 302
    page = client.get("/work-permit/submitted").get_data(as_text=True)
    assert "Open work permit holder fee" in page and "$100.00" in page


def test_the_result_is_found_by_application_number_and_date_of_birth(client, app):
    offer = OfferFactory()
    client.post("/work-permit/apply", data=apply_form(offer))
    number = db.session.scalar(select(WorkPermitApplication.number))
    other = app.test_client()
    wrong = other.post("/work-permit/status",
                       data={"number": number, "date_of_birth": "1991-01-01"})
    assert "Work permit processing fee" not in wrong.get_data(as_text=True)
    assert "No application matches" in wrong.get_data(as_text=True)
    right = other.post("/work-permit/status", data={"number": number, "date_of_birth": DOB})
    assert "Work permit application " + number in right.get_data(as_text=True)


def test_the_pages_speak_french(client, app):
    offer = OfferFactory()
    client.get("/verify-offer?lang=fr")
    body = verify(client, offer.number, offer.worker_passport_number).get_data(as_text=True)
    assert "En attente" in body or "en attente" in body
    client.post("/work-permit/apply", data=apply_form(offer))
    page = client.get("/work-permit/submitted").get_data(as_text=True)
    assert "Frais de traitement du permis de travail" in page and "155,00" in page


@pytest.mark.parametrize("path", ["/verify-offer", "/work-permit/apply", "/work-permit/status"])
def test_the_forms_render(client, app, path):
    response = client.get(path)
    assert response.status_code == 200
    assert len(re.findall(r"<h1[ >]", response.get_data(as_text=True))) == 1


# --- the employer's side -------------------------------------------------------------------


def test_the_employer_dashboard_shows_the_offer_matched(client, app, auth):
    user = UserFactory()
    offer = OfferFactory(employer=user.employer)
    assert client.post("/work-permit/apply", data=apply_form(offer)).status_code == 302
    auth.sign_in(user.email)
    body = client.get("/employer/").get_data(as_text=True)
    assert offer.number in body and "Matched" in body

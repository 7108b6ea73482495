"""The employer sees a refund's state and the expected day of its next step on the offer's page
and in the API's refund, in English and in French, with the simulator's timing said plainly."""

from __future__ import annotations

from datetime import UTC, date, datetime

from portal import clock
from portal.services.offers.lifecycle import withdraw_offer
from tests.api_helpers import bearer, make_key
from tests.factories import OfferFactory
from tests.offers_helpers import actor_for
from tests.refunds_helpers import move_to, run_refunds_task


def withdrawn(user):
    clock.freeze(datetime(2026, 11, 26, 14, 0, tzinfo=UTC))  # a Thursday
    offer = OfferFactory(employer=user.employer)
    withdraw_offer(offer_id=offer.id, actor=actor_for(user), reason="Position cancelled.")
    return offer


def page(client, auth, user, offer, lang: str = "en") -> str:
    """The offer's page, signed in afresh (the clock moved past the session's timeout)."""
    auth.sign_out()
    assert auth.sign_in(user.email).status_code == 302
    return client.get(f"/employer/offers/{offer.id}?lang={lang}").get_data(as_text=True)


def test_the_offer_page_shows_each_step_and_the_next_ones_day(client, auth, employer_user):
    offer = withdrawn(employer_user)
    text = page(client, auth, employer_user, offer)
    assert "Refund of the fee" in text and "Requested" in text
    assert "requested on November 26, 2026; approval expected on December 3, 2026." in text
    assert "IRCC's real timing is not verified: about 8 weeks" in text
    move_to(date(2026, 12, 3))
    run_refunds_task()
    text = page(client, auth, employer_user, offer)
    assert "Approved for payment" in text
    assert "approved on December 3, 2026; expected to be issued on December 10, 2026." in text
    move_to(date(2026, 12, 10))
    run_refunds_task()
    text = page(client, auth, employer_user, offer)
    assert "issued on December 10, 2026." in text and "expected" not in text.split(
        "Refund of the fee")[1].split("</dd>")[0]


def test_the_offer_page_in_french(client, auth, employer_user):
    offer = withdrawn(employer_user)
    move_to(date(2026, 12, 3))
    run_refunds_task()
    text = page(client, auth, employer_user, offer, "fr")
    assert "Remboursement des frais" in text and "Approuvé pour versement" in text
    assert "approuvé le 3 décembre 2026; émission prévue le 10 décembre 2026." in text
    assert "Le délai réel d'IRCC n'est pas vérifié : environ 8 semaines" in text
    assert "Approved for payment" not in text


def test_the_api_refund_has_its_state_and_the_next_steps_day(client, employer_user):
    offer = withdrawn(employer_user)
    token = make_key(employer_user)
    body = client.get(f"/api/v1/offers/{offer.id}/refund", headers=bearer(token)).get_json()
    assert body | {"state": "requested", "requested_on": "2026-11-26", "approved_on": None,
                   "expected_approved_on": "2026-12-03", "expected_issued_on": "2026-12-10",
                   "next_step_on": "2026-12-03", "issued_on": None} == body
    move_to(date(2026, 12, 3))
    run_refunds_task()
    french = client.get(f"/api/v1/offers/{offer.id}/refund",
                        headers=bearer(token, **{"Accept-Language": "fr"})).get_json()
    assert french | {"state": "approved", "state_label": "Approuvé pour versement",
                     "approved_on": "2026-12-03", "next_step_on": "2026-12-10"} == french
    move_to(date(2026, 12, 10))
    run_refunds_task()
    body = client.get(f"/api/v1/offers/{offer.id}/refund", headers=bearer(token)).get_json()
    assert body | {"state": "issued", "state_label": "Issued", "issued_on": "2026-12-10",
                   "next_step_on": None} == body

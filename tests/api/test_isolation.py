"""Isolation between employers: employer A's key, with every scope, gets 404 (never 403, 409 or
422, which would say the object exists) for every object of employer B, through every
operation that takes an id: B's draft, B's submitted offer, B's withdrawn offer and B's
evidence file, also asked for under A's own offer. Nothing of B's changes. The operations are
read from the app's routes, so a new one is covered (or fails here until it is)."""

from __future__ import annotations

import io
import itertools

from sqlalchemy import func, select

from portal.api.schemas.offers_examples import SECTION_EXAMPLES
from portal.extensions import db
from portal.models import EvidenceFile, Offer, Payment
from tests.api_helpers import bearer, make_key
from tests.factories import UserFactory
from tests.files import PDF
from tests.offers_helpers import complete_draft

ITEM = "employer-s-explanation-of-how-the"
CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/30", "cvc": "123"}
_keys = itertools.count()


def _multipart(**fields):
    return lambda: {"data": {name: (io.BytesIO(value), "proof.pdf") if isinstance(value, bytes)
                             else value for name, value in fields.items()},
                    "content_type": "multipart/form-data"}


# A valid request for each operation that takes an id (by endpoint), so that nothing but the
# object's owner can stop it.
BODIES = {
    **{f"api_offer_sections.save_{name}": (lambda values=values: {"json": values})
       for name, values in SECTION_EXAMPLES.items()},
    "api_offer_actions.pay_and_submit": lambda: {"json": CARD},
    "api_offer_actions.withdraw": lambda: {"json": {"reason": "The worker declined."}},
    "api_offer_actions.claim_fee_exemption": _multipart(reason="Research chair.", proof=PDF),
    "api_evidence.upload_evidence": _multipart(item_id=ITEM, file=PDF),
}


def _call(client, token, method, path, endpoint):
    request = BODIES.get(endpoint, dict)()
    headers = bearer(token, **{"Idempotency-Key": f"isolation-{next(_keys)}"})
    return client.open(path, method=method, headers=headers, **request)


def _operations(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and "<int:offer_id>" in rule.rule:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, rule


def _employer_b(client):
    user = UserFactory()
    token = make_key(user)
    draft = complete_draft(user)
    uploaded = client.post(f"/api/v1/offers/{draft.id}/evidence", headers=bearer(token),
                           content_type="multipart/form-data",
                           data={"item_id": ITEM, "file": (io.BytesIO(PDF), "passport.pdf")})
    assert uploaded.status_code == 201, uploaded.get_json()
    offers = {"draft": draft.id}
    for status in ("pending", "withdrawn"):
        offer = complete_draft(user)
        paid = client.post(f"/api/v1/offers/{offer.id}/payment", json=CARD,
                           headers=bearer(token, **{"Idempotency-Key": f"b-{status}"}))
        assert paid.status_code == 201, paid.get_json()
        offers[status] = offer.id
    withdrawn = client.post(f"/api/v1/offers/{offers['withdrawn']}/withdrawal",
                            json={"reason": "Declined."}, headers=bearer(token))
    assert withdrawn.status_code == 200, withdrawn.get_json()
    return token, offers, uploaded.get_json()["id"]


def _state():
    db.session.rollback()
    return (sorted((o.id, str(o.status), o.updated_at.isoformat())
                   for o in db.session.scalars(select(Offer))),
            db.session.scalar(select(func.count(Payment.id))),
            db.session.scalar(select(func.count(EvidenceFile.id))))


def test_another_employers_objects_are_not_found_through_any_operation(app, client,
                                                                        employer_user):
    b_token, b_offers, b_file = _employer_b(client)
    a_token = make_key(employer_user)
    a_draft = complete_draft(employer_user).id
    before = _state()
    tried = set()
    for method, rule in _operations(app):
        endpoint = rule.endpoint
        assert method == "GET" or method == "DELETE" or endpoint in BODIES or \
            endpoint.endswith(("copy_offer", "submit")), f"give {endpoint} a valid body"
        offer_ids = [(offer_id, b_file) for offer_id in b_offers.values()]
        if "<int:file_id>" in rule.rule:
            offer_ids.append((a_draft, b_file))  # B's file under A's own offer
        for offer_id, file_id in offer_ids:
            path = rule.rule.replace("<int:offer_id>", str(offer_id)).replace(
                "<int:file_id>", str(file_id))
            response = _call(client, a_token, method, path, endpoint)
            assert response.status_code == 404, (method, path, response.get_json())
            assert response.mimetype == "application/problem+json"
            assert response.get_json()["code"].endswith("not_found"), response.get_json()
            tried.add((method, rule.rule))
    assert len(tried) >= 20
    after = _state()
    a_offers = {o for o, _s, _u in after[0]} - {o for o, _s, _u in before[0]}
    assert not a_offers and after == before  # no copy made, nothing of B's changed
    mine = client.get(f"/api/v1/offers/{b_offers['pending']}", headers=bearer(b_token))
    assert mine.status_code == 200  # the objects exist: B sees them


def test_another_employers_offers_are_not_listed(client, employer_user):
    _employer_b(client)
    listed = client.get("/api/v1/offers", headers=bearer(make_key(employer_user)))
    assert listed.status_code == 200 and listed.get_json()["offers"] == []

"""The final decision with a penalty emits employer.penalty_imposed to the employer's webhooks:
the amount, currency and due day, and nothing personal about the worker (issue 19 item 5)."""

from __future__ import annotations

import json

from sqlalchemy import select

from portal.extensions import db
from portal.models import WebhookEvent
from portal.services.webhooks import endpoints
from portal.services.webhooks.addresses import UrlPolicy
from tests.factories import UserFactory
from tests.inspections_helpers import PENALTY, decided, employer_actor


def test_a_penalty_decision_emits_penalty_imposed_without_personal_data(app):
    user = UserFactory(preferred_language="en")
    endpoints.create_endpoint(actor=employer_actor(user), url="https://hooks.example.com/p",
                              events=["employer.penalty_imposed"],
                              policy=UrlPolicy(https_only=False, allow_private=False))
    _, offer, inspection, _ = decided(PENALTY, user)
    [event] = [json.loads(e.payload) for e in db.session.scalars(select(WebhookEvent))]
    assert event["type"] == "employer.penalty_imposed"
    assert event["data"]["inspection"]["id"] == inspection.id
    assert event["data"]["penalty"] == {"amount_cents": 700_000, "currency": "CAD",
                                        "due_on": inspection.penalty_due_on.isoformat()}
    assert offer.worker_family_name not in json.dumps(event)
    assert offer.worker_passport_number not in json.dumps(event)

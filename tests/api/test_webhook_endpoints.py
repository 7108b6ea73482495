"""/api/v1/webhook-endpoints: create (the whsec_ secret once), list, read, change (enabled,
events), delete, through the same services as the Webhooks page; scopes, the primary user
only, another employer's endpoint 404, problem+json in English and French, and the OpenAPI
document describes it. An endpoint made here gets its events, signed."""

from __future__ import annotations

import pytest

from portal.services.offers.lifecycle import withdraw_offer
from tests.api_helpers import bearer, make_key
from tests.factories import OfferFactory, UserFactory
from tests.jobs_helpers import tasks_at_once
from tests.offers_helpers import actor_for

BASE = "/api/v1/webhook-endpoints"


@pytest.fixture
def token(employer_user) -> str:
    return make_key(employer_user, "read,prepare")


def create(client, token: str, **body):
    body = {"url": "https://hooks.example.com/portal", "events": ["offer.submitted"], **body}
    return client.post(BASE, json=body, headers=bearer(token))


def test_create_returns_the_secret_once_then_list_read_change_delete(client, token):
    made = create(client, token, description="HR system")
    assert made.status_code == 201, made.text
    body = made.get_json()
    assert body["secret"].startswith("whsec_") and body["events"] == ["offer.submitted"]
    assert body["enabled"] is True and body["description"] == "HR system"
    assert made.headers["Location"].endswith(f"{BASE}/{body['id']}")
    listed = client.get(BASE, headers=bearer(token)).get_json()
    assert [e["id"] for e in listed["endpoints"]] == [body["id"]]
    read = client.get(f"{BASE}/{body['id']}", headers=bearer(token))
    assert read.status_code == 200 and "secret" not in read.get_json()
    assert body["secret"] not in read.text + client.get(BASE, headers=bearer(token)).text
    changed = client.patch(f"{BASE}/{body['id']}", headers=bearer(token),
                           json={"enabled": False, "events": ["offer.paid", "offer.matched"]})
    assert changed.status_code == 200, changed.text
    assert changed.get_json()["enabled"] is False
    assert changed.get_json()["events"] == ["offer.paid", "offer.matched"]
    gone = client.delete(f"{BASE}/{body['id']}", headers=bearer(token))
    assert gone.status_code == 204
    assert client.get(f"{BASE}/{body['id']}", headers=bearer(token)).status_code == 404
    assert client.get(BASE, headers=bearer(token)).get_json() == {"endpoints": []}


@pytest.mark.parametrize(("body", "pointer", "code"), [
    ({"url": "ftp://hooks.example.com/"}, "/url", "webhook.url_invalid"),
    ({"url": "http://10.0.0.8/hook"}, "/url", "webhook.url_private"),
    ({"events": ["offer.exploded"]}, "/events/0", "choice"),
    ({"events": []}, "/events", "length"),
    ({"secret": "whsec_mine"}, "/secret", "unknown_field"),
])
def test_bad_input_is_422_problem_json_naming_the_field(make_app, app, employer_user, body,
                                                        pointer, code):
    strict = make_app(WEBHOOKS_ALLOW_PRIVATE=False).test_client()
    token = make_key(employer_user, "read,prepare")
    response = create(strict, token, **body)
    assert response.status_code == 422, response.text
    assert response.mimetype == "application/problem+json"
    errors = response.get_json()["errors"]
    assert any(e["pointer"] == pointer and e["code"] == code for e in errors), errors


def test_problems_speak_french(make_app, app, employer_user):
    strict = make_app(WEBHOOKS_ALLOW_PRIVATE=False).test_client()
    token = make_key(employer_user, "read,prepare")
    response = strict.post(BASE, json={"url": "http://192.168.1.4/", "events": ["offer.paid"]},
                           headers=bearer(token, **{"Accept-Language": "fr"}))
    assert "réseau privé" in response.get_json()["detail"]


def test_scopes_and_the_primary_user(client, employer_user):
    read_only = make_key(employer_user, "read")
    assert client.get(BASE, headers=bearer(read_only)).status_code == 200
    refused = create(client, read_only)
    assert refused.status_code == 403 and refused.get_json()["code"] == "scope.missing"
    colleague = UserFactory(employer=employer_user.employer, role="employer_secondary")
    theirs = make_key(colleague, "read,prepare")
    assert create(client, theirs).status_code == 403
    assert client.get(BASE).status_code == 401


def test_another_employers_endpoint_is_not_found(client, token):
    made = create(client, token).get_json()
    stranger = make_key(UserFactory(), "read,prepare")
    for method in ("get", "delete"):
        assert getattr(client, method)(f"{BASE}/{made['id']}",
                                       headers=bearer(stranger)).status_code == 404
    assert client.patch(f"{BASE}/{made['id']}", json={"enabled": False},
                        headers=bearer(stranger)).status_code == 404


def test_the_openapi_document_describes_the_resource(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operations = spec["paths"][BASE]
    assert set(operations) >= {"get", "post"}
    assert set(spec["paths"][BASE + "/{endpoint_id}"]) >= {"get", "patch", "delete"}
    created = operations["post"]["responses"]["201"]["content"]["application/json"]["schema"]
    assert created



def test_an_endpoint_made_through_the_api_gets_signed_events(client, app, employer_user, token,
                                                             receiver):
    made = create(client, token, url=receiver.url, events=["offer.withdrawn"]).get_json()
    receiver.secret = made["secret"]
    offer = OfferFactory(employer=employer_user.employer)
    with tasks_at_once():
        withdraw_offer(offer_id=offer.id, actor=actor_for(employer_user), reason="Cancelled.")
    assert receiver.types() == ["offer.withdrawn"] and receiver.received[0].verified


def test_deliveries_a_test_event_and_a_replay_through_the_api(client, app, employer_user, token,
                                                              receiver):
    made = create(client, token, url=receiver.url).get_json()
    receiver.secret = made["secret"]
    with tasks_at_once():
        sent = client.post(f"{BASE}/{made['id']}/test", headers=bearer(token))
        assert sent.status_code == 202, sent.text
        first = sent.get_json()
        again = client.post(f"{BASE}/{made['id']}/deliveries/{first['id']}/replay",
                            headers=bearer(token))
        assert again.status_code == 202 and again.get_json()["replay_of"] == first["id"]
    listed = client.get(f"{BASE}/{made['id']}/deliveries", headers=bearer(token)).get_json()
    newest, oldest = listed["deliveries"]
    assert (newest["state"], oldest["state"]) == ("delivered", "delivered")
    assert newest["webhook_id"] == oldest["webhook_id"] == receiver.received[0].webhook_id
    assert oldest["response_status"] == 200 and oldest["response_excerpt"] == '{"ok": true}'
    assert len(receiver.received) == 2 and len(receiver.effects) == 1
    other = create(client, token).get_json()
    wrong = client.post(f"{BASE}/{other['id']}/deliveries/{first['id']}/replay",
                        headers=bearer(token))
    assert wrong.status_code == 404  # the delivery is another endpoint's
    stranger = make_key(UserFactory(), "read,prepare")
    assert client.get(f"{BASE}/{made['id']}/deliveries",
                      headers=bearer(stranger)).status_code == 404

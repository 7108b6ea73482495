"""The Webhooks page (/employer/webhooks), in English and French: add an endpoint (its secret
shown once), a clear message for a bad, private or event-less endpoint, an endpoint's
deliveries with their status, timing and answer, a test event, a replay, its events, on/off and
delete; only the primary user, only the employer's own endpoints."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory
from tests.webhook_helpers import Receiver, Reply


def add(client, url: str, events=("offer.submitted", "offer.paid"), lang: str = "en"):
    data = {"url": url, "description": "HR system", "submit": "1"}
    for event in events:
        data["event_" + event.replace(".", "_")] = "y"
    return client.post(f"/employer/webhooks?lang={lang}", data=data)


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match is not None, pattern
    return match.group(1)


def added(client, receiver: Receiver) -> int:
    page = add(client, receiver.url)
    assert page.status_code == 200, page.text
    receiver.secret = found(r'value="(whsec_[^"]+)"', page.text)
    return int(found(r'/employer/webhooks/(\d+)"', page.text))


def test_adding_an_endpoint_shows_its_secret_once(client, signed_in, receiver):
    empty = client.get("/employer/webhooks")
    assert empty.status_code == 200 and "no webhook endpoints yet" in empty.text
    assert "<h1>Webhooks</h1>" in empty.text or ">Webhooks</h1>" in empty.text
    page = add(client, receiver.url)
    assert "Copy the signing secret now" in page.text
    secret = re.search(r'value="(whsec_[^"]+)"', page.text).group(1)
    listing = client.get("/employer/webhooks")
    assert receiver.url.replace("&", "&amp;") in listing.text or "127.0.0.1" in listing.text
    assert "offer.submitted, offer.paid" in listing.text and secret not in listing.text
    endpoint_id = int(re.search(r'/employer/webhooks/(\d+)"', listing.text).group(1))
    assert secret not in client.get(f"/employer/webhooks/{endpoint_id}").text


def test_the_page_is_in_french(client, signed_in):
    page = client.get("/employer/webhooks?lang=fr")
    assert 'lang="fr"' in page.text and "Ajouter un point de terminaison" in page.text
    assert "Une offre est présentée" in page.text


@pytest.mark.parametrize(("url", "english", "french"), [
    ("ftp://hooks.example.com/", "Enter the endpoint's full address",
     "Entrez l'adresse complète du point de terminaison"),
    ("http://10.0.0.7/hooks", "private, loopback, link-local or multicast",
     "réseau privé, de bouclage"),
])
def test_a_bad_address_gets_a_clear_message(make_app, app, url, english, french):
    strict = make_app(WEBHOOKS_ALLOW_PRIVATE=False)
    client = strict.test_client()
    user = UserFactory()
    assert client.post("/sign-in", data={"email": user.email,
                                         "password": TEST_PASSWORD}).status_code == 302
    for lang, words in (("en", english), ("fr", french)):
        page = add(client, url, lang=lang)
        assert page.status_code == 200 and words in html.unescape(page.text)
        assert 'aria-invalid="true"' in page.text


def test_an_endpoint_needs_an_event(client, signed_in):
    page = add(client, "https://hooks.example.com/", events=())
    assert "Choose at least one event." in page.text


def test_the_endpoint_page_lists_deliveries_sends_a_test_event_and_replays(
        client, signed_in, receiver, immediate):
    receiver.replies = [Reply(500, body=b"upstream exploded")]
    endpoint_id = added(client, receiver)
    assert client.post(f"/employer/webhooks/{endpoint_id}/test").status_code == 302
    page = client.get(f"/employer/webhooks/{endpoint_id}")
    assert "webhook.test" in page.text and "HTTP 500" in page.text
    assert "upstream exploded" in page.text and "Failed, will be retried" in page.text
    delivery_id = int(re.search(r"/deliveries/(\d+)/replay", page.text).group(1))
    replayed = client.post(f"/employer/webhooks/{endpoint_id}/deliveries/{delivery_id}/replay")
    assert replayed.status_code == 302
    page = client.get(f"/employer/webhooks/{endpoint_id}?lang=fr")
    assert "Livrée" in page.text and "HTTP 200" in page.text
    assert len(receiver.received) == 2 and all(r.verified for r in receiver.received)
    assert receiver.received[0].webhook_id == receiver.received[1].webhook_id


def test_events_on_off_and_delete(client, signed_in, receiver):
    endpoint_id = added(client, receiver)
    saved = client.post(f"/employer/webhooks/{endpoint_id}", data={
        "event_offer_withdrawn": "y", "submit": "1"}, follow_redirects=True)
    assert "The endpoint's events were saved." in html.unescape(saved.text)
    assert 'id="event_offer_withdrawn" name="event_offer_withdrawn" type="checkbox" value="y"' \
        in saved.text.replace(" checked", "") and "checked" in saved.text
    none = client.post(f"/employer/webhooks/{endpoint_id}", data={"submit": "1"})
    assert none.status_code == 200 and "Choose at least one event." in none.text
    off = client.post(f"/employer/webhooks/{endpoint_id}/enabled", data={"enabled": "off"},
                      follow_redirects=True)
    assert "The endpoint is off" in off.text and "Turn on" in off.text
    on = client.post(f"/employer/webhooks/{endpoint_id}/enabled", data={"enabled": "on"},
                     follow_redirects=True)
    assert "The endpoint is on" in on.text
    gone = client.post(f"/employer/webhooks/{endpoint_id}/delete", follow_redirects=True)
    assert "The endpoint was deleted." in gone.text and "no webhook endpoints yet" in gone.text
    assert client.get(f"/employer/webhooks/{endpoint_id}").status_code == 404


def test_only_the_primary_user_and_only_their_employers_endpoints(client, signed_in, receiver,
                                                                  make_app):
    endpoint_id = added(client, receiver)
    other = make_app().test_client()
    stranger = UserFactory()
    other.post("/sign-in", data={"email": stranger.email, "password": TEST_PASSWORD})
    assert other.get(f"/employer/webhooks/{endpoint_id}").status_code == 404
    assert other.post(f"/employer/webhooks/{endpoint_id}/delete").status_code == 404
    colleague_client = make_app().test_client()
    colleague = UserFactory(employer=signed_in.employer, role="employer_secondary")
    colleague_client.post("/sign-in", data={"email": colleague.email,
                                            "password": TEST_PASSWORD})
    assert colleague_client.get("/employer/webhooks").status_code == 403


def test_forms_need_their_csrf_token(make_app, app):
    guarded = make_app(WTF_CSRF_ENABLED=True)
    client = guarded.test_client()
    user = UserFactory()
    sign_in = client.get("/sign-in")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', sign_in.text).group(1)
    client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD,
                                  "csrf_token": token})
    page = add(client, "https://hooks.example.com/")
    assert "Copy the signing secret" not in page.text
    assert 'name="csrf_token"' in client.get("/employer/webhooks").text

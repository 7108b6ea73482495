"""Every "fix this" link on the offer pages lands on an element that exists (issue 13 item 20).

The review page, the rules boxes of each section and the pay page link to the field to fix
(`/employer/offers/<id>/wages-and-benefits#wage`). A link whose fragment names no id on its
target page drops the user at the top of the form, so this walks every offer page in several
states (empty, contradicting the rules, complete, submitted, withdrawn), in both languages, and
follows every same-site link with a fragment.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from portal.extensions import db
from portal.services.offers.drafts import create_draft, save_section
from tests.offers_helpers import actor_for, complete_draft

PAGES = ("", "/exemption-code", "/foreign-worker", "/job", "/wages-and-benefits", "/attestations",
         "/evidence", "/business-information", "/review", "/pay", "/fee-exemption")
_LINK = re.compile(r'href="([^"]*#[^"]+)"')


def _contradicting_draft(user):
    """A draft whose values break a rule in every section the rules look at."""
    actor = actor_for(user)
    offer = create_draft(actor=actor)
    save_section(offer_id=offer.id, actor=actor, section="code", values={
        "code_key": "T36", "answers": {}, "explanation": "x"})
    save_section(offer_id=offer.id, actor=actor, section="worker", values={
        "worker_citizenship": "FR"})
    save_section(offer_id=offer.id, actor=actor, section="job", values={
        "noc_code": "65201", "locations": [{"address_line1": "1 Main", "city": "Québec",
                                            "province": "QC", "postal_code": "G1R 4P5"}]})
    save_section(offer_id=offer.id, actor=actor, section="wages", values={
        "wage_cents": 0, "wage_unit": "hour", "hours_per_week": 200})
    # Dates a section save refuses (issue 13 item 14), as a draft saved before that rule holds
    # them: the review still finds them and links to their fields.
    offer.worker_date_of_birth = date(2025, 1, 1)
    offer.start_date, offer.end_date = date(2027, 3, 1), date(2026, 3, 1)
    db.session.commit()
    return offer


def _pay(client, offer) -> None:
    page = client.get(f"/employer/offers/{offer.id}/pay").get_data(as_text=True)
    found = re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', page)
    assert found, "the pay page carries its idempotency key"
    key = found.group(1)
    paid = client.post(f"/employer/offers/{offer.id}/pay", data={
        "card_number": "4242 4242 4242 4242", "expiry": "12/34", "cvc": "123",
        "idempotency_key": key, "pay": "1"})
    assert paid.status_code == 302, paid.text


def _offers(user, client):
    empty = create_draft(actor=actor_for(user))
    withdrawn = complete_draft(user)
    _pay(client, withdrawn)
    gone = client.post(f"/employer/offers/{withdrawn.id}/withdraw", data={
        "reason": "The worker accepted another job.", "withdraw": "1"})
    assert gone.status_code == 302, gone.text
    submitted = complete_draft(user)
    _pay(client, submitted)
    return [empty, _contradicting_draft(user), complete_draft(user, code="C31"), submitted,
            withdrawn]


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_fix_link_points_at_an_existing_id(client, signed_in, language):
    client.get(f"/employer/?lang={language}")
    seen = 0
    for offer in _offers(signed_in, client):
        for page in PAGES:
            path = f"/employer/offers/{offer.id}{page}"
            response = client.get(path)
            if response.status_code != 200:
                continue
            html = response.get_data(as_text=True)
            for link in _LINK.findall(html):
                url = urlsplit(link.replace("&amp;", "&"))
                if url.netloc or url.scheme:
                    continue
                target = html if not url.path or url.path == path else (
                    client.get(url.path).get_data(as_text=True))
                assert url.fragment in _ids(target), f"{path} links to {link}: no such id"
                seen += url.fragment != "main"
    assert f'<html lang="{language}">' in html
    assert seen > 20  # the walk really followed the review's and the rules boxes' links


@pytest.mark.parametrize(("language", "label"), [("en", "Must be fixed:"), ("fr", "À corriger :")])
def test_the_rules_box_keeps_a_space_between_its_label_and_the_message(
        client, signed_in, language, label):
    client.get(f"/employer/?lang={language}")
    offer = _contradicting_draft(signed_in)
    html = client.get(f"/employer/offers/{offer.id}/wages-and-benefits").get_data(as_text=True)
    text = re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ")
    assert re.search(re.escape(label) + r" \S", text), "the label runs into the message"


_SUMMARY_LINK = re.compile(r'<div class="error-summary".*?</div>', re.S)
SECTIONS = ("/exemption-code", "/foreign-worker", "/job", "/wages-and-benefits",
            "/attestations")


def _summary_targets_exist(html: str, where: str) -> int:
    summary = _SUMMARY_LINK.search(html)
    assert summary, f"{where}: a refused form shows its error summary"
    links = re.findall(r'href="#([^"]+)"', summary.group(0))
    missing = [name for name in links if name not in _ids(html)]
    assert not missing, f"{where}: the error summary links to {missing}, which no element has"
    return len(links)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_error_summary_link_after_a_refused_post_lands_on_its_field(
        app, client, signed_in, language):
    """The other half of item 20: the links of the error summary a refused POST shows, on the
    offer sections, the profile, registration and the worker's forms."""
    client.get(f"/employer/?lang={language}")
    offer = create_draft(actor=actor_for(signed_in))
    seen = 0
    bad = {"worker_date_of_birth": "2030-01-01", "hours_per_week": "abc", "wage": "x",
           "start_date": "2027-03-01", "end_date": "2026-01-01", "noc_code": "9",
           "save_continue": "1"}
    for section in SECTIONS:
        path = f"/employer/offers/{offer.id}{section}"
        response = client.post(path, data=bad)
        if response.status_code == 302:
            continue  # a section with nothing to refuse in these values saved them
        seen += _summary_targets_exist(response.get_data(as_text=True), path)
    seen += _summary_targets_exist(
        client.post("/employer/profile/edit", data={"legal_name": ""}).get_data(as_text=True),
        "/employer/profile/edit")
    visitor = app.test_client()
    for path, data in (("/register", {"email": "x"}), ("/work-permit/apply", {}),
                       ("/verify-offer", {"number": "B12"}), ("/work-permit/status", {})):
        html = visitor.post(f"{path}?lang={language}", data=data).get_data(as_text=True)
        seen += _summary_targets_exist(html, path)
    assert seen > 15

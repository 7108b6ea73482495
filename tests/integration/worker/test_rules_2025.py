"""The worker's step under IRCC's 2024-2025 rules (issue 13, items 1-12), through the pages, in
English and French."""

from __future__ import annotations

import re
from html import unescape

from tests.factories import OfferFactory
from tests.work_permits_helpers import apply_form


def text(response) -> str:
    html = response.get_data(as_text=True)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def submitted(client, data, lang="en"):
    response = client.post(f"/work-permit/apply?lang={lang}", data=data)
    assert response.status_code == 302, text(response)
    return text(client.get("/work-permit/submitted"))


def _section(page: str, heading: str, next_heading: str) -> str:
    return page.split(heading, 1)[1].split(next_heading, 1)[0]


def test_a_pgwp_from_inside_canada_comes_with_no_visa(client, app):
    page = submitted(client, apply_form(
        None, permit_type="open", offer_number="", open_code="C43", citizenship="IN",
        residence_country="CA", applies_from="inside",
    ))
    travel = _section(page, "Travel document", "Medical exam")
    assert "Temporary resident visa" not in travel
    assert "comes with no visa or eTA" in travel
    gss = _section(page, "Two-week processing", "Applying at a port of entry")
    assert "compliance fee" not in gss and "TEER" not in gss
    assert "only employer-specific permits qualify" in gss
    poe = page.split("Applying at a port of entry", 1)[1]
    assert "Not possible under the current rules" in poe
    assert "Post-graduation work permits are not issued at a port of entry" in poe


def test_a_japanese_worker_applying_from_inside_gets_no_eta_and_french_says_so(client, app):
    offer = OfferFactory(code_key="C63", noc_code="21231", teer=1, worker_citizenship="JP")
    page = submitted(
        client, apply_form(offer, applies_from="inside", residence_country="CA"), lang="fr"
    )
    travel = _section(page, "Document de voyage", "Examen médical")
    assert "Autorisation de voyage électronique" not in travel
    assert "ne s'accompagne d'aucun visa ni d'aucune AVE" in travel


def test_a_pgwp_at_the_port_of_entry_is_refused_on_the_form_for_a_us_citizen(client, app):
    response = client.post("/work-permit/apply", data=apply_form(
        None, permit_type="open", offer_number="", open_code="C43", citizenship="US",
        residence_country="US", applies_from="port_of_entry",
    ))
    assert response.status_code == 200
    assert "Post-graduation work permits are not issued at a port of entry" in text(response)


def test_a_us_green_card_holder_needs_no_visa_and_may_apply_at_the_border(client, app):
    # issue 13 item 4: an Indian citizen who is a US permanent resident, arriving by land.
    offer = OfferFactory(code_key="C63", noc_code="21231", teer=1, worker_citizenship="IN")
    page = submitted(client, apply_form(offer, citizenship="IN", residence_country="US",
                                        applies_from="port_of_entry", us_permanent_resident="y"))
    travel = _section(page, "Travel document", "Medical exam")
    assert "Temporary resident visa" not in travel
    assert "permanent resident of the United States" in travel
    poe = page.split("Applying at a port of entry", 1)[1]
    assert "Possible under the current rules" in poe


def test_without_the_green_card_the_same_worker_needs_a_visa(client, app):
    offer = OfferFactory(code_key="C63", noc_code="21231", teer=1, worker_citizenship="IN")
    page = submitted(client, apply_form(offer, citizenship="IN", residence_country="US"))
    assert "Temporary resident visa" in _section(page, "Travel document", "Medical exam")

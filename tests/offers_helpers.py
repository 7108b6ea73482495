"""Building offers for the offer tests: a complete draft through the services, and the form
data a user would type in each section."""

from __future__ import annotations

from datetime import date

from portal.services.actor import Actor
from portal.services.offers.drafts import ATTESTATION_IDS, create_draft, save_section

WORKER = {
    "worker_family_name": "Dupont-Lévesque",
    "worker_given_names": "Marie Anne",
    "worker_sex": "F",
    "worker_date_of_birth": date(1990, 4, 25),
    "worker_country_of_birth": "FR",
    "worker_citizenship": "FR",
    "worker_residence_country": "FR",
    "worker_passport_number": "18AV12345",
    "worker_passport_expiry": date(2032, 1, 1),
}
JOB = {
    "job_title": "Software developer",
    "noc_code": "21232",
    "duties": "Design, write and test software for the company's logistics platform.",
    "start_date": date(2027, 3, 1),
    "end_date": date(2029, 2, 28),
    "full_time": True,
    "locations": [{"address_line1": "100 Queen Street", "city": "Ottawa", "province": "ON",
                   "postal_code": "K1P 1J9"}],
}
WAGES = {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40}


def actor_for(user) -> Actor:
    return Actor(user_id=user.id, employer_id=user.employer_id)


def complete_draft(user, *, code: str = "C10", answers: dict | None = None):
    """A draft with every section filled in, ready to pay (C10) or claim the exemption (C31)."""
    actor = actor_for(user)
    offer = create_draft(actor=actor)
    save_section(offer_id=offer.id, actor=actor, section="code", values={
        "code_key": code, "answers": answers or {},
        "explanation": "The worker brings significant cultural benefit to Canada.",
    })
    save_section(offer_id=offer.id, actor=actor, section="worker", values=WORKER)
    save_section(offer_id=offer.id, actor=actor, section="job", values=JOB)
    save_section(offer_id=offer.id, actor=actor, section="wages", values=WAGES)
    save_section(offer_id=offer.id, actor=actor, section="attestations",
                 values={"attestations": list(ATTESTATION_IDS)})
    return offer


def fill_all_sections(client, offer_id: int, code: str = "C10") -> None:
    """Fill every section of a draft through the pages, as a user would (C10 by default)."""
    base = f"/employer/offers/{offer_id}"
    r = client.post(f"{base}/exemption-code", data={
        "code_key": code, "explanation": "Significant cultural benefit.", "save_continue": "1"})
    assert r.status_code == 302 and r.headers["Location"].endswith("/foreign-worker"), r.text
    r = client.post(f"{base}/foreign-worker", data={
        "worker_family_name": "Dupont", "worker_given_names": "Marie", "worker_sex": "F",
        "worker_date_of_birth": "1990-04-25", "worker_country_of_birth": "FR",
        "worker_citizenship": "FR", "worker_residence_country": "FR",
        "worker_passport_number": "18AV12345", "worker_passport_expiry": "2032-01-01",
        "save_continue": "1"})
    assert r.status_code == 302, r.text
    r = client.post(f"{base}/job", data={
        "job_title": "Software developer", "noc_code": "21232",
        "duties": "Design and write software.", "location1_address_line1": "100 Queen St",
        "location1_city": "Ottawa", "location1_province": "ON", "location1_postal_code": "K1P 1J9",
        "location2_province": "", "start_date": "2027-03-01", "end_date": "2029-02-28",
        "full_time": "yes", "save_continue": "1"})
    assert r.status_code == 302, r.text
    r = client.post(f"{base}/wages-and-benefits", data={
        "wage": "45.00", "wage_unit": "hour", "hours_per_week": "40", "benefit_health": "y",
        "save_continue": "1"})
    assert r.status_code == 302, r.text
    r = client.post(f"{base}/attestations", data={
        **{f"attest_{k}": "y" for k in ATTESTATION_IDS}, "save_continue": "1"})
    assert r.status_code == 302 and r.headers["Location"].endswith("/review"), r.text

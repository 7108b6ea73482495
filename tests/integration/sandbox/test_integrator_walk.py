"""The integrator's walk (issue 17, done-when), end to end and without an administrator: load a
scenario from the command line, make a key and register a webhook endpoint through the API,
drive offers through the API (submit by paying, the worker applies, withdraw), move simulated
time with `flask sandbox clock advance`, and receive every event the portal can send an
employer without an administrator, signed (Standard Webhooks, verified by the
`standardwebhooks` library) at a real receiver on loopback, delivered by a real queue consumer
(`flask jobs worker`) within seconds of each call or move: the automatic decision after
SANDBOX_AUTO_DECIDE_AFTER_DAYS simulated days, and refund.issued ten business days after each
refund's request (the scenario's own and the one the walk makes).

Four events are not in the walk, as they need an administrator (ADMIN_ONLY):
employer.exemption_changed and employer.banned (an exemption is granted or revoked, and a ban
recorded, only by an administrator; the scenarios that hold one, foreign-mission and
banned-employer, record it as they load, before any endpoint of their fresh employer can exist,
and the scenario's exemption has no expiry day for the clock to reach), and
employer.inspection_opened and employer.penalty_imposed (an officer's acts; no scenario opens an
inspection). A new event type fails the walk until it is sent here or listed there."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from portal import clock
from portal.extensions import db, queue
from portal.models import WebhookEventType
from tests.api_helpers import bearer
from tests.jobs_helpers import ConsumerProcess, new_queue_name, queue_url, wait_for

AUTO_DECIDE_AFTER_DAYS = 2
ADMIN_ONLY = {WebhookEventType.EMPLOYER_EXEMPTION_CHANGED, WebhookEventType.EMPLOYER_BANNED,
              WebhookEventType.EMPLOYER_INSPECTION_OPENED,
              WebhookEventType.EMPLOYER_PENALTY_IMPOSED}
CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/30", "cvc": "123"}
ATTESTATIONS = ["accurate", "agreement", "no_fee_recovery", "recruiters", "actively_engaged",
                "laws", "same_conditions", "abuse_free", "no_sex_industry", "documents"]


def first_of_month_in(months: int, today: date) -> date:
    month = today.month - 1 + months
    return date(today.year + month // 12, month % 12 + 1, 1)


def paid_offer(client, token: str, passport: str) -> dict:
    """A C10 offer made section by section and paid with the test card: submitted."""
    headers = bearer(token)
    made = client.post("/api/v1/offers", json={}, headers=headers)
    assert made.status_code == 201, made.text
    base = made.headers["Location"]
    start = first_of_month_in(3, clock.today())
    sections = {
        "code": {"code_key": "C10", "explanation": "Lead designer of a touring exhibition: a "
                 "significant cultural benefit to Canada."},
        "worker": {"worker_family_name": "Dupont", "worker_given_names": "Marie",
                   "worker_sex": "F", "worker_date_of_birth": "1990-04-25",
                   "worker_country_of_birth": "FR", "worker_citizenship": "FR",
                   "worker_residence_country": "FR", "worker_passport_number": passport,
                   "worker_passport_expiry": "2034-01-01"},
        "job": {"job_title": "Exhibition designer", "noc_code": "52120",
                "duties": "Design the touring exhibition.", "start_date": start.isoformat(),
                "end_date": (start.replace(year=start.year + 2) - timedelta(days=1)).isoformat(),
                "full_time": True, "locations": [{
                    "address_line1": "100 Queen Street", "city": "Ottawa", "province": "ON",
                    "postal_code": "K1P 1J9"}]},
        "wages": {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40,
                  "benefit_health": True},
        "attestations": {"attestations": ATTESTATIONS},
    }
    for name, body in sections.items():
        answer = client.patch(f"{base}/sections/{name}", json=body, headers=headers)
        assert answer.status_code == 200, (name, answer.text)
    paid = client.post(f"{base}/payment", json=CARD,
                       headers=bearer(token, **{"Idempotency-Key": f"walk-{passport}"}))
    assert paid.status_code in (200, 201), paid.text
    offer = paid.get_json()["offer"]
    assert offer["status"] == "pending" and re.fullmatch(r"A\d{7}", offer["number"])
    return offer


def worker_applies(client, offer: dict, passport: str) -> None:
    """The worker (no account) applies for the work permit with the offer's number."""
    answer = client.post("/work-permit/apply", data={
        "permit_type": "employer_specific", "offer_number": offer["number"], "open_code": "",
        "noc_code": "", "stay_months": "24", "family_name": "Dupont", "given_names": "Marie",
        "date_of_birth": "1990-04-25", "citizenship": "FR", "passport_number": passport,
        "passport_expiry": "2034-01-01", "residence_country": "FR", "lived_country": "",
        "family_size": "1", "applies_from": "outside", "biometrics": "within_14_days"})
    assert answer.status_code == 302, answer.get_data(as_text=True)


def cli(runner, *args: str) -> str:
    result = runner.invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.real_commits  # the consumer is another process, with its own connection
def test_an_integrator_receives_every_event_without_an_administrator(
        make_app, database_url, tmp_path, receiver):
    url, name = queue_url(tmp_path), new_queue_name()
    portal = make_app(QUEUE_URL=url, QUEUE_NAME=name, SANDBOX_CLOCK_ENABLED=True,
                      SANDBOX_AUTO_DECIDE_AFTER_DAYS=AUTO_DECIDE_AFTER_DAYS)
    worker = ConsumerProcess(database_url=database_url, queue_url=url, queue_name=name, env={
        "TEST_SANDBOX_CLOCK": "1",
        "TEST_SANDBOX_AUTO_DECIDE_AFTER_DAYS": str(AUTO_DECIDE_AFTER_DAYS)})
    with portal.app_context():
        runner, client = portal.test_cli_runner(), portal.test_client()
        loaded = cli(runner, "sandbox", "load", "withdrawn-offer")
        [email] = re.findall(r"scenario-withdrawn@example\.com", loaded)
        token = cli(runner, "api-keys", "create", "--email", email).strip().splitlines()[-1]
        every = sorted(t.value for t in WebhookEventType)
        made = client.post("/api/v1/webhook-endpoints", headers=bearer(token),
                           json={"url": receiver.url, "events": every})
        assert made.status_code == 201, made.text
        receiver.secret = made.get_json()["secret"]
        worker.start()
        try:
            kept = paid_offer(client, token, "18AV12345")
            withdrawn = paid_offer(client, token, "18AV67890")
            worker_applies(client, kept, "18AV12345")
            gone = client.post(f"/api/v1/offers/{withdrawn['id']}/withdrawal",
                               json={"reason": "The worker declined the offer."},
                               headers=bearer(token, **{"Idempotency-Key": "walk-withdraw"}))
            assert gone.status_code == 200, gone.text
            before = ["offer.paid", "offer.submitted"] * 2 + ["offer.matched", "offer.withdrawn"]
            wait_for(lambda: len(receiver.received) >= len(before), timeout=90)
            assert sorted(receiver.types()) == sorted(before)

            cli(runner, "sandbox", "clock", "advance", "--days", str(AUTO_DECIDE_AFTER_DAYS))
            wait_for(lambda: "work_permit.decided" in receiver.types(), timeout=30)
            # Refunds take ten business days: three weeks on, both are issued.
            cli(runner, "sandbox", "clock", "advance", "--days", "21")
            wait_for(lambda: receiver.types().count("refund.issued") == 2, timeout=30)
        finally:
            output = worker.stop()
            queue.flush()
        db.session.commit()
    arrived = receiver.received
    assert all(r.verified for r in arrived), ("a signature failed to verify", output)
    assert len({r.webhook_id for r in arrived}) == len(arrived) == 9, receiver.types()
    assert set(receiver.types()) == {t.value for t in WebhookEventType} - {
        t.value for t in ADMIN_ONLY}, receiver.types()
    by_type = {r.payload["type"]: r.payload for r in arrived}
    decided = by_type["work_permit.decided"]["data"]
    assert decided["offer"]["number"] == kept["number"]
    assert decided["work_permit_application"]["status"] == "approved"
    refunds = [r.payload["data"] for r in arrived if r.payload["type"] == "refund.issued"]
    numbers = {refund["offer"]["number"] for refund in refunds}
    assert withdrawn["number"] in numbers and len(numbers) == 2  # the scenario's offer too
    assert {refund["refund"]["state"] for refund in refunds} == {"issued"}
    assert all(date.fromisoformat(r["refund"]["issued_on"]) > date.fromisoformat(
        r["refund"]["requested_on"]) for r in refunds)

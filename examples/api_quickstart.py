"""Quickstart for the Employer Portal simulator's API: one offer from draft to number to PDF,
then checked as the worker would check it.

    python examples/api_quickstart.py BASE_URL KEY
    python examples/api_quickstart.py http://127.0.0.1:5000 ep_test_...

KEY needs the scopes read, prepare and submit (make one at /employer/api-keys, or with
`flask --app wsgi api-keys create --email you@example.com`). Prints the offer number on its last
line and saves the confirmation as offer-<number>.pdf. Needs httpx (requirements-dev.txt).
It is a simulator: the card is a test card, nothing is charged and nothing reaches IRCC.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx


def _job_dates(today: date) -> tuple[str, str]:
    """A start on the first of the month three months ahead and an end two years later less a
    day: dates the job section accepts whenever the script runs."""
    month = today.month + 3
    start = date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return start.isoformat(), (start.replace(year=start.year + 2) - timedelta(days=1)).isoformat()


TODAY = datetime.now(UTC).date()
START, END = _job_dates(TODAY)
SECTIONS: dict[str, dict[str, Any]] = {
    "code": {"code_key": "C10", "answers": {}, "explanation": (
        "The worker brings significant cultural benefit to Canada as the lead designer of a "
        "touring exhibition.")},
    "worker": {"worker_family_name": "Dupont", "worker_given_names": "Marie",
               "worker_sex": "F", "worker_date_of_birth": "1990-04-25",
               "worker_country_of_birth": "FR", "worker_citizenship": "FR",
               "worker_residence_country": "FR", "worker_passport_number": "18AV12345",
               "worker_passport_expiry": "2032-01-01"},
    "job": {"job_title": "Exhibition designer", "noc_code": "52120",
            "duties": "Design the touring exhibition and lead its installation.",
            "start_date": START, "end_date": END, "full_time": True,
            "locations": [{"address_line1": "100 Queen Street", "city": "Ottawa",
                           "province": "ON", "postal_code": "K1P 1J9"}]},
    "wages": {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40,
              "benefit_health": True},
    "attestations": {"attestations": [
        "accurate", "agreement", "no_fee_recovery", "recruiters", "actively_engaged", "laws",
        "same_conditions", "abuse_free", "no_sex_industry", "documents"]},
}
TEST_CARD = {"card_number": "4242 4242 4242 4242",
             "expiry": f"12/{(TODAY.year + 4) % 100:02d}", "cvc": "123"}


class ApiError(Exception):
    """An answer other than the one expected, with the problem+json the API sent."""


def expect(response: httpx.Response, status: int) -> Any:
    if response.status_code != status:
        raise ApiError(f"{response.request.method} {response.request.url.path}: "
                       f"{response.status_code} {response.text}")
    return response.json() if "json" in response.headers.get("Content-Type", "") else None


def run(base_url: str, key: str) -> str:
    """Take one offer from draft to PDF; return its number."""
    headers = {"Authorization": f"Bearer {key}", "Accept-Language": "en"}
    with httpx.Client(base_url=base_url.rstrip("/") + "/api/v1", headers=headers,
                      timeout=60) as api:
        me = expect(api.get("/me"), 200)
        print(f"Acting for {me['employer']['legal_name']} with key {me['key']['prefix']}...")
        offer = expect(api.post("/offers", json={}), 201)
        print(f"Draft {offer['id']} created")
        tag = api.get(f"/offers/{offer['id']}").headers["ETag"]
        for section, values in SECTIONS.items():
            saved = api.patch(f"/offers/{offer['id']}/sections/{section}", json=values,
                              headers={"If-Match": tag})
            expect(saved, 200)
            tag = saved.headers["ETag"]
        review = expect(api.get(f"/offers/{offer['id']}/validation"), 200)
        if not review["ready"]:
            raise ApiError(f"not ready: {review['blocking']}")
        print(f"Ready to submit; fee {review['fee']['amount_cents'] / 100:.2f} CAD")
        paid = expect(api.post(f"/offers/{offer['id']}/payment", json=TEST_CARD,
                               headers={"Idempotency-Key": str(uuid.uuid4())}), 201)
        number = paid["offer"]["number"]
        print(f"Paid (receipt {paid['payment']['receipt_number']}) and submitted: {number}")
        pdf = api.get(f"/offers/{offer['id']}/confirmation.pdf", params={"lang": "en"})
        expect(pdf, 200)
        if not pdf.content.startswith(b"%PDF"):
            raise ApiError("the confirmation is not a PDF")
        Path(f"offer-{number}.pdf").write_bytes(pdf.content)
        print(f"Confirmation saved as offer-{number}.pdf ({len(pdf.content)} bytes)")
        worker = SECTIONS["worker"]
        check = expect(api.post("/worker/offer-verification", json={
            "number": number, "passport_number": worker["worker_passport_number"],
            "date_of_birth": worker["worker_date_of_birth"]}), 200)
        if not check["verified"]:
            raise ApiError(f"the worker could not verify {number}: {check['message']}")
        print(f"Verified as the worker: {check['offer']['employer']}, "
              f"{check['offer']['job_title']}, {check['offer']['status']}")
    return number


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        number = run(argv[1], argv[2])
    except (ApiError, httpx.HTTPError) as error:
        print(f"Failed: {error}", file=sys.stderr)
        return 1
    print(number)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

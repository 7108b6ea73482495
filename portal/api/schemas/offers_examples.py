"""Examples for the OpenAPI document: a complete C10 offer, as the README's walk-through makes.

The job's dates and the test card's expiry are counted from the day the document is built, so
the examples (which the stateful walk sends: portal/api/walk.py) stay ones the portal accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from portal import clock
from portal.services.offers.drafts import ATTESTATION_IDS


def job_dates(today: dt.date) -> tuple[str, str]:
    """A start on the first day of the month at least three months ahead, and an end two
    years later less a day: inside every code's maximum, and never in the past."""
    month = today.month + 3
    start = dt.date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    end = start.replace(year=start.year + 2) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def card_expiry(today: dt.date) -> str:
    """MM/YY four years ahead: a future expiry, as the test cards need."""
    return f"12/{(today.year + 4) % 100:02d}"


_START, _END = job_dates(clock.today())
TEST_CARD = {"card_number": "4242 4242 4242 4242", "expiry": card_expiry(clock.today()),
             "cvc": "123"}

SECTION_EXAMPLES: dict[str, dict[str, Any]] = {
    "code": {"code_key": "C10", "explanation": "The worker brings significant cultural benefit "
             "to Canada as the lead designer of a touring exhibition.", "answers": {}},
    "worker": {"worker_family_name": "Dupont", "worker_given_names": "Marie",
               "worker_sex": "F", "worker_date_of_birth": "1990-04-25",
               "worker_country_of_birth": "FR", "worker_citizenship": "FR",
               "worker_residence_country": "FR", "worker_passport_number": "18AV12345",
               "worker_passport_expiry": "2032-01-01"},
    "job": {"job_title": "Software developer", "noc_code": "21232",
            "duties": "Design, write and test software.", "start_date": _START,
            "end_date": _END, "full_time": True,
            "locations": [{"address_line1": "100 Queen Street", "city": "Ottawa",
                           "province": "ON", "postal_code": "K1P 1J9"}]},
    "wages": {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40,
              "benefit_health": True},
    "attestations": {"attestations": list(ATTESTATION_IDS)},
}

_JOB = {**SECTION_EXAMPLES["job"], "teer": 1, "education_requirements": None,
        "training_requirements": None, "experience_requirements": None,
        "licence_requirements": None, "language_requirements": None}
_WAGES = {"wage_cents": 4500, "wage_unit": "hour", "hours_per_week": 40.0, "overtime": None,
          "vacation": None, "benefit_health": True, "benefit_dental": False,
          "benefit_pension": False, "benefit_disability": False, "benefits_other": None,
          "alternate_compensation": None, "additional_information": None}

OFFER_EXAMPLE = {
    "id": 42, "number": None, "status": "draft", "fee_status": "unpaid",
    "fee_exemption_reason": None, "created_at": "2026-12-01T14:03:00+00:00",
    "updated_at": "2026-12-01T14:09:12+00:00", "submitted_at": None, "matched_at": None,
    "withdrawn_at": None, "withdrawal_reason": None, "copied_from_id": None,
    "code": SECTION_EXAMPLES["code"],
    "worker": {**SECTION_EXAMPLES["worker"], "worker_uci": None},
    "job": _JOB, "wages": _WAGES, "attestations": SECTION_EXAMPLES["attestations"],
}

VALIDATION_EXAMPLE = {
    "ready": False,
    "blocking": [{"code": "FIELD-MISSING", "blocking": True, "section": "worker",
                  "pointer": "/worker/worker_passport_number",
                  "message": "Enter the worker's passport number."}],
    "warnings": [],
    "fee": {"amount_cents": 23000, "exempt": False,
            "reason": "The employer compliance fee of $230 is due.", "proof_required": False},
}

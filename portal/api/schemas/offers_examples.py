"""Examples for the OpenAPI document: a complete C10 offer, as the README's walk-through makes."""

from __future__ import annotations

from typing import Any

from portal.services.offers.drafts import ATTESTATION_IDS

SECTION_EXAMPLES: dict[str, dict[str, Any]] = {
    "code": {"code_key": "C10", "explanation": "The worker brings significant cultural benefit "
             "to Canada as the lead designer of a touring exhibition.", "answers": {}},
    "worker": {"worker_family_name": "Dupont", "worker_given_names": "Marie",
               "worker_sex": "F", "worker_date_of_birth": "1990-04-25",
               "worker_country_of_birth": "FR", "worker_citizenship": "FR",
               "worker_residence_country": "FR", "worker_passport_number": "18AV12345",
               "worker_passport_expiry": "2032-01-01"},
    "job": {"job_title": "Software developer", "noc_code": "21232",
            "duties": "Design, write and test software.", "start_date": "2027-03-01",
            "end_date": "2029-02-28", "full_time": True,
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

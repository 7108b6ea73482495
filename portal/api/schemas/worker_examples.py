"""Examples of the worker operations in the OpenAPI document."""

from __future__ import annotations

from typing import Any

VERIFIED_EXAMPLE = {
    "verified": True, "message": None,
    "offer": {"number": "A1234567", "employer": "Maple Software", "job_title": "Developer",
              "noc_code": "21232", "noc_title": "Software developers and programmers",
              "exemption_code": "T36", "exemption_name": "CUSMA – Professionals",
              "work_province": "ON", "start_date": "2027-03-01", "status": "pending",
              "fee_status": "paid"},
}
APPLY_EXAMPLE = {
    "permit_type": "employer_specific", "offer_number": "A1234567", "family_name": "Garcia",
    "given_names": "Ana", "date_of_birth": "1990-04-25", "citizenship": "MX",
    "passport_number": "G12345678", "passport_expiry": "2032-01-01", "residence_country": "MX",
    "applies_from": "outside", "biometrics": "within_14_days", "family_size": 1,
    "stay_months": 24, "noc_code": "21232",
}
APPLICATION_EXAMPLE: dict[str, Any] = {
    "number": "W123456789", "status": "submitted", "permit_type": "employer_specific",
    "code_key": "T36", "offer_number": "A1234567", "submitted_at": "2026-12-02T15:00:00+00:00",
    "decided_at": None, "decision_document": None, "decision_reason": None,
    "fee_lines": [{"key": "work_permit", "label": "Work permit processing fee",
                   "amount_cents": 15500, "exempt_reason": None},
                  {"key": "biometrics", "label": "Biometrics", "amount_cents": 8500,
                   "exempt_reason": None}],
    "fees_total_cents": 24000, "travel_document": "eta",
    "travel_document_label": "Electronic travel authorization (eTA)", "travel_note": None,
    "medical_exam": {"needed": False, "reasons": []},
    "two_week_processing": {"eligible": True, "reasons": ["Applies from outside Canada."]},
    "port_of_entry": {"eligible": False, "reasons": []},
}

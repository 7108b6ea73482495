"""How long each text of an offer may be and the ranges of its numbers: one source for the
offer forms (portal/offers/forms.py), the API's sections (portal/api/schemas/offers.py) and the
batch spreadsheet's columns (portal/services/batches/columns.py), so a value is refused at the
same length wherever it is typed. Keys are the offer's field names (a work location's are its
own: address_line1, city, postal_code)."""

from __future__ import annotations

from decimal import Decimal

TEXT_LIMITS: dict[str, int] = {
    "code_key": 16,
    "explanation": 4000,
    "worker_family_name": 100,
    "worker_given_names": 100,
    "worker_passport_number": 30,
    "job_title": 200,
    "duties": 4000,
    "education_requirements": 2000,
    "training_requirements": 2000,
    "experience_requirements": 2000,
    "licence_requirements": 2000,
    "language_requirements": 2000,
    "address_line1": 200,
    "city": 100,
    "postal_code": 7,
    "overtime": 1000,
    "vacation": 1000,
    "benefits_other": 1000,
    "alternate_compensation": 1000,
    "additional_information": 4000,
}
# A code's answers: the question id and the answer typed.
ANSWER_ID_LIMIT = 64
ANSWER_LIMIT = 500
# The wage in dollars, and the hours of work per week.
WAGE_MAX = Decimal(10**7)
HOURS_MIN = Decimal("0.5")
HOURS_MAX = Decimal(168)

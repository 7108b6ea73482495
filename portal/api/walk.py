"""The happy path, written into the OpenAPI links: links that carry a request body the portal
accepts (the document's own examples), beside the plain links that carry only the offer's id.

Schemathesis's stateful walk follows links and, on a plain link, sends a random body that the
checks refuse, so it never got past a draft's first section. With these it walks an offer from
draft through its five sections to payment with the test card and submission, then on to the
worker's offer check, the work permit step that references the number and its status, and to
the operations that need a submitted offer (PDF, receipt, withdrawal, refund, copy). Integrators
reading the document see the same chain: each link says which example body fits the next call.
"""

from __future__ import annotations

from typing import Any

from portal.api.schemas.offers_examples import SECTION_EXAMPLES, TEST_CARD

OFFER_NUMBER = "$response.body#/offer/number"
APPLICATION_NUMBER = "$response.body#/number"
_WORKER = SECTION_EXAMPLES["worker"]

# Draft -> the next call, with a body that fits it.
DRAFT_EXAMPLES: dict[str, Any] = {
    "saveCode": SECTION_EXAMPLES["code"],
    "saveWorker": SECTION_EXAMPLES["worker"],
    "saveJob": SECTION_EXAMPLES["job"],
    "saveWages": SECTION_EXAMPLES["wages"],
    "saveAttestations": SECTION_EXAMPLES["attestations"],
    "payAndSubmit": TEST_CARD,
}
# A complete draft in one call (from the list of offers).
COMPLETE_DRAFT = {name: dict(values) for name, values in SECTION_EXAMPLES.items()}
SUBMITTED_EXAMPLES: dict[str, Any] = {
    "withdrawOffer": {"reason": "The worker declined the offer."},
}
# The worker of the example offer checks its number and applies for the work permit with it.
WORKER_CHECK = {"number": OFFER_NUMBER, "passport_number": _WORKER["worker_passport_number"],
                "date_of_birth": _WORKER["worker_date_of_birth"]}
WORKER_APPLICATION = {
    "permit_type": "employer_specific", "offer_number": OFFER_NUMBER,
    "family_name": _WORKER["worker_family_name"], "given_names": _WORKER["worker_given_names"],
    "date_of_birth": _WORKER["worker_date_of_birth"],
    "citizenship": _WORKER["worker_citizenship"],
    "passport_number": _WORKER["worker_passport_number"],
    "passport_expiry": _WORKER["worker_passport_expiry"],
    "residence_country": _WORKER["worker_residence_country"], "applies_from": "outside",
    "biometrics": "within_14_days", "family_size": 1, "stay_months": 24,
    "noc_code": SECTION_EXAMPLES["job"]["noc_code"],
}
# Calls that take an Idempotency-Key get a fresh one from each answer's request id: a key
# generated at random repeats, and a repeated key with another body is refused (422).
IDEMPOTENT = frozenset({"createOffer", "payAndSubmit", "withdrawOffer"})
FRESH_KEY = "walk-{$response.header.X-Request-Id}"
APPLICATION_STATUS = {"number": APPLICATION_NUMBER,
                      "date_of_birth": _WORKER["worker_date_of_birth"]}


def example_link(operation: str, body: Any, parameters: dict[str, str] | None = None
                 ) -> dict[str, Any]:
    """A link to `operation` that sends `body` (runtime expressions inside it are resolved
    from the response) as the whole request body: schemathesis's `merge_body: false`."""
    parameters = dict(parameters or {})
    if operation in IDEMPOTENT:
        parameters["header.Idempotency-Key"] = FRESH_KEY
    return {"operationId": operation, "parameters": parameters, "requestBody": body,
            "x-schemathesis": {"merge_body": False}}


def example_links(examples: dict[str, Any], offer_id: str) -> dict[str, dict[str, Any]]:
    """One `<operation>WithExample` link per entry, each taking the offer's id from
    `offer_id`."""
    return {f"{operation}WithExample": example_link(operation, body, {"offer_id": offer_id})
            for operation, body in examples.items()}


def worker_links() -> dict[str, dict[str, Any]]:
    """From a submitted offer to the worker's check and work permit application."""
    return {"verifyOfferAsTheWorker": example_link("verifyOffer", WORKER_CHECK),
            "applyForTheWorkPermit": example_link("apply", WORKER_APPLICATION)}

"""Automatic decisions of the sandbox (issue 17 item 3): test values, like the test cards, that
let an integrator see every decision and its webhooks without an administrator.

A submitted work permit application is decided SANDBOX_AUTO_DECIDE_AFTER_DAYS simulated days
after it was submitted, by the last four characters of its passport number (letters, digits,
spaces and hyphens as typed; spaces and hyphens ignored):

- ends in 0001: refused, the officer is not satisfied the offer is genuine (R200(5));
- ends in 0002: refused, inadmissible on health grounds (IRPA A38(1));
- anything else: approved;
- an application that does not match its offer is refused as not matched, whatever the number
  (an officer cannot approve it either).

A simulation: real officers decide on the whole file, and nothing about a real passport number
predicts a decision.
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_GENUINE_SUFFIX = "0001"
MEDICAL_SUFFIX = "0002"


@dataclass(frozen=True, slots=True)
class AutoDecision:
    approve: bool
    reason_code: str | None  # the catalogue code of a refusal's reason


def auto_decision(passport_number: str, *, matched: bool) -> AutoDecision:
    if not matched:
        return AutoDecision(False, "auto_decision.not_matched")
    digits = passport_number.replace(" ", "").replace("-", "").upper()
    if digits.endswith(NOT_GENUINE_SUFFIX):
        return AutoDecision(False, "auto_decision.not_genuine")
    if digits.endswith(MEDICAL_SUFFIX):
        return AutoDecision(False, "auto_decision.medical")
    return AutoDecision(True, None)

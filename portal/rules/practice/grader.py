"""Grading a learner's work on a practice case: a score out of 100 and feedback that names the
rule and its source.

`grade(case, attempt)` compares an `Attempt` (a plain snapshot of what the learner did in the
portal: the offer's code, fee outcome, worker identity, attestations and evidence ids, whether
the offer was submitted, and the worker's application) with the case's expectations. Feedback
items are catalogue codes with parameters ("practice.code.wrong", chosen=..., source=...); the
edge words them in the reader's language (portal/catalogue/practice.py).

Points, by part, for a case that needs an offer (`submit_offer`):
    outcome 20 (the offer submitted), code 25, fee 15, identity 20, attestations 10,
    evidence 10; and application 10 when the learner also made the worker's application.
For a case where no offer should be submitted (`no_offer`):
    outcome 40 (no offer submitted), application 30 (the right type, or none at all); and,
    when the worker applies ("Other" or open), its code 15 and the identity on it 15.

Partial credit inside a part:
- code: the expected code or an acceptable alternative earns all; any other code nothing.
- fee: the lawful outcome earns all. Half (rounded down) for a lawful but imperfect one: the fee
  paid although the employer was exempt, or the exemption claimed without its proof. Nothing
  for a fee waived although due, or left unpaid.
- identity: a passport number or citizenship that differs from the passport earns nothing (the
  application would not match the offer: IRCC compares them exactly). Otherwise each other
  field that differs (family name, given names, date of birth, sex) costs a quarter.
- attestations: all or nothing (the portal submits no offer without every one).
- evidence: in proportion to the expected items attached (rounded down); extra items cost
  nothing.
- outcome and application: all or nothing. An application that does not match the offer's
  passport number and citizenship earns nothing.
The score is the points earned over the points at stake, times 100, rounded down, so only a
complete answer scores 100.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portal.rules.practice import _grading as check
from portal.rules.practice._grading import Feedback, Identity, Part, PartResult
from portal.rules.practice.cases import ApplicationType, Case, FeeOutcome

__all__ = ["Attempt", "Feedback", "Grade", "Identity", "Part", "PartResult", "grade"]

OFFER_POINTS = {
    Part.outcome: 20, Part.code: 25, Part.fee: 15, Part.identity: 20, Part.attestations: 10,
    Part.evidence: 10, Part.application: 10,
}
NO_OFFER_POINTS = {Part.outcome: 40, Part.application: 30, Part.code: 15, Part.identity: 15}


@dataclass(frozen=True)
class Attempt:
    """What the learner did, as plain values (a service reads them from the practice employer's
    offer and the worker's application). `code` is the offer's code key; `fee` how its fee
    ended; `identity` the worker as typed on the offer. `application_type` is None when the
    worker did not apply; `application_code` is the open permit's code, or the exemption cited
    under "Other"; `application_identity` the worker as typed on the application."""

    offer_submitted: bool = False
    code: str | None = None
    fee: FeeOutcome | str | None = None
    identity: Identity | None = None
    attestations: Iterable[str] = ()
    evidence: Iterable[str] = ()
    application_type: ApplicationType | str | None = None
    application_code: str | None = None
    application_identity: Identity | None = None


@dataclass(frozen=True)
class Grade:
    case_id: str
    score: int  # 0-100
    parts: tuple[PartResult, ...]

    @property
    def feedback(self) -> tuple[Feedback, ...]:
        return tuple(item for part in self.parts for item in part.feedback)

    @property
    def feedback_codes(self) -> tuple[str, ...]:
        return tuple(item.message.code for item in self.feedback)

    def part(self, name: Part | str) -> PartResult | None:
        return next((p for p in self.parts if p.part == name), None)


def grade(case: Case, attempt: Attempt) -> Grade:
    """The learner's score on `case` and the feedback for each part (see the module's docstring
    for the points and the partial credit)."""
    results = _offer_case(case, attempt) if case.needs_offer else _no_offer_case(case, attempt)
    possible = sum(r.possible for r in results)
    earned = sum(r.earned for r in results)
    score = (100 * earned) // possible if possible else 0
    return Grade(case.id, score, tuple(results))


def _offer_case(case: Case, attempt: Attempt) -> list[PartResult]:
    points = OFFER_POINTS
    results = [
        check.offer_outcome(case, attempt.offer_submitted, points[Part.outcome]),
        check.offer_code(case, attempt.code, points[Part.code]),
        check.fee(case, _fee(attempt.fee), frozenset(attempt.evidence), points[Part.fee]),
        check.identity(case, attempt.identity, points[Part.identity]),
        check.attestations(frozenset(attempt.attestations), points[Part.attestations]),
        check.evidence(case, frozenset(attempt.evidence), points[Part.evidence]),
    ]
    if attempt.application_type is not None:
        results.append(check.application_with_offer(
            case, _application(attempt.application_type), attempt.application_identity,
            attempt.identity, points[Part.application],
        ))
    return results


def _no_offer_case(case: Case, attempt: Attempt) -> list[PartResult]:
    points = NO_OFFER_POINTS
    application = _application(attempt.application_type)
    results = [
        check.no_offer_outcome(case, attempt.offer_submitted, _fee(attempt.fee),
                               points[Part.outcome]),
        check.application_without_offer(case, application, points[Part.application]),
    ]
    if case.expected.application in (ApplicationType.other, ApplicationType.open):
        applied = application is not ApplicationType.none
        results.append(check.application_code(
            case, attempt.application_code if applied else None, points[Part.code]
        ))
        results.append(check.identity(
            case, attempt.application_identity if applied else None, points[Part.identity]
        ))
    return results


def _fee(value: object) -> FeeOutcome:
    return FeeOutcome(value) if isinstance(value, str) and value in set(FeeOutcome) else (
        FeeOutcome.unpaid
    )


def _application(value: object) -> ApplicationType:
    if value is None:
        return ApplicationType.none
    if isinstance(value, str) and value in set(ApplicationType):
        return ApplicationType(value)
    return ApplicationType.none

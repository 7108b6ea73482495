"""The grader's parts, one function each: the points earned and the feedback (catalogue codes
with parameters). The points and the partial credit are documented in grader.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from portal.rules.codes import get_code
from portal.rules.messages import Bilingual, CodeName, Country, Day, Message, Param
from portal.rules.practice.cases import (
    ATTESTATION_IDS,
    FEE_EXEMPTION_PROOF,
    ApplicationType,
    Case,
    FeeOutcome,
)


class Part(StrEnum):
    outcome = "outcome"
    code = "code"
    fee = "fee"
    identity = "identity"
    attestations = "attestations"
    evidence = "evidence"
    application = "application"


@dataclass(frozen=True)
class Identity:
    """The worker as the learner typed them (compared exactly with the passport)."""

    family_name: str | None = None
    given_names: str | None = None
    date_of_birth: dt.date | None = None
    sex: str | None = None
    citizenship: str | None = None
    passport_number: str | None = None


@dataclass(frozen=True)
class Feedback:
    part: Part
    ok: bool
    message: Message


@dataclass(frozen=True)
class PartResult:
    part: Part
    earned: int
    possible: int
    feedback: tuple[Feedback, ...]


IDENTITY_FIELDS: Mapping[str, Message] = {
    "family_name": Message("practice.field.family_name"),
    "given_names": Message("practice.field.given_names"),
    "date_of_birth": Message("practice.field.date_of_birth"),
    "sex": Message("practice.field.sex"),
    "citizenship": Message("practice.field.citizenship"),
    "passport_number": Message("practice.field.passport_number"),
}
MATCH_FIELDS = ("passport_number", "citizenship")  # what IRCC matches the application on
APPLICATION_TYPES: Mapping[ApplicationType, Message] = {
    ApplicationType.employer_specific: Message("practice.application_type.employer_specific"),
    ApplicationType.other: Message("practice.application_type.other"),
    ApplicationType.open: Message("practice.application_type.open"),
    ApplicationType.none: Message("practice.application_type.none"),
}


def _result(part: Part, earned: int, possible: int, *items: tuple[bool, Message]) -> PartResult:
    feedback = tuple(Feedback(part, ok, message) for ok, message in items)
    return PartResult(part, max(0, min(earned, possible)), possible, feedback)


def _code_label(key: str | None) -> str:
    """The code as the portal's dropdown shows it ("C21" for C21-YP); unknown text as typed."""
    entry = get_code(key)
    return entry.code if entry is not None else str(key)


def offer_outcome(case: Case, submitted: bool, points: int) -> PartResult:
    if submitted:
        return _result(Part.outcome, points, points, (True, Message("practice.outcome.submitted")))
    return _result(Part.outcome, 0, points, (False, Message("practice.outcome.not_submitted")))


def no_offer_outcome(case: Case, submitted: bool, fee: FeeOutcome, points: int) -> PartResult:
    expected = case.expected
    reasons: dict[str, Param] = {"why": expected.why, "source": expected.source}
    if not submitted:
        return _result(Part.outcome, points, points,
                       (True, Message.of("practice.outcome.no_offer", **reasons)))
    items = [(False, Message.of("practice.outcome.offer_not_needed", **reasons))]
    if fee is FeeOutcome.paid:
        items.append((False, Message("practice.outcome.withdraw_for_refund")))
    return _result(Part.outcome, 0, points, *items)


def offer_code(case: Case, chosen: str | None, points: int) -> PartResult:
    expected = case.expected
    key = expected.code or ""
    entry = get_code(chosen)
    chosen_key = entry.key if entry is not None else chosen
    named: dict[str, Param] = {
        "expected": _code_label(key), "name": CodeName(key), "source": expected.source,
    }
    if chosen_key == key:
        message = Message.of("practice.code.right", **named)
        return _result(Part.code, points, points, (True, message))
    if chosen_key in expected.alternatives:
        message = Message.of("practice.code.acceptable", code=_code_label(chosen_key), **named)
        return _result(Part.code, points, points, (True, message))
    if not chosen:
        return _result(Part.code, 0, points, (False, Message.of("practice.code.missing", **named)))
    message = Message.of("practice.code.wrong", chosen=_code_label(chosen), why=expected.why,
                         **named)
    return _result(Part.code, 0, points, (False, message))


def fee(case: Case, outcome: FeeOutcome, evidence: frozenset[str], points: int) -> PartResult:
    expected = case.expected
    source = expected.fee_source or expected.source
    half = points // 2
    if expected.fee is FeeOutcome.paid:
        verdicts = {
            FeeOutcome.paid: (points, True, "practice.fee.paid"),
            FeeOutcome.exempt: (0, False, "practice.fee.waived_but_due"),
            FeeOutcome.unpaid: (0, False, "practice.fee.unsettled"),
        }
    else:
        claimed = ((points, True, "practice.fee.exempt") if FEE_EXEMPTION_PROOF in evidence
                   else (half, False, "practice.fee.proof_missing"))
        verdicts = {
            FeeOutcome.exempt: claimed,
            FeeOutcome.paid: (half, False, "practice.fee.paid_not_due"),
            FeeOutcome.unpaid: (0, False, "practice.fee.unsettled"),
        }
    earned, ok, code = verdicts[outcome]
    return _result(Part.fee, earned, points, (ok, Message.of(code, source=source)))


def _shown(name: str, value: object) -> Param:
    if name == "date_of_birth" and isinstance(value, dt.date):
        return Day(value)
    if name == "citizenship" and isinstance(value, str):
        return Country(value)
    return str(value)


def _difference(name: str, entered: object, expected: object) -> Message:
    if entered is None or entered == "":
        return Message.of("practice.identity.left_empty", field=IDENTITY_FIELDS[name],
                          expected=_shown(name, expected))
    return Message.of("practice.identity.differs", field=IDENTITY_FIELDS[name],
                      entered=_shown(name, entered), expected=_shown(name, expected))


def identity(case: Case, typed: Identity | None, points: int) -> PartResult:
    if typed is None:
        return _result(Part.identity, 0, points, (False, Message("practice.identity.missing")))
    passport = case.worker
    differing = [name for name in IDENTITY_FIELDS
                 if getattr(typed, name) != getattr(passport, name)]
    if not differing:
        return _result(Part.identity, points, points,
                       (True, Message("practice.identity.exact")))
    items = [(False, _difference(name, getattr(typed, name), getattr(passport, name)))
             for name in differing]
    if any(name in MATCH_FIELDS for name in differing):
        items.append((False, Message("practice.identity.no_match")))
        return _result(Part.identity, 0, points, *items)
    return _result(Part.identity, points * (4 - len(differing)) // 4, points, *items)


def attestations(made: frozenset[str], points: int) -> PartResult:
    missing = [key for key in ATTESTATION_IDS if key not in made]
    if not missing:
        return _result(Part.attestations, points, points,
                       (True, Message("practice.attestations.made")))
    message = Message.of("practice.attestations.missing", count=len(missing))
    return _result(Part.attestations, 0, points, (False, message))


def _evidence_label(case: Case, item_id: str) -> Param:
    if item_id == FEE_EXEMPTION_PROOF:
        return Message("practice.evidence.fee_exemption_proof")
    entry = get_code(case.expected.code)
    items = {item.id: item for item in entry.evidence} if entry is not None else {}
    item = items.get(item_id)
    return Bilingual(item.label_en, item.label_fr) if item is not None else item_id


def evidence(case: Case, attached: frozenset[str], points: int) -> PartResult:
    expected = case.expected.evidence
    missing = [item for item in expected if item not in attached]
    if not missing:
        message = Message.of("practice.evidence.complete", source=case.expected.source)
        return _result(Part.evidence, points, points, (True, message))
    earned = points * (len(expected) - len(missing)) // len(expected)
    items = [
        (False, Message.of("practice.evidence.missing", item=_evidence_label(case, item_id),
                           source=case.expected.source))
        for item_id in missing
    ]
    return _result(Part.evidence, earned, points, *items)


def application_with_offer(
    case: Case, kind: ApplicationType, typed: Identity | None, on_offer: Identity | None,
    points: int,
) -> PartResult:
    """A worker's application in a case with an offer: employer-specific, matching the offer's
    passport number and citizenship exactly (IRCC's automatic match)."""
    if kind is not ApplicationType.employer_specific:
        message = Message.of("practice.application.needs_offer_number",
                             chosen=APPLICATION_TYPES[kind])
        return _result(Part.application, 0, points, (False, message))
    matched = typed is not None and on_offer is not None and all(
        getattr(typed, name) == getattr(on_offer, name) for name in MATCH_FIELDS
    )
    if not matched:
        return _result(Part.application, 0, points,
                       (False, Message("practice.application.no_match")))
    return _result(Part.application, points, points,
                   (True, Message("practice.application.matched")))


def application_without_offer(case: Case, kind: ApplicationType, points: int) -> PartResult:
    expected = case.expected
    if kind is expected.application:
        message = Message.of("practice.application.right", type=APPLICATION_TYPES[kind],
                             source=expected.source)
        return _result(Part.application, points, points, (True, message))
    message = Message.of(
        "practice.application.wrong",
        chosen=APPLICATION_TYPES[kind],
        expected=APPLICATION_TYPES[expected.application],
        source=expected.source,
    )
    return _result(Part.application, 0, points, (False, message))


def application_code(case: Case, chosen: str | None, points: int) -> PartResult:
    key = case.expected.application_code or ""
    entry = get_code(chosen)
    named: dict[str, Param] = {
        "expected": _code_label(key), "name": CodeName(key), "source": case.expected.source,
    }
    if entry is not None and entry.key == key:
        message = Message.of("practice.application.code_right", **named)
        return _result(Part.code, points, points, (True, message))
    if not chosen:
        message = Message.of("practice.application.code_missing", **named)
        return _result(Part.code, 0, points, (False, message))
    message = Message.of("practice.application.code_wrong", chosen=_code_label(chosen), **named)
    return _result(Part.code, 0, points, (False, message))

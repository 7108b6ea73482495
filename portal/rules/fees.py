"""Fees (integer cents, CAD): the employer compliance fee, the worker's fees, and GSS 2-week
processing eligibility. Amounts come from data/reference.json (IRPR R299, R303.1, R303.2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portal.rules._data import load
from portal.rules.codes import ExemptionCode, FeeRule, get_code
from portal.rules.messages import Message, Money
from portal.rules.questions import YES

_FEES = load("reference")["fees_cents"]
COMPLIANCE_FEE_CENTS: int = _FEES["employer_compliance_fee"]
COMPLIANCE_FEE_GROUP_CAP_CENTS: int = _FEES["employer_compliance_fee_max_group_performing_artists"]
WORK_PERMIT_FEE_CENTS: int = _FEES["work_permit_processing_fee"]
WORK_PERMIT_GROUP_CAP_CENTS: int = _FEES["work_permit_max_group_performing_artists"]
BIOMETRICS_CENTS: int = _FEES["biometrics_per_person"]
BIOMETRICS_FAMILY_CAP_CENTS: int = _FEES["biometrics_max_family"]
OPEN_PERMIT_HOLDER_FEE_CENTS: int = _FEES["open_work_permit_holder_fee"]
IEC_PARTICIPATION_FEE_CENTS: int = _FEES["iec_fee_2025_season"]
RESTORATION_FEE_CENTS: int = _FEES["restoration_of_status"]
ETA_FEE_CENTS: int = _FEES["eta"]
TRV_FEE_CENTS: int = _FEES["trv"]
BIOMETRICS_AGE_RANGE = (14, 79)

# Codes whose workers are exempt from the $155 processing fee under R299(2) whatever the answers
# (research, co-op, refugee claimants, destitute students, vulnerable workers; IEC is R299(2)(i)).
WORKER_FEE_EXEMPT_CODES = frozenset({"C31", "C32", "C33", "S61", "H81", "A72", "C21"})
PERMIT_TYPES = ("employer_specific", "other", "open")
APPLIES_FROM = ("outside", "inside", "port_of_entry")


@dataclass(frozen=True)
class ComplianceFee:
    """The employer compliance fee for one offer, or for a whole C23 group of performing artists
    (then `amount_cents` is the group's total). `reason` says why, as a catalogue message."""

    amount_cents: int
    exempt: bool
    reason: Message
    regulation: str | None
    proof_required: bool


@dataclass(frozen=True)
class FeeLine:
    """One of the worker's fees; an exempt item is listed at 0 with the reason."""

    key: str
    label: Message
    amount_cents: int
    exempt_reason: Message | None = None

    def to_json(self) -> dict[str, object]:
        """The stored form (work permit applications keep their fee lines)."""
        return {
            "key": self.key,
            "label": self.label.to_json(),
            "amount_cents": self.amount_cents,
            "exempt_reason": self.exempt_reason.to_json() if self.exempt_reason else None,
        }


@dataclass(frozen=True)
class Decision:
    """A yes/no outcome with the reasons for it (catalogue messages)."""

    eligible: bool
    reasons: tuple[Message, ...]

    @property
    def required(self) -> bool:
        """Same as `eligible`, for decisions that answer "is it required?" (medical exam)."""
        return self.eligible

    def to_json(self) -> list[dict[str, object]]:
        """The stored form of the reasons."""
        return [reason.to_json() for reason in self.reasons]


def _yes(answers: Mapping[str, str] | None, qid: str) -> bool:
    return isinstance(answers, Mapping) and answers.get(qid) == YES


def _worker_fee_exempt(entry: ExemptionCode | None, answers: Mapping[str, str] | None) -> bool:
    if entry is None:
        return False
    if entry.code in WORKER_FEE_EXEMPT_CODES or entry.fee_rule is FeeRule.exempt:
        return True
    return entry.fee_rule is FeeRule.required_unless_worker_fee_exempt and (
        _yes(answers, "worker_unpaid") or _yes(answers, "worker_fee_exempt")
    )


def compliance_fee(
    code: str | None,
    *,
    answers: Mapping[str, str] | None = None,
    performing_artists_in_group: int = 1,
) -> ComplianceFee:
    """What the employer pays for an offer under `code` (R303.1)."""
    entry = get_code(code)
    if entry is not None and entry.fee_rule is FeeRule.not_applicable:
        return ComplianceFee(0, True, Message("fee.open_permit"), None, False)
    if entry is not None and entry.is_iec:
        return ComplianceFee(COMPLIANCE_FEE_CENTS, False, Message("fee.iec"), "R303.1(5)", False)
    if _worker_fee_exempt(entry, answers):
        return ComplianceFee(0, True, Message("fee.worker_exempt"), "R303.1(5); R299(2)", True)
    group = performing_artists_in_group if isinstance(performing_artists_in_group, int) else 1
    if entry is not None and entry.code == "C23" and group > 1:
        total = min(group * COMPLIANCE_FEE_CENTS, COMPLIANCE_FEE_GROUP_CAP_CENTS)
        capped = group >= 3
        reason = Message.of(
            "fee.group_capped" if capped else "fee.group", total=Money(total), people=group
        )
        return ComplianceFee(total, False, reason, "R303.1(3)" if capped else "R303.1(1)", False)
    return ComplianceFee(COMPLIANCE_FEE_CENTS, False, Message("fee.standard"), "R303.1(1)", False)


def worker_fees(
    *,
    permit_type: str,
    code: str | None,
    citizenship: str | None,
    has_biometrics_on_file: bool,
    family_size: int = 1,
    applies_from: str = "outside",
    answers: Mapping[str, str] | None = None,
    age: int | None = None,
) -> list[FeeLine]:
    """The worker's fees for a work permit application (principal applicant; biometrics for the
    whole family). Exempt items are listed at 0 with the reason, so the worker sees why."""
    entry = get_code(code)
    lines: list[FeeLine] = []
    if entry is not None and entry.is_iec:
        lines.append(FeeLine("iec_participation", _IEC_LABEL, IEC_PARTICIPATION_FEE_CENTS))
    if _worker_fee_exempt(entry, answers):
        lines.append(FeeLine("processing", _PROCESSING_LABEL, 0, Message("fee_line.exempt_r299")))
    else:
        lines.append(FeeLine("processing", _PROCESSING_LABEL, WORK_PERMIT_FEE_CENTS))
    if permit_type == "open":
        if entry is not None and (
            entry.open_permit_holder_fee_exempt or entry.code in ("C32", "C33")
        ):
            exempt = Message("fee_line.exempt_r303_2")
            lines.append(FeeLine("open_permit_holder", _OPEN_HOLDER_LABEL, 0, exempt))
        else:
            lines.append(
                FeeLine("open_permit_holder", _OPEN_HOLDER_LABEL, OPEN_PERMIT_HOLDER_FEE_CENTS)
            )
    lines.append(_biometrics(citizenship, has_biometrics_on_file, family_size, age))
    return lines


_IEC_LABEL = Message("fee_line.iec_participation")
_PROCESSING_LABEL = Message("fee_line.processing")
_OPEN_HOLDER_LABEL = Message("fee_line.open_permit_holder")
_BIOMETRICS_LABEL = Message("fee_line.biometrics")


def _biometrics(
    citizenship: str | None, on_file: bool, family_size: int, age: int | None
) -> FeeLine:
    if isinstance(citizenship, str) and citizenship.strip().upper() == "US":
        return FeeLine("biometrics", _BIOMETRICS_LABEL, 0, Message("fee_line.biometrics_us"))
    if on_file:
        return FeeLine("biometrics", _BIOMETRICS_LABEL, 0, Message("fee_line.biometrics_on_file"))
    if isinstance(age, int) and not BIOMETRICS_AGE_RANGE[0] <= age <= BIOMETRICS_AGE_RANGE[1]:
        return FeeLine("biometrics", _BIOMETRICS_LABEL, 0, Message("fee_line.biometrics_age"))
    people = family_size if isinstance(family_size, int) and family_size > 0 else 1
    amount = min(people * BIOMETRICS_CENTS, BIOMETRICS_FAMILY_CAP_CENTS)
    return FeeLine("biometrics", _BIOMETRICS_LABEL, amount)


def total_cents(lines: Iterable[FeeLine]) -> int:
    return sum(line.amount_cents for line in lines)


def gss_two_week(
    *,
    applies_from: str,
    applies_online: bool,
    employer_specific: bool,
    code: str | None,
    teer: int | None,
    offer_submitted_and_fee_paid: bool,
    biometrics_within_14_days: bool,
) -> Decision:
    """Global Skills Strategy 2-week processing (since 2017-06-12): every condition must hold.

    An open permit has no employer and no offer: the employer's conditions (the job's TEER, the
    offer and its fee) do not apply to it, so its only reason is that it is not employer-specific
    (and where the worker applies from, when that fails too)."""
    entry = get_code(code)
    if not employer_specific or (entry is not None and not entry.employer_specific):
        reasons = [Message("gss.not_employer_specific")]
        if applies_from != "outside":
            reasons.insert(0, Message("gss.not_from_outside"))
        return Decision(False, tuple(reasons))
    checks = (
        (applies_from == "outside", Message("gss.not_from_outside")),
        (applies_online, Message("gss.not_online")),
        (
            employer_specific and (entry is None or entry.employer_specific),
            Message("gss.not_employer_specific"),
        ),
        (not (entry is not None and entry.is_iec), Message("gss.iec")),
        (teer in (0, 1), Message("gss.not_teer_0_1")),
        (offer_submitted_and_fee_paid, Message("gss.offer_not_settled")),
        (biometrics_within_14_days, Message("gss.biometrics_late")),
    )
    failed = tuple(reason for ok, reason in checks if not ok)
    if failed:
        return Decision(False, failed)
    return Decision(True, (Message("gss.eligible"),))

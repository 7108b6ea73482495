"""What the rules report: a stable code, a severity, the field to fix, and a message (a catalogue
code and its parameters; the edge words it in the reader's language)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from portal.rules.messages import Message


class Severity(StrEnum):
    blocking = "blocking"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem with an offer.

    `code` is the finding's stable identifier ("ELIG-T36-CITIZENSHIP"); `message.code` is its
    catalogue entry: the same code, or the kind of code when several share one wording
    ("ELIG-*-CITIZENSHIP"). `field` names the form field to fix (an OfferFacts field name or
    "answers.<question_id>"); `section` is the offer section that holds it ("code", "worker",
    "job", "wages", "attestations").
    """

    code: str
    severity: Severity
    message: Message
    field: str | None = None
    section: str | None = None

    @property
    def is_blocking(self) -> bool:
        return self.severity is Severity.blocking


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """Only the findings that stop an offer from being submitted."""
    return [f for f in findings if f.severity is Severity.blocking]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.warning]

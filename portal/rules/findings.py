"""What the rules report: stable codes, a severity, and EN/FR messages that say how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from portal.rules.i18n import pick


class Severity(StrEnum):
    blocking = "blocking"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem with an offer.

    `field` names the form field to fix (an OfferFacts field name or "answers.<question_id>");
    `section` is the offer section that holds it ("code", "worker", "job", "wages", "attestations").
    """

    code: str
    severity: Severity
    message_en: str
    message_fr: str
    field: str | None = None
    section: str | None = None

    def message(self, lang: str) -> str:
        return pick(self.message_en, self.message_fr, lang)

    @property
    def is_blocking(self) -> bool:
        return self.severity is Severity.blocking


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """Only the findings that stop an offer from being submitted."""
    return [f for f in findings if f.severity is Severity.blocking]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.warning]

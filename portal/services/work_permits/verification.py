"""The worker's offer check: offer number + passport number + date of birth, all three exactly.

Guarantees:
- any failure (malformed number, unknown number, draft, wrong passport, wrong date of birth)
  returns the same None, so the page cannot tell them apart;
- a success returns only what the worker may see (`VerifiedOffer`: no wage, no address, no
  other personal data);
- every attempt is logged (`VerificationAttempt`) and audited, with the typed number and the
  passport number only as keyed hashes (HMAC-SHA256 with the app secret), never in clear;
- failures are counted in the database, so the limits hold across every worker process and
  host (TooManyAttempts once reached): per typed number AND address together (a worker who
  mistypes locks out only their own address), and per number from every address with a much
  higher ceiling (a distributed guess at one number). A correct check from an address that has
  not failed therefore gets through while someone else is guessing;
- the employer can see that its offer's number is being probed (`probing_of`).

The real portal has no such lookup (domain.md 9.1); the simulator offers it as a learning aid.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Employer, FeeStatus, Offer, OfferStatus, VerificationAttempt
from portal.rules import numbers
from portal.rules.codes import get_code
from portal.rules.matching import matches_verification
from portal.rules.messages import Message
from portal.rules.noc import get_unit_group
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import DomainError
from portal.services.offers.access import get_offer_by_number

FAILURE_WINDOW = timedelta(hours=1)
PROBE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class FailureLimits:
    """Failed checks allowed per hour: per number from one address, and per number from every
    address. None: no limit (rate limits turned off)."""

    per_number_and_address: int | None = 5
    per_number: int | None = 50

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> FailureLimits:
        """The limits the pages and the API share (VERIFY_OFFER_FAILURES_PER_HOUR,
        VERIFY_OFFER_FAILURES_PER_NUMBER_PER_HOUR); none when RATELIMIT_ENABLED is off."""
        if not config.get("RATELIMIT_ENABLED", True):
            return cls(None, None)
        return cls(int(config["VERIFY_OFFER_FAILURES_PER_HOUR"]),
                   int(config["VERIFY_OFFER_FAILURES_PER_NUMBER_PER_HOUR"]))


@dataclass(frozen=True)
class Probing:
    """Failed checks of one offer's number in the last 24 hours, and from how many addresses."""

    failures: int
    addresses: int


class TooManyAttempts(DomainError):
    """Too many failed checks for this offer number in the last hour."""


@dataclass(frozen=True)
class VerifiedOffer:
    number: str
    operating_name: str
    job_title: str | None
    noc_code: str | None
    noc_title_en: str | None
    noc_title_fr: str | None
    exemption_code: str | None
    exemption_name_en: str | None
    exemption_name_fr: str | None
    work_province: str | None
    start_date: date | None
    status: OfferStatus
    fee_status: FeeStatus

    def noc_title(self, lang: str) -> str | None:
        return self.noc_title_fr if lang == "fr" else self.noc_title_en

    def exemption_name(self, lang: str) -> str | None:
        return self.exemption_name_fr if lang == "fr" else self.exemption_name_en


def keyed_hash(value: str, *, purpose: str, secret: bytes) -> str:
    """HMAC-SHA256 of `value` for one purpose: comparable, not reversible without the secret."""
    return hmac.new(secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def verify_offer(
    *,
    number: str,
    passport_number: str,
    date_of_birth: date | None,
    secret: bytes,
    ip_address: str | None,
    limits: FailureLimits | None = None,
) -> VerifiedOffer | None:
    """Check the three values against a submitted offer. Returns what the worker may see, or None
    on any failure. Commits the attempt log. Raises TooManyAttempts (nothing logged) when this
    number reached one of `limits` in the last hour (default FailureLimits())."""
    limits = limits or FailureLimits()
    number_key = keyed_hash(number, purpose="offer-number", secret=secret)
    # Read first (no write lock held): the lookup, the comparison and what the worker may see.
    offer = get_offer_by_number(number) if numbers.is_offer_number(number) else None
    if offer is not None and offer.status == OfferStatus.DRAFT:
        offer = None
    matched = offer is not None and matches_verification(
        offer_passport_number=offer.worker_passport_number,
        offer_date_of_birth=offer.worker_date_of_birth,
        passport_number=passport_number,
        date_of_birth=date_of_birth,
    )
    result = _visible(offer) if matched and offer is not None else None
    offer_id = offer.id if offer is not None else None
    employer_id = offer.employer_id if offer is not None else None
    passport_key = (
        keyed_hash(passport_number, purpose="passport", secret=secret) if passport_number else None
    )
    # Under the write lock only what the writes depend on (the failure count, so the limit
    # holds exactly across workers) and the writes.
    with write_transaction():
        _refuse_when_limited(number_key, ip_address, limits)
        attempt = VerificationAttempt(
            number_key=number_key,
            passport_key=passport_key,
            offer_id=offer_id,
            succeeded=matched,
            ip_address=ip_address,
            created_at=clock.real_now(),
        )
        db.session.add(attempt)
        db.session.flush()
        audit.record(
            "worker.offer_verified" if matched else "worker.offer_verification_failed",
            actor=Actor(user_id=None, ip_address=ip_address),
            employer_id=employer_id,
            object_type="offer" if offer_id is not None else None,
            object_id=offer_id,
            details={"attempt_id": attempt.id},
        )
    return result


def _refuse_when_limited(number_key: str, ip_address: str | None,
                         limits: FailureLimits) -> None:
    """Raise TooManyAttempts when the number had too many failures in the last hour from this
    address, or from every address."""
    recent = (VerificationAttempt.number_key == number_key,
              VerificationAttempt.succeeded.is_(False),
              VerificationAttempt.created_at >= clock.real_now() - FAILURE_WINDOW)
    if limits.per_number_and_address is not None:
        mine = db.session.scalar(select(func.count(VerificationAttempt.id)).where(
            *recent, VerificationAttempt.ip_address.is_(None) if ip_address is None
            else VerificationAttempt.ip_address == ip_address))
        if (mine or 0) >= limits.per_number_and_address:
            raise TooManyAttempts(Message.of("verification.too_many_attempts"))
    if limits.per_number is not None:
        everyone = db.session.scalar(select(func.count(VerificationAttempt.id)).where(*recent))
        if (everyone or 0) >= limits.per_number:
            raise TooManyAttempts(Message.of("verification.too_many_attempts"))


def probing_of(*, offer_id: int) -> Probing:
    """How many checks of this offer's number failed in the last 24 hours, from how many
    addresses (for the employer's offer page)."""
    since = clock.real_now() - PROBE_WINDOW
    failures, addresses = db.session.execute(
        select(func.count(VerificationAttempt.id),
               func.count(func.distinct(VerificationAttempt.ip_address)))
        .where(VerificationAttempt.offer_id == offer_id,
               VerificationAttempt.succeeded.is_(False),
               VerificationAttempt.created_at >= since)
    ).one()
    return Probing(failures=int(failures or 0), addresses=int(addresses or 0))


def _visible(offer: Offer) -> VerifiedOffer:
    employer = db.session.get(Employer, offer.employer_id)
    group = get_unit_group(offer.noc_code)
    code = get_code(offer.code_key)
    return VerifiedOffer(
        number=offer.number or "",
        operating_name=employer.operating_name if employer is not None else "",
        job_title=offer.job_title,
        noc_code=offer.noc_code,
        noc_title_en=group.title_en if group else None,
        noc_title_fr=group.title_fr if group else None,
        exemption_code=code.code if code else offer.code_key,
        exemption_name_en=code.name_en if code else None,
        exemption_name_fr=code.name_fr if code else None,
        work_province=offer.work_province,
        start_date=offer.start_date,
        status=OfferStatus(offer.status),
        fee_status=FeeStatus(offer.fee_status),
    )


def confirmation_status(*, number: str, code: str, secret: bytes) -> OfferStatus | None:
    """The status of a submitted offer when `code` is the verification code printed on its PDF
    confirmation (portal.rules.numbers.verification_code with `secret`); None otherwise. Shows
    the status only: the code proves the document, not the reader's identity."""
    if not numbers.is_offer_number(number) or not numbers.check_verification_code(
        number, code, secret
    ):
        return None
    offer = get_offer_by_number(number)
    if offer is None or offer.status == OfferStatus.DRAFT:
        return None
    return OfferStatus(offer.status)

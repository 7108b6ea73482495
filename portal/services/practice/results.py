"""Grading a learner's practice employer, the learner's progress and the instructor's cohort.

Guarantees: a learner is graded only on their own practice employer of that case (the newest
one); every grade is kept (`PracticeResult`) and the progress shows the best; only an
instructor sees the cohort, which is every learner who has been graded (no cohort codes: one
simulator, one class); nothing here words text (the edge does, with the catalogue).

How the portal's offers become an `Attempt`: an offer withdrawn is as if never made (its fee
refunded); a case that needs an offer is graded on each remaining offer and keeps the best; a
case that needs none is graded on whether any offer was submitted. The worker's application is
not read (the grader then leaves that part out).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from portal.database import write_transaction
from portal.extensions import db
from portal.models import EvidenceFile, FeeStatus, Offer, OfferStatus, PracticeResult, User
from portal.rules.messages import Message
from portal.rules.practice import Attempt, Grade, Identity, all_cases, grade
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import Forbidden, NotFound
from portal.services.practice.employers import case_or_not_found, latest_employer

_FEES = {FeeStatus.PAID: "paid", FeeStatus.EXEMPT: "exempt"}
_SUBMITTED = (OfferStatus.PENDING, OfferStatus.MATCHED)


def _attempt(offer: Offer) -> Attempt:
    evidence = db.session.scalars(
        select(EvidenceFile.item_id).where(EvidenceFile.offer_id == offer.id)
    )
    return Attempt(
        offer_submitted=offer.status in _SUBMITTED,
        code=offer.code_key,
        fee=_FEES.get(offer.fee_status, "unpaid"),
        identity=Identity(
            family_name=offer.worker_family_name, given_names=offer.worker_given_names,
            date_of_birth=offer.worker_date_of_birth, sex=offer.worker_sex,
            citizenship=offer.worker_citizenship, passport_number=offer.worker_passport_number,
        ),
        attestations=tuple(offer.attestations or ()),
        evidence=frozenset(evidence),
    )


def _grade_employer(case_id: str, employer_id: int) -> Grade:
    case = case_or_not_found(case_id)
    offers = db.session.scalars(
        select(Offer).where(Offer.employer_id == employer_id,
                            Offer.status != OfferStatus.WITHDRAWN).order_by(Offer.id)
    ).all()
    if not case.needs_offer:
        submitted = [o for o in offers if o.status in _SUBMITTED]
        attempt = _attempt(submitted[0]) if submitted else Attempt()
        return grade(case, attempt)
    grades = [grade(case, _attempt(offer)) for offer in offers] or [grade(case, Attempt())]
    return max(grades, key=lambda g: g.score)


def check_work(*, case_id: str, user_id: int) -> Grade:
    """Grade the learner's newest practice employer of the case and keep the score. Raises
    NotFound when the learner has not started the case."""
    case_or_not_found(case_id)
    employer = latest_employer(case_id=case_id, user_id=user_id)
    if employer is None:
        raise NotFound(Message.of("practice.not_started"))
    result = _grade_employer(case_id, employer.id)
    with write_transaction():
        db.session.add(PracticeResult(user_id=user_id, employer_id=employer.id,
                                      case_id=case_id, score=result.score))
    return result


@dataclass(frozen=True)
class Progress:
    case_id: str
    best: int
    attempts: int
    last_graded_at: datetime


def progress(*, user_id: int) -> dict[str, Progress]:
    """The learner's graded cases: best score, number of checks and the last one, by case."""
    rows = db.session.execute(
        select(PracticeResult.case_id, func.max(PracticeResult.score), func.count(),
               func.max(PracticeResult.graded_at))
        .where(PracticeResult.user_id == user_id)
        .group_by(PracticeResult.case_id)
    )
    return {case_id: Progress(case_id, best, count, last)
            for case_id, best, count, last in rows}


@dataclass(frozen=True)
class CohortRow:
    learner_name: str
    learner_email: str
    case_id: str
    best: int
    attempts: int
    last_graded_at: datetime


def require_instructor(user_id: int) -> None:
    user = db.session.get(User, user_id)
    if user is None or not user.is_instructor:
        raise Forbidden(Message.of("practice.instructors_only"))


def cohort(*, user_id: int) -> list[CohortRow]:
    """Every learner's best score on each case they checked, by learner then case order.
    Raises Forbidden unless the user is an instructor."""
    require_instructor(user_id)
    rows = db.session.execute(
        select(User.full_name, User.email, PracticeResult.case_id,
               func.max(PracticeResult.score), func.count(),
               func.max(PracticeResult.graded_at))
        .join(User, User.id == PracticeResult.user_id)
        .group_by(User.id, User.full_name, User.email, PracticeResult.case_id)
    )
    order = {case.id: index for index, case in enumerate(all_cases())}
    found = [CohortRow(*row) for row in rows]
    return sorted(found, key=lambda r: (r.learner_name.lower(), r.learner_email,
                                        order.get(r.case_id, len(order))))


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def cohort_csv(*, user_id: int, headers: list[str]) -> Iterator[str]:
    """The cohort as CSV chunks: the header row (the edge's words), then one row per learner
    and case. Raises Forbidden unless the user is an instructor (before the first chunk)."""
    rows = cohort(user_id=user_id)
    return _csv_chunks(rows, headers)


def _csv_chunks(rows: list[CohortRow], headers: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(row.learner_name), _cell(row.learner_email), row.case_id,
                         row.best, row.attempts, row.last_graded_at.isoformat()])
    yield buffer.getvalue()


def set_instructor(*, email: str, value: bool = True) -> User:
    """Make (or unmake) the employer user with `email` an instructor (the command line).
    Raises NotFound when no employer user has it."""
    with write_transaction():
        found = select(User).where(User.email == email.strip().lower())
        user: User | None = db.session.scalar(found)
        if user is None or user.is_admin:
            raise NotFound(Message.of("practice.no_such_user"))
        user.is_instructor = value
        audit.record("practice.instructor_set" if value else "practice.instructor_unset",
                     actor=Actor.system(), employer_id=user.employer_id, object_type="user",
                     object_id=user.id)
        return user

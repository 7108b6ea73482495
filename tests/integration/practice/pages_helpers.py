"""Doing a practice case's work as data: an offer on the learner's practice employer that holds
what an `Attempt` of the grader tests says (code, fee, worker, attestations, evidence), as the
portal's pages would have stored it."""

from __future__ import annotations

import secrets

from portal.extensions import db
from portal.models import Employer, EvidenceFile, FeeStatus, Offer, OfferStatus
from portal.rules.codes import get_code
from portal.rules.practice import Attempt

PDF = b"%PDF-1.4 practice evidence"
_FEES = {"paid": FeeStatus.PAID, "exempt": FeeStatus.EXEMPT}


def practice_employer(case_id: str, learner_id: int) -> Employer:
    found = db.session.query(Employer).filter_by(
        practice_case_id=case_id, practice_learner_id=learner_id).order_by(Employer.id.desc())
    employer = found.first()
    assert employer is not None, "the case was not started"
    return employer


def do_the_work(employer_id: int, attempt: Attempt) -> Offer:
    fee = _FEES.get(str(attempt.fee), FeeStatus.UNPAID)
    submitted = attempt.offer_submitted
    entry = get_code(attempt.code)
    identity = attempt.identity
    offer = Offer(
        employer_id=employer_id,
        status=OfferStatus.PENDING if submitted else OfferStatus.DRAFT,
        number=f"A{secrets.randbelow(10**7):07d}" if submitted else None,
        code_key=entry.key if entry is not None else attempt.code,
        fee_status=fee,
        fee_exemption_reason="Fee exempt (practice)" if fee == FeeStatus.EXEMPT else None,
        attestations=sorted(attempt.attestations),
    )
    if identity is not None:
        offer.worker_family_name = identity.family_name
        offer.worker_given_names = identity.given_names
        offer.worker_date_of_birth = identity.date_of_birth
        offer.worker_sex = identity.sex
        offer.worker_citizenship = identity.citizenship
        offer.worker_passport_number = identity.passport_number
    db.session.add(offer)
    db.session.flush()
    for item in attempt.evidence:
        db.session.add(EvidenceFile(offer_id=offer.id, item_id=item, filename=f"{item}.pdf",
                                    content_type="application/pdf", size=len(PDF), data=PDF))
    db.session.commit()
    return offer

"""Where an employer stands with the compliance regime on a given day.

`get_standing` is the one question other areas ask (offers: may this employer create or submit?
workers: is the offer's employer banned?). Writes (grant, revoke, ban, lift) live in
`compliance.exemptions` and `compliance.bans`.

Date rules (the same ones the models' `in_force_on` use):
- an exemption applies from its effective date (inclusive) to its expiry date (EXCLUSIVE: on the
  expiry day the employer is back in the regime), unless revoked;
- a ban applies from its start date to its end date (both INCLUSIVE; no end date = permanent),
  unless lifted;
- an inspection's penalty is in default from the day after its due day until paid
  (rules.compliance.status.PenaltyRecord).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from portal.extensions import db
from portal.models.compliance import ComplianceExemption, EmployerBan
from portal.models.enums import ExemptionCategory
from portal.models.inspection import Inspection
from portal.rules.compliance.status import PenaltyRecord


@dataclass(frozen=True)
class Standing:
    exempt: bool
    exempt_category: ExemptionCategory | None
    banned: bool
    ban_reason: str | None
    # An inspection's penalty unpaid after its due day (R200(3)(h)(iii)): no work permits.
    in_default: bool = False

    @property
    def eligible(self) -> bool:
        """Whether work permits may be issued for this employer's offers."""
        return not self.banned and not self.in_default


def penalty_record(inspection: Inspection) -> PenaltyRecord | None:
    """An inspection's penalty as the rules read it (None when there is none to pay).
    SIMPLIFICATION: the simulator has no payment agreements."""
    if not inspection.penalty_cents or inspection.penalty_due_on is None:
        return None
    paid = inspection.penalty_paid_at.date() if inspection.penalty_paid_at else None
    return PenaltyRecord(due_on=inspection.penalty_due_on, paid_in_full_on=paid)


def _in_default(employer_id: int, on: date) -> bool:
    rows = db.session.scalars(select(Inspection).where(
        Inspection.employer_id == employer_id, Inspection.penalty_cents > 0,
        Inspection.penalty_paid_at.is_(None)))
    return any(r is not None and r.in_default_on(on) for r in map(penalty_record, rows))


def get_standing(*, employer_id: int, on: date) -> Standing:
    """The employer's standing on day `on`. Read-only; never raises for an unknown employer
    (it simply has no exemption and no ban)."""
    exemption = db.session.scalar(
        select(ComplianceExemption)
        .where(
            ComplianceExemption.employer_id == employer_id,
            ComplianceExemption.revoked_at.is_(None),
            ComplianceExemption.effective_date <= on,
            or_(ComplianceExemption.expiry_date.is_(None), ComplianceExemption.expiry_date > on),
        )
        .order_by(ComplianceExemption.effective_date.desc(), ComplianceExemption.id.desc())
        .limit(1)
    )
    ban = db.session.scalar(
        select(EmployerBan)
        .where(
            EmployerBan.employer_id == employer_id,
            EmployerBan.lifted_at.is_(None),
            EmployerBan.start_date <= on,
            or_(EmployerBan.end_date.is_(None), EmployerBan.end_date >= on),
        )
        .order_by(EmployerBan.start_date.desc(), EmployerBan.id.desc())
        .limit(1)
    )
    return Standing(
        exempt=exemption is not None,
        exempt_category=exemption.category if exemption is not None else None,
        banned=ban is not None,
        ban_reason=ban.reason if ban is not None else None,
        in_default=_in_default(employer_id, on),
    )

"""One read of an offer for everything that shows it whole: the review page, a submitted
offer's page, the business information page and the confirmation PDF.

`offer_details(offer)` -> `OfferDetails`: the offer with what it refers to, looked up once —
its employer, its exemption code's entry (`rules.codes`), its NOC 2021 unit group
(`rules.noc`), its one successful payment and the progress of its refund, if any. The caller
has already checked that the actor may see the offer (`access.get_offer`); this module reads
and never writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.extensions import db
from portal.models import Employer, Offer, Payment
from portal.rules.codes import ExemptionCode, get_code
from portal.rules.noc import UnitGroup, get_unit_group
from portal.services.offers.access import successful_payment
from portal.services.offers.refunds import RefundProgress, progress


@dataclass(frozen=True)
class OfferDetails:
    offer: Offer
    employer: Employer
    entry: ExemptionCode | None  # None while the draft has no (known) code
    unit_group: UnitGroup | None  # None while the draft has no (known) NOC code
    payment: Payment | None  # the successful payment; None when unpaid, exempt or a draft

    @property
    def teer(self) -> int | None:
        """The TEER stored with the offer, or its unit group's."""
        if self.offer.teer is not None:
            return self.offer.teer
        return self.unit_group.teer if self.unit_group else None

    @property
    def refund(self) -> RefundProgress | None:
        """Where the fee's refund is and the expected day of its next step (None: no refund)."""
        if self.payment is None or not self.payment.refunds:
            return None
        return progress(self.payment.refunds[0])


def offer_details(offer: Offer) -> OfferDetails:
    employer = db.session.get(Employer, offer.employer_id)
    assert employer is not None  # offers.employer_id is a non-null foreign key
    return OfferDetails(
        offer=offer,
        employer=employer,
        entry=get_code(offer.code_key) if offer.code_key else None,
        unit_group=get_unit_group(offer.noc_code) if offer.noc_code else None,
        payment=successful_payment(offer),
    )

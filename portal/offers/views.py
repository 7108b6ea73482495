"""What the offers area's views share: loading the acting employer's offer."""

from __future__ import annotations

from flask import abort, redirect, url_for

from portal.access import current_actor
from portal.models.enums import OfferStatus
from portal.services.errors import NotFound
from portal.services.offers import access


def load_offer(offer_id: int):  # type: ignore[no-untyped-def]
    try:
        return access.get_offer(offer_id=offer_id, actor=current_actor())
    except NotFound:
        abort(404)


def load_draft(offer_id: int):  # type: ignore[no-untyped-def]
    offer = load_offer(offer_id)
    if offer.status != OfferStatus.DRAFT:
        return offer, redirect(url_for("offers.view", offer_id=offer.id))
    return offer, None

"""What the offers area's views share: loading the acting employer's offer.

`@with_offer` and `@with_draft` sit under the access decorator of a view whose URL has
`<int:offer_id>`, and call the view with the loaded `offer` instead. An offer that does not exist
or that the acting employer may not see raises the domain NotFound, which the app-wide handler
answers with 404 (portal/errors.py). `@with_draft` also sends a submitted offer to its own page:
a draft's forms are never shown for it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import redirect, url_for

from portal.access import current_actor
from portal.models.enums import OfferStatus
from portal.services.offers import access

OfferView = Callable[..., Any]


def with_offer(view: OfferView) -> Callable[..., Any]:
    """Call `view(offer, ...)` with the acting employer's offer, of any status."""

    @wraps(view)
    def wrapped(offer_id: int, **kwargs: Any) -> Any:
        return view(access.get_offer(offer_id=offer_id, actor=current_actor()), **kwargs)

    return wrapped


def with_draft(view: OfferView) -> Callable[..., Any]:
    """Call `view(offer, ...)` with the acting employer's draft; a submitted offer redirects to
    its page."""

    @wraps(view)
    def wrapped(offer_id: int, **kwargs: Any) -> Any:
        offer = access.get_offer(offer_id=offer_id, actor=current_actor())
        if offer.status != OfferStatus.DRAFT:
            return redirect(url_for("offers.view", offer_id=offer.id))
        return view(offer, **kwargs)

    return wrapped

"""Where a refund is (refund.state), with the labels users read: requested -> approved ->
issued, on the business days of portal.rules.refunds (the simulator's shortened timing).

Beside portal.models.enums (which is at the house's module size): the edges never import it,
they compare `str(state)` and show `.label` on what a service returned.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.models.enums import LabelledEnum, give_labels


class RefundState(LabelledEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    ISSUED = "issued"


give_labels(
    RefundState,
    {
        RefundState.REQUESTED: _l("Requested"),
        RefundState.APPROVED: _l("Approved for payment"),
        RefundState.ISSUED: _l("Issued"),
    },
)

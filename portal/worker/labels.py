"""Labels the worker (and decision) templates show for stored values, in the user's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.catalogue.labels import travel_document_label

OFFER_STATUS = {
    "draft": _l("Draft"),
    "pending": _l("Pending"),
    "matched": _l("Matched"),
    "withdrawn": _l("Withdrawn"),
}
FEE_STATUS = {
    "unpaid": _l("Not paid"),
    "paid": _l("Paid"),
    "exempt": _l("Exempt"),
    "refunded": _l("Refunded"),
}
APPLICATION_STATUS = {
    "submitted": _l("Submitted"),
    "approved": _l("Approved"),
    "refused": _l("Refused"),
}
PERMIT_TYPE = {
    "employer_specific": _l("Employer-specific, exempt from the LMIA"),
    "other": _l("Other (employer exempt from the compliance regime)"),
    "open": _l("Open work permit"),
}
APPLIES_FROM = {
    "outside": _l("Online, from outside Canada"),
    "inside": _l("Online, from inside Canada"),
    "port_of_entry": _l("At a port of entry"),
}


def _label(table: dict, value: object) -> str:
    return str(table.get(str(value), value or ""))


def label_helpers() -> dict[str, object]:
    return {
        "offer_status_label": lambda v: _label(OFFER_STATUS, v),
        "fee_status_label": lambda v: _label(FEE_STATUS, v),
        "application_status_label": lambda v: _label(APPLICATION_STATUS, v),
        "permit_type_label": lambda v: _label(PERMIT_TYPE, v),
        "applies_from_label": lambda v: _label(APPLIES_FROM, v),
        "travel_document_label": travel_document_label,
    }

"""Labels of the rules' enums (the rules import no Flask, so their enums carry no lazy label):
the exemption-code categories and the travel documents. French: codes.po and decisions.po."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from portal.rules.codes import Category
from portal.rules.travel import TravelDocument

CATEGORY_LABELS: dict[str, LazyString] = {
    Category.free_trade: _l("Free trade agreements"),
    Category.international_agreement: _l("Other international agreements"),
    Category.provincial: _l("Federal–provincial agreements"),
    Category.iec: _l("International Experience Canada"),
    Category.canadian_interests: _l("Canadian interests: significant benefit"),
    Category.reciprocal: _l("Canadian interests: reciprocal employment"),
    Category.designated: _l("Work designated by the Minister (research, competitiveness)"),
    Category.charitable_religious: _l("Charitable or religious work"),
    Category.pr_facilitation: _l("Permanent residence pathways"),
    Category.humanitarian: _l("Humanitarian reasons and no other means of support"),
    Category.public_policy: _l("Public policies"),
}
TRAVEL_DOCUMENT_LABELS: dict[str, LazyString] = {
    TravelDocument.visa: _l("Temporary resident visa (issued with the work permit approval)"),
    TravelDocument.eta: _l(
        "Electronic travel authorization (eTA, issued with the work permit approval)"
    ),
    TravelDocument.none: _l("No visa and no eTA needed"),
}


def category_label(category: Category | str) -> str:
    """The category's name in the reader's language (an unknown value is returned as given)."""
    label = CATEGORY_LABELS.get(category) if isinstance(category, str) else None
    return str(label) if label is not None else str(category)


def travel_document_label(document: TravelDocument | str) -> str:
    label = TRAVEL_DOCUMENT_LABELS.get(document) if isinstance(document, str) else None
    return str(label) if label is not None else str(document)

"""The offers area: the offer form (a draft's sections, evidence and review), paying or waiving
the fee and submitting, the confirmation and its PDF, and an offer's life after submission.
Routes are in portal/offers/routes/ (drafts, submission, lifecycle); helpers they share in
portal/offers/views.py."""

from flask import Blueprint

bp = Blueprint("offers", __name__, url_prefix="/employer/offers")


@bp.app_template_filter("field_anchor")
def _field_anchor(column: str) -> str:
    from portal.offers.sections import field_anchor

    return field_anchor(column)


from portal.offers.routes import drafts, lifecycle, submission  # noqa: E402, F401

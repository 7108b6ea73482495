from flask import Blueprint

bp = Blueprint("offers", __name__, url_prefix="/employer/offers")

from portal.offers import routes, routes_submission  # noqa: E402, F401

from flask import Blueprint

bp = Blueprint("employer", __name__, url_prefix="/employer")

from portal.employer import inspections, routes  # noqa: E402, F401

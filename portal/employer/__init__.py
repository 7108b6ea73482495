from flask import Blueprint

bp = Blueprint("employer", __name__, url_prefix="/employer")

from portal.employer import routes  # noqa: E402, F401

from flask import Blueprint

bp = Blueprint("decisions", __name__, url_prefix="/admin/decisions")

from portal.decisions import routes  # noqa: E402, F401

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from portal.admin import audit_routes, routes, second_factor_routes  # noqa: E402, F401

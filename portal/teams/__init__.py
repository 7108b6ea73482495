from flask import Blueprint

bp = Blueprint("teams", __name__)

from portal.teams import routes  # noqa: E402, F401

from flask import Blueprint

bp = Blueprint("public", __name__)

from portal.public import routes  # noqa: E402, F401

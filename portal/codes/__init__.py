from flask import Blueprint

bp = Blueprint("codes", __name__)

from portal.codes import routes  # noqa: E402, F401

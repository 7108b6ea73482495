from flask import Blueprint

bp = Blueprint("registry", __name__)

from portal.registry import routes  # noqa: E402, F401

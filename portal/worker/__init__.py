from flask import Blueprint

bp = Blueprint("worker", __name__)

from portal.worker import routes  # noqa: E402, F401

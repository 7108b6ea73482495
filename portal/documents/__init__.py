from flask import Blueprint

bp = Blueprint("documents", __name__)

from portal.documents import routes  # noqa: E402, F401

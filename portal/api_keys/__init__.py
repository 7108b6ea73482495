from flask import Blueprint

bp = Blueprint("api_keys", __name__)

from portal.api_keys import routes  # noqa: E402, F401

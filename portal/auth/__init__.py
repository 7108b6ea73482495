from flask import Blueprint

bp = Blueprint("auth", __name__)

from portal.auth import links, routes, second_factor  # noqa: E402, F401

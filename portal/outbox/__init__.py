"""The outbox area: the messages the simulator would have emailed to the signed-in user."""

from flask import Blueprint

bp = Blueprint("outbox", __name__)

from portal.outbox import routes  # noqa: E402, F401

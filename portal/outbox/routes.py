"""The signed-in user's outbox: every message the portal would have emailed them, newest first."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from portal.access import signed_in_required
from portal.outbox import bp
from portal.services.outbox import messages as outbox


@bp.route("/outbox")
@signed_in_required
def messages() -> ResponseReturnValue:
    return render_template(
        "outbox/messages.html", messages=outbox.list_for_user(user_id=current_user.id)
    )

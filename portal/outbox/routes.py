"""The signed-in user's outbox: every message the portal would have emailed them, newest first.
An account whose address is not confirmed yet sees its own messages only (its confirmation link
among them); messages sent to the address before the account existed appear once it is."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from portal.access import account_required
from portal.extensions import mail
from portal.outbox import bp
from portal.services.outbox import messages as outbox


@bp.route("/outbox")
@account_required
def messages() -> ResponseReturnValue:
    return render_template(
        "outbox/messages.html", messages=outbox.list_for_user(user_id=current_user.id),
        smtp=mail.enabled, withheld=outbox.withheld,
    )

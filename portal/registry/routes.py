"""Public registers: the list of non-compliant (banned) employers, as IRCC publishes it."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from portal import clock
from portal.access import public
from portal.registry import bp
from portal.services.compliance import bans


@bp.route("/non-compliant-employers")
@public
def non_compliant_employers() -> ResponseReturnValue:
    return render_template(
        "registry/non_compliant_employers.html", bans=bans.list_public_bans(on=clock.today())
    )


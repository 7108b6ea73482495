"""The admin area's index: what an administrator can do, and the queue's and the audit log's
state at a glance (queue depth, failed tasks, the last signed checkpoint)."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.services.audit import checkpoints
from portal.services.operations import health


@bp.route("/")
@admin_required
def index() -> ResponseReturnValue:
    return render_template(
        "admin/index.html",
        queue=health.queue_figures(actor=current_actor()),
        checkpoint=checkpoints.latest(),
    )

"""The admin area's index: what an administrator can do."""

from __future__ import annotations

from flask import render_template

from portal.access import admin_required
from portal.admin import bp


@bp.route("/")
@admin_required
def index():
    return render_template("admin/index.html")

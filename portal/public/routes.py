"""Public pages: the landing page."""

from __future__ import annotations

from flask import render_template

from portal.access import public
from portal.public import bp


@bp.route("/")
@public
def index():
    return render_template("public/index.html")

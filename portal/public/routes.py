"""Public pages: the landing page."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from portal.access import public
from portal.public import bp


@bp.route("/")
@public
def index() -> ResponseReturnValue:
    return render_template("public/index.html")


@bp.route("/healthz")
@public
def healthz() -> ResponseReturnValue:
    """Liveness check for load balancers and the benchmarks: no database, no template."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}

"""Public pages: the landing page, and the liveness and readiness checks."""

from __future__ import annotations

from flask import jsonify, render_template
from flask.typing import ResponseReturnValue

from portal.access import public
from portal.public import bp
from portal.services.operations import health


@bp.route("/")
@public
def index() -> ResponseReturnValue:
    return render_template("public/index.html")


@bp.route("/healthz")
@public
def healthz() -> ResponseReturnValue:
    """Liveness check for load balancers and the benchmarks: no database, no template."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.route("/readyz")
@public
def readyz() -> ResponseReturnValue:
    """Readiness for load balancers: the database and the queue answer (503 naming the one
    that does not, by the exception's class only)."""
    checks = health.readiness()
    ready = all(check.ok for check in checks)
    body = {
        "status": "ready" if ready else "unavailable",
        "checks": {c.name: {"ok": c.ok, **({"reason": c.reason} if c.reason else {})}
                   for c in checks},
    }
    return jsonify(body), 200 if ready else 503, {"Cache-Control": "no-store"}

"""The audit log's signed checkpoints: the page, and the JSON file to publish and keep."""

from __future__ import annotations

import json

from flask import Response, current_app, render_template
from flask.typing import ResponseReturnValue

from portal import clock
from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.services.audit import checkpoints


def _key() -> str:
    return str(current_app.config.get("AUDIT_SIGNING_KEY") or "")


@bp.route("/audit/checkpoints")
@admin_required
def audit_checkpoints() -> ResponseReturnValue:
    key = _key()
    public = checkpoints.public_key_text(checkpoints.private_key(key)) if key else None
    return render_template(
        "admin/audit_checkpoints.html",
        checkpoints=checkpoints.recent(actor=current_actor()),
        public_key=public,
        key_id=checkpoints.key_id(public) if public else None,
    )


@bp.route("/audit/checkpoints.json")
@admin_required
def audit_checkpoints_json() -> ResponseReturnValue:
    document = checkpoints.published(signing_key=_key(), actor=current_actor())
    filename = f"audit-checkpoints-{clock.today().isoformat()}.json"
    return Response(
        json.dumps(document, indent=1) + "\n",
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )

"""The admin audit log: filter, paginate, export as CSV."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue

from portal import clock
from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.admin.forms import AuditFilterForm
from portal.downloads import csv_download
from portal.services.audit import log as audit_log


def _criteria(form: AuditFilterForm) -> audit_log.AuditFilter:
    def ok(field: Any) -> Any:
        return None if field.errors else field.data

    return audit_log.AuditFilter(
        employer_id=ok(form.employer_id),
        user_id=ok(form.user_id),
        action=ok(form.action) or "",
        date_from=ok(form.date_from),
        date_to=ok(form.date_to),
    )


@bp.route("/audit")
@admin_required
def audit() -> ResponseReturnValue:
    form = AuditFilterForm(request.args)
    if request.args:
        form.validate()
    actor = current_actor()
    page = audit_log.search(
        actor=actor, criteria=_criteria(form), page=request.args.get("page", 1, type=int) or 1
    )
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "admin/audit.html",
        form=form,
        page=page,
        args=args,
        actions=audit_log.action_names(actor=actor),
        names=audit_log.names_for(actor=actor, events=page.rows),
    )


@bp.route("/audit.csv")
@admin_required
def audit_csv() -> ResponseReturnValue:
    form = AuditFilterForm(request.args)
    if request.args:
        form.validate()
    chunks = audit_log.export_csv(actor=current_actor(), criteria=_criteria(form))
    return csv_download(chunks, f"audit-log-{clock.today().isoformat()}.csv")

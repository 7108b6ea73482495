"""The decision queue (administrators): submitted work permit applications, oldest first, each
beside its matched offer, with approve and refuse buttons."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.admin.forms import DecisionForm
from portal.forms_errors import apply_domain_error
from portal.services.errors import DomainError
from portal.services.work_permits import decisions


@bp.route("/decisions/")
@admin_required
def decision_queue() -> ResponseReturnValue:
    pending = decisions.list_pending_applications(actor=current_actor())
    return render_template("admin/decision_queue.html", pending=pending)


@bp.route("/decisions/<int:application_id>", methods=["GET", "POST"])
@admin_required
def decide(application_id: int) -> ResponseReturnValue:
    actor = current_actor()
    item = decisions.get_application(application_id=application_id, actor=actor)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            decisions.decide_application(
                application_id=application_id,
                approve=bool(form.approve.data),
                reason=form.reason.data or "",
                actor=actor,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The decision is recorded."), "success")
            return redirect(url_for("admin.decision_queue"))
    return render_template("admin/decide.html", item=item, form=form)

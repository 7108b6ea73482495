"""The sandbox clock (issue 17 item 1): the simulated date, moved forwards by days or to a day.
Refused, with the reason, when the configuration keeps the clock off (production)."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.admin.sandbox_forms import AdvanceClockForm, SetClockForm
from portal.forms_errors import apply_domain_error
from portal.i18n import format_day
from portal.services.errors import DomainError
from portal.services.sandbox import clock as sandbox_clock


def _enabled() -> bool:
    return bool(current_app.config["SANDBOX_CLOCK_ENABLED"])


def _page(advance: AdvanceClockForm, set_form: SetClockForm, status: int = 200) -> Any:
    state = sandbox_clock.state(enabled=_enabled())
    return render_template("admin/sandbox_clock.html", state=state, advance_form=advance,
                           set_form=set_form), status


@bp.route("/sandbox/clock")
@admin_required
def sandbox_clock_page() -> ResponseReturnValue:
    return _page(AdvanceClockForm(formdata=None), SetClockForm(formdata=None))


def _moved(form: Any, move: Any, **values: Any) -> ResponseReturnValue | None:
    try:
        state = move(actor=current_actor(), enabled=_enabled(), **values)
    except DomainError as error:
        apply_domain_error(form, error)
        return None
    flash(_("Simulated time is now %(day)s.", day=format_day(state.today)), "success")
    return redirect(url_for("admin.sandbox_clock_page"))


@bp.route("/sandbox/clock/advance", methods=["POST"])
@admin_required
def sandbox_clock_advance() -> ResponseReturnValue:
    form = AdvanceClockForm()
    if form.validate_on_submit():
        done = _moved(form, sandbox_clock.advance, days=form.days.data)
        if done is not None:
            return done
    return _page(form, SetClockForm(formdata=None), 400)


@bp.route("/sandbox/clock/set", methods=["POST"])
@admin_required
def sandbox_clock_set() -> ResponseReturnValue:
    form = SetClockForm()
    if form.validate_on_submit():
        done = _moved(form, sandbox_clock.set_day, day=form.day.data)
        if done is not None:
            return done
    return _page(AdvanceClockForm(formdata=None), form, 400)

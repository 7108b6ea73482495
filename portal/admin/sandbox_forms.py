"""The sandbox clock page's two forms: move forwards by days, or to a day."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SubmitField
from wtforms.validators import InputRequired, NumberRange

from portal.admin.forms import DATE_ERROR, DATE_HINT, DayField
from portal.forms import PortalForm

DAYS_ERROR = _l("Enter a whole number of days from 1 to 3660.")


class AdvanceClockForm(PortalForm):
    days = IntegerField(_l("Days to move forwards"), validators=[
        InputRequired(DAYS_ERROR), NumberRange(min=1, max=3660, message=DAYS_ERROR)])
    submit = SubmitField(_l("Move forwards"), id="advance_submit")


class SetClockForm(PortalForm):
    day = DayField(_l("New simulated date"), description=DATE_HINT,
                   validators=[InputRequired(DATE_ERROR)])
    submit = SubmitField(_l("Move to this date"), id="set_submit")


class LoadScenarioForm(PortalForm):
    """One Load button per scenario (the form carries only the CSRF token)."""

    submit = SubmitField(_l("Load"))

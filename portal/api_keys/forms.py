"""The API key form: a name, the scopes, an optional expiry date."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional

from portal.forms import REQUIRED, PortalForm


class NewKeyForm(PortalForm):
    name = StringField(
        _l("Name of the key"),
        description=_l("What uses it, for example \"HR system\"."),
        validators=[InputRequired(REQUIRED), Length(max=100)],
    )
    scope_read = BooleanField(_l("Read: see offers, their documents and reference data"),
                              default=True)
    scope_prepare = BooleanField(_l("Prepare: create, edit, copy and delete draft offers"),
                                 default=True)
    scope_submit = BooleanField(_l("Submit: pay, submit and withdraw offers"))
    expires_on = DateField(
        _l("Expiry date (optional)"),
        description=_l("Year-month-day. The key stops working on this day. Leave empty for a "
                       "key that works until you revoke it."),
        validators=[Optional()],
    )
    submit = SubmitField(_l("Create the key"))

    def chosen_scopes(self) -> list[str]:
        return [name for name in ("read", "prepare", "submit") if self[f"scope_{name}"].data]


class RevokeForm(PortalForm):
    submit = SubmitField(_l("Revoke"))

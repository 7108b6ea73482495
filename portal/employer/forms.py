"""The business profile form (the business number is shown, never edited)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SubmitField
from wtforms.validators import Email, InputRequired, Length

from portal.auth.forms import BusinessFieldsMixin
from portal.forms import REQUIRED, PortalForm


class ProfileForm(BusinessFieldsMixin, PortalForm):
    contact_email = EmailField(
        _l("Contact email address"),
        validators=[
            InputRequired(REQUIRED),
            Email(_l("Enter an email address like name@example.com."), check_deliverability=False),
            Length(max=254),
        ],
    )
    submit = SubmitField(_l("Save changes"))

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.set_business_choices()

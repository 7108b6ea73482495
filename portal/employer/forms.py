"""The employer area's forms: the business profile (the business number is shown, never
edited) and the dashboard's search."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional

from portal.forms import REQUIRED, BusinessFieldsMixin, PortalForm, options
from portal.models.enums import OfferStatus
from portal.validators import EmailAddress


class ProfileForm(BusinessFieldsMixin, PortalForm):
    contact_email = EmailField(
        _l("Contact email address"),
        validators=[
            InputRequired(REQUIRED),
            EmailAddress(),
            Length(max=254),
        ],
    )
    submit = SubmitField(_l("Save changes"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_business_choices()


class DashboardForm(PortalForm):
    """The dashboard's search and filters: posted, then held on the server (no name typed in
    it ever goes into an address: portal/employer/dashboard.py)."""

    q = StringField(_l("Offer number or worker name"), validators=[Optional(), Length(max=100)])
    status = SelectField(_l("Status"), validators=[Optional()], choices=options(
        [("", _l("All")), *((status.value, status.label) for status in OfferStatus)]))
    code = SelectField(_l("Exemption code"), validators=[Optional()])
    sort = SelectField(_l("Sort by"), validators=[Optional()], choices=options([
        ("updated", _l("Last changed")), ("created", _l("Created")),
        ("submitted", _l("Submitted")), ("number", _l("Offer number")),
        ("worker", _l("Worker name")), ("status", _l("Status")), ("code", _l("Code"))]))
    order = SelectField(_l("Order"), validators=[Optional()], choices=options([
        ("desc", _l("Newest or Z first")), ("asc", _l("Oldest or A first"))]))

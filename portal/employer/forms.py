"""The employer area's forms: the business profile (the business number is shown, never
edited) and the dashboard's search."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from portal import clock
from portal.forms import REQUIRED, BusinessFieldsMixin, PortalForm, options, province_choices
from portal.models.enums import OfferStatus
from portal.validators import (
    EmailAddress,
    postal_code_matches,
    read_amount,
    read_whole_number,
    validate_any_phone,
    validate_postal_code,
)

EMPLOYEES = _l("Enter the number of employees in Canada as a whole number of 1 or more, for "
               "example 25.")
REVENUE = _l("Enter the gross annual revenue in Canadian dollars, 0 or more, for example "
             "1 250 000 or 1 250 000,50.")
START_DATE = _l("Enter the date the business started like 2015-04-01.")
START_FUTURE = _l("The date the business started must be in the past.")
MAILING_FIELDS = ("mailing_address_line1", "mailing_address_line2", "mailing_city",
                  "mailing_province", "mailing_postal_code")
_EMPTY_IS_NONE = {"contact_job_title", "contact_phone", "principal_activity", *MAILING_FIELDS}


class EmployeesField(StringField):
    """A whole number of 1 or more ('1 200' in French, '1,200' in English); data is an int."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        self.data = read_whole_number(text) if text else None
        if text and (self.data is None or not 1 <= self.data <= 10_000_000):
            self.data = None
            raise ValueError(str(EMPLOYEES))

    def _value(self) -> str:
        return self.raw_data[0] if self.raw_data else ("" if self.data is None else str(self.data))


class RevenueField(StringField):
    """Canadian dollars of 0 or more, typed either language's way; data is in cents."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        amount = read_amount(text) if text else None
        self.data = None if amount is None else int(amount * 100)
        if text and amount is None:
            raise ValueError(str(REVENUE))

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        if self.data is None:
            return ""
        dollars = Decimal(self.data) / 100
        return f"{dollars:.0f}" if self.data % 100 == 0 else f"{dollars:.2f}"


class StartDateField(DateField):
    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(START_DATE)) from error


def _in_the_past(_form: PortalForm, field: StartDateField) -> None:
    if field.data and field.data > clock.today():
        raise ValidationError(str(START_FUTURE))
    if field.data and field.data < dt.date(1600, 1, 1):
        raise ValidationError(str(START_DATE))


def _only_when_different(form: ProfileForm, field: Any) -> None:
    """The mailing address is checked (like the business address) only when it differs."""
    if not form.mailing_different.data:
        field.errors = []
        raise StopValidation()


class ProfileForm(BusinessFieldsMixin, PortalForm):
    """The business profile. The business details and the contact's title and phone may stay
    empty here (an employer registered before they were asked still edits its address), but an
    offer cannot be submitted until they are given (the review lists what is missing)."""

    contact_email = EmailField(
        _l("Contact email address"),
        validators=[
            InputRequired(REQUIRED),
            EmailAddress(),
            Length(max=254),
        ],
    )
    contact_job_title = StringField(_l("Contact person's job title"),
                                    validators=[Optional(), Length(max=200)])
    contact_phone = StringField(
        _l("Contact person's phone number"),
        description=_l("In Canada or the United States, for example 613-555-0100; elsewhere, "
                       "+ and the country code, for example +33 1 23 45 67 89."),
        validators=[Optional(), validate_any_phone, Length(max=32)])
    employees_in_canada = EmployeesField(_l("Number of employees in Canada"),
                                         description=_l("A whole number, for example 25."))
    gross_annual_revenue_cents = RevenueField(
        _l("Gross annual revenue (Canadian dollars)"),
        description=_l("For the last complete year, or the forecast for the first year. "
                       "For example 1 250 000."))
    business_started_on = StartDateField(
        _l("Date the business started"), validators=[Optional(), _in_the_past],
        description=_l("Year-month-day, for example 2015-04-01."))
    principal_activity = StringField(
        _l("Principal business activity"),
        description=_l("What the business mainly does, for example software development."),
        validators=[Optional(), Length(max=200)])
    mailing_different = BooleanField(_l("The mailing address is different from the business "
                                        "address"))
    mailing_address_line1 = StringField(
        _l("Mailing address: street or post office box"),
        validators=[_only_when_different, InputRequired(REQUIRED), Length(max=200)])
    mailing_address_line2 = StringField(_l("Mailing address: suite, unit or floor (optional)"),
                                        validators=[_only_when_different, Length(max=200)])
    mailing_city = StringField(_l("Mailing address: city or town"), validators=[
        _only_when_different, InputRequired(REQUIRED), Length(max=100)])
    mailing_province = SelectField(_l("Mailing address: province or territory"), validators=[
        _only_when_different, InputRequired(REQUIRED)])
    mailing_postal_code = StringField(
        _l("Mailing address: postal code"), description=_l("For example K1A 0B1."),
        validators=[_only_when_different, InputRequired(REQUIRED), validate_postal_code,
                    postal_code_matches("mailing_province")])
    submit = SubmitField(_l("Save changes"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_business_choices()
        self.mailing_province.choices = options(province_choices())

    def changes(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The profile's new values: empty optional text as None, and no mailing address when
        it is the business address."""
        values = {name: self[name].data for name in names}
        for name in _EMPTY_IS_NONE & set(names):
            if values[name] == "":
                values[name] = None
        if not self.mailing_different.data:
            values.update(dict.fromkeys(MAILING_FIELDS))
        return values


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

"""Administrators' forms: second factor, employer search, exemptions, bans, audit filter, and
the decision on a work permit application."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    DecimalField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from portal.forms import REQUIRED, PortalForm, options, province_choices
from portal.models.enums import ExemptionCategory, RegimeStatus
from portal.validators import (
    EmailAddress,
    NumberRange,
    validate_phone,
    validate_postal_code,
)

DATE_HINT = _l("For example 2026-11-24.")
DATE_ERROR = _l("Enter a date like 2026-11-24.")


class DayField(DateField):
    """A date field (YYYY-MM-DD) whose error message is ours, in the user's language."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(DATE_ERROR)) from error


class CodeForm(PortalForm):
    code = StringField(
        _l("Code"),
        description=_l(
            "The 6-digit code from your authenticator app, or one of your recovery codes."
        ),
        validators=[InputRequired(REQUIRED), Length(max=20)],
    )
    submit = SubmitField(_l("Continue"))


class EmployerSearchForm(PortalForm):
    class Meta:
        csrf = False  # a GET search form

    q = StringField(_l("Name or business number"), validators=[Optional(), Length(max=200)])
    province = SelectField(_l("Province or territory"), validators=[Optional()])
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice("", _l("Any status")),
            SelectChoice(RegimeStatus.ACTIVE, _l("In the compliance regime")),
            SelectChoice(RegimeStatus.EXEMPT, _l("Exempt from the compliance regime")),
            SelectChoice(RegimeStatus.BANNED, _l("Banned (non-compliant)")),
        ],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Search"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.province.choices = [
            SelectChoice("", _l("Any province or territory")),
            *(SelectChoice(v, label) for v, label in province_choices()[1:]),
        ]


class ExemptionFieldsMixin:
    category = SelectField(
        _l("Category"),
        choices=[SelectChoice("", _l("Choose a category"))]
        + [SelectChoice(c.value, c.label) for c in ExemptionCategory],
        validators=[InputRequired(REQUIRED)],
    )
    legal_basis = StringField(
        _l("Legal basis"),
        description=_l("For example R209.9; FMIOA Part I."),
        validators=[InputRequired(REQUIRED), Length(max=200)],
    )
    effective_date = DayField(
        _l("Effective date"),
        description=DATE_HINT,
        validators=[InputRequired(DATE_ERROR)],
    )
    expiry_date = DayField(
        _l("Expiry date (optional)"),
        description=_l(
            "The employer is back in the compliance regime on this date. Leave blank if none."
        ),
        validators=[Optional()],
    )
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])


class GrantExemptionForm(ExemptionFieldsMixin, PortalForm):
    submit = SubmitField(_l("Grant the exemption"), id="grant_submit")  # ids unique on the page


class ReasonForm(PortalForm):
    reason = TextAreaField(_l("Reason"), validators=[InputRequired(REQUIRED), Length(max=2000)])
    submit = SubmitField(_l("Confirm"))


class BanForm(PortalForm):
    reason = TextAreaField(
        _l("Reason in English (as published)"),
        description=_l("For example: did not provide wages substantially the same as offered."),
        validators=[InputRequired(REQUIRED), Length(max=2000)],
    )
    reason_fr = TextAreaField(
        _l("Reason in French (as published on the French list)"),
        description=_l("For example: n'a pas versé un salaire essentiellement le même que celui "
                       "offert."),
        validators=[InputRequired(REQUIRED), Length(max=2000)],
    )
    start_date = DayField(
        _l("Start of the ban"), description=DATE_HINT, validators=[InputRequired(DATE_ERROR)]
    )
    end_date = DayField(
        _l("End of the ban (optional)"),
        description=_l("The last day of the ban. Leave blank for a permanent ban."),
        validators=[Optional()],
    )
    penalty = DecimalField(
        _l("Administrative monetary penalty in dollars (optional)"),
        places=2,
        validators=[Optional(), NumberRange(min=Decimal(0), max=Decimal(1_000_000))],
    )
    submit = SubmitField(_l("Record the ban"), id="ban_submit")


class ExemptEmployerForm(ExemptionFieldsMixin, PortalForm):
    legal_name = StringField(
        _l("Legal name"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    operating_name = StringField(
        _l("Operating name"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    business_number = StringField(
        _l("Business number (optional)"),
        description=_l("Leave blank if the organization has none: the simulator assigns one."),
        validators=[Optional(), Length(min=9, max=9, message=_l("Enter 9 digits."))],
    )
    address_line1 = StringField(
        _l("Street address"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    city = StringField(_l("City or town"), validators=[InputRequired(REQUIRED), Length(max=100)])
    province = SelectField(_l("Province or territory"), validators=[InputRequired(REQUIRED)])
    postal_code = StringField(
        _l("Postal code"), validators=[InputRequired(REQUIRED), validate_postal_code]
    )
    phone = StringField(_l("Phone number"), validators=[InputRequired(REQUIRED), validate_phone])
    contact_name = StringField(
        _l("Contact person"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    contact_email = EmailField(
        _l("Contact email address"),
        validators=[
            InputRequired(REQUIRED),
            EmailAddress(),
            Length(max=254),
        ],
    )
    submit = SubmitField(_l("Create the employer and its exemption"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.province.choices = options(province_choices())


class AuditFilterForm(PortalForm):
    class Meta:
        csrf = False  # a GET filter form

    employer_id = IntegerField(_l("Employer number"), validators=[Optional(), NumberRange(min=1)])
    user_id = IntegerField(_l("User number"), validators=[Optional(), NumberRange(min=1)])
    action = StringField(
        _l("Action"),
        description=_l("An exact action, or a prefix ending in a dot, for example team."),
        validators=[Optional(), Length(max=64)],
    )
    date_from = DayField(_l("From"), description=DATE_HINT, validators=[Optional()])
    date_to = DayField(_l("To"), description=DATE_HINT, validators=[Optional()])
    submit = SubmitField(_l("Filter"))


class DecisionForm(PortalForm):
    """The officer's decision on a work permit application (shape only; the service checks that a
    refusal has a reason and that the application is still undecided)."""

    reason = TextAreaField(
        _l("Reason or note"),
        description=_l("Required for a refusal; the worker sees it on the results page."),
        validators=[Length(max=2000)],
    )
    approve = SubmitField(_l("Approve"))
    refuse = SubmitField(_l("Refuse"))

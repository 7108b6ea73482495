"""Team forms: invitations, permissions, joining, choosing the employer to act for."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import EqualTo, InputRequired, Length

from portal.forms import REQUIRED, PortalForm
from portal.models.enums import Permission
from portal.validators import EmailAddress, validate_new_password

PERMISSION_CHOICES = [
    SelectChoice(Permission.PREPARE.value, _l("Prepare: create and edit draft offers")),
    SelectChoice(Permission.SUBMIT.value, _l("Submit: also pay, submit and withdraw offers")),
]


class InviteForm(PortalForm):
    email = EmailField(
        _l("Email address"),
        description=_l(
            "The person signs in with this address. A representative can use the "
            "account they already have."
        ),
        validators=[
            InputRequired(REQUIRED),
            EmailAddress(),
            Length(max=254),
        ],
    )
    permission = RadioField(
        _l("Permission"), choices=PERMISSION_CHOICES, validators=[InputRequired(REQUIRED)]
    )
    submit = SubmitField(_l("Send the invitation"))


class PermissionForm(PortalForm):
    permission = RadioField(
        _l("Permission"), choices=PERMISSION_CHOICES, validators=[InputRequired(REQUIRED)]
    )
    submit = SubmitField(_l("Change the permission"))


class ConfirmForm(PortalForm):
    submit = SubmitField(_l("Confirm"))


class JoinCodeForm(PortalForm):
    code = StringField(
        _l("Invitation code"),
        description=_l("For example ABCD-EFGH-JKLM-NPQR."),
        validators=[InputRequired(REQUIRED), Length(max=40)],
    )
    submit = SubmitField(_l("Continue"))


class NewAccountForm(PortalForm):
    full_name = StringField(
        _l("Your full name"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    password = PasswordField(
        _l("Password"),
        description=_l(
            "At least 15 characters. A few unrelated words make a strong, memorable "
            "password. Any characters are allowed."
        ),
        validators=[InputRequired(REQUIRED), validate_new_password],
    )
    confirm_password = PasswordField(
        _l("Confirm password"),
        validators=[
            InputRequired(REQUIRED),
            EqualTo("password", _l("The passwords do not match.")),
        ],
    )
    submit = SubmitField(_l("Create my account and join"))


class ChooseEmployerForm(PortalForm):
    employer_id = RadioField(
        _l("Employer"), coerce=int, validators=[InputRequired(_l("Choose an employer."))]
    )
    submit = SubmitField(_l("Act for this employer"))

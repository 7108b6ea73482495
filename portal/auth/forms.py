"""Registration, sign-in and password forms (shape only; services check meaning)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length

from portal.forms import REQUIRED, BusinessFieldsMixin, PortalForm
from portal.passwords import MAX_LENGTH
from portal.validators import (
    EmailAddress,
    validate_business_number,
    validate_new_password,
)


class RegisterForm(BusinessFieldsMixin, PortalForm):
    page_order = ("legal_name", "operating_name", "business_number", "business_type",
                  "address_line1", "address_line2", "city", "province", "postal_code", "phone",
                  "contact_name", "full_name", "email", "password", "confirm_password")
    business_number = StringField(
        _l("Business number (BN)"),
        description=_l("The 9-digit number the Canada Revenue Agency gave the business. It "
                       "cannot be changed after registration."),
        validators=[InputRequired(REQUIRED), validate_business_number],
    )
    full_name = StringField(
        _l("Your full name"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    email = EmailField(
        _l("Your email address"),
        description=_l("You will use it to sign in."),
        validators=[
            InputRequired(REQUIRED),
            EmailAddress(),
            Length(max=254),
        ],
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least 15 characters. A few unrelated words make a strong, memorable "
                       "password. Any characters are allowed."),
        validators=[InputRequired(REQUIRED), validate_new_password],
    )
    confirm_password = PasswordField(
        _l("Confirm password"),
        validators=[
            InputRequired(REQUIRED),
            EqualTo("password", _l("The passwords do not match.")),
        ],
    )
    submit = SubmitField(_l("Register"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_business_choices()


class SignInForm(PortalForm):
    email = EmailField(_l("Email address"), validators=[InputRequired(REQUIRED), Length(max=254)])
    password = PasswordField(
        _l("Password"), validators=[InputRequired(REQUIRED), Length(max=MAX_LENGTH)]
    )
    submit = SubmitField(_l("Sign in"))


class SignOutForm(PortalForm):
    submit = SubmitField(_l("Sign out"))


class ChangePasswordForm(PortalForm):
    current = PasswordField(_l("Current password"), validators=[InputRequired(REQUIRED)])
    new = PasswordField(
        _l("New password"),
        description=_l("At least 15 characters. Signing in elsewhere will end."),
        validators=[InputRequired(REQUIRED), validate_new_password],
    )
    confirm = PasswordField(
        _l("Confirm new password"),
        validators=[InputRequired(REQUIRED), EqualTo("new", _l("The passwords do not match."))],
    )
    submit = SubmitField(_l("Change password"))


class ResendConfirmationForm(PortalForm):
    submit = SubmitField(_l("Send a new link"))


class ForgotPasswordForm(PortalForm):
    email = EmailField(
        _l("Your email address"),
        description=_l("The address you sign in with."),
        validators=[
            InputRequired(REQUIRED),
            EmailAddress(),
            Length(max=254),
        ],
    )
    submit = SubmitField(_l("Send me a link"))


class ResetPasswordForm(PortalForm):
    password = PasswordField(
        _l("New password"),
        description=_l("At least 15 characters. Signing in elsewhere will end."),
        validators=[InputRequired(REQUIRED), validate_new_password],
    )
    confirm_password = PasswordField(
        _l("Confirm new password"),
        validators=[
            InputRequired(REQUIRED),
            EqualTo("password", _l("The passwords do not match.")),
        ],
    )
    submit = SubmitField(_l("Set the new password"))


class SecondFactorCodeForm(PortalForm):
    code = StringField(
        _l("Code"),
        description=_l(
            "The 6-digit code from your authenticator app, or one of your recovery codes."
        ),
        validators=[InputRequired(REQUIRED), Length(max=20)],
    )
    submit = SubmitField(_l("Continue"))


class TurnOffSecondFactorForm(PortalForm):
    code = StringField(
        _l("Code"),
        description=_l("A code from your authenticator app, or a recovery code, to confirm."),
        validators=[InputRequired(REQUIRED), Length(max=20)],
    )
    submit = SubmitField(_l("Turn off the second factor"))


class TeamSecondFactorForm(PortalForm):
    required = BooleanField(_l("Require a second factor from every member of the team"))
    submit = SubmitField(_l("Save the team's rule"))

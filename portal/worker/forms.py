"""The worker's forms: offer check, work permit application, result lookup (shape only;
services check meaning). Identity fields are kept as typed: only surrounding spaces go."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp

from portal import clock
from portal.forms import REQUIRED, PortalForm, options
from portal.i18n import current_language
from portal.rules.codes import open_permit_codes
from portal.rules.countries import all_countries
from portal.rules.family import still_offered

DATE_HINT = _l("For example 1990-03-27.")
OFFER_NUMBER_HINT = _l("The letter A followed by 7 digits, for example A1234567.")




def country_choices(blank_label: str) -> list[SelectChoice]:
    return options([("", blank_label), *all_countries(current_language())])


def open_code_choices() -> list[SelectChoice]:
    """The open permit categories still offered today (no dependent children of workers since
    2025-01-21: portal.rules.family)."""
    lang, today = current_language(), clock.today()
    return options([("", _l("Choose a category"))] + [
        (code.key, code.label(lang)) for code in open_permit_codes()
        if still_offered(code.key, today)
    ])


class VerifyOfferForm(PortalForm):
    number = StringField(
        _l("Offer number"),
        description=OFFER_NUMBER_HINT,
        validators=[InputRequired(REQUIRED), Length(max=20)],
    )
    passport_number = StringField(
        _l("Passport number"),
        description=_l("Exactly as on your passport."),
        validators=[InputRequired(REQUIRED), Length(max=30)],
    )
    date_of_birth = DateField(
        _l("Date of birth"), description=DATE_HINT, validators=[InputRequired(REQUIRED)]
    )
    code = HiddenField()
    submit = SubmitField(_l("Check the offer"))


class ApplyForm(PortalForm):
    permit_type = RadioField(
        _l("Type of work permit"),
        choices=options([
            ("employer_specific", _l("Employer-specific, exempt from the LMIA (with an offer "
                                     "number from the employer)")),
            ("other", _l("Other: employer-specific with an employer exempt from the compliance "
                         "regime (no offer number)")),
            ("open", _l("Open work permit")),
        ]),
        validators=[InputRequired(REQUIRED)],
    )
    offer_number = StringField(
        _l("Offer number (employer-specific permits)"),
        description=OFFER_NUMBER_HINT,
        validators=[Length(max=20)],
    )
    employer_name = StringField(
        _l("Employer's name (\"Other\": employers exempt from the compliance regime)"),
        description=_l("As the employer is registered, for example the embassy, consulate, "
                       "international organization or bridge authority."),
        validators=[Length(max=200)],
    )
    open_code = SelectField(_l("Open work permit category (open permits)"), validate_choice=False)
    noc_code = StringField(
        _l("Occupation code (NOC 2021), if you know the job (optional)"),
        description=_l("5 digits. Used for the medical exam rule when there is no offer."),
        validators=[Optional(), Regexp(r"^\d{5}$", message=_l("Enter the 5 digits of the NOC "
                                                               "code, for example 21231."))],
    )
    principal_noc_code = StringField(
        _l("Spouse's or partner's job in Canada, NOC 2021 code (spouses of workers, C41)"),
        description=_l("5 digits, for example 21231. Since 21 January 2025 the job must be in "
                       "TEER 0 or 1, or a TEER 2 or 3 job on IRCC's list."),
        validators=[Optional(), Regexp(r"^\d{5}$", message=_l("Enter the 5 digits of the NOC "
                                                               "code, for example 21231."))],
    )
    principal_permit_expiry = DateField(
        _l("End date of your spouse's or partner's work permit (spouses of workers, C41)"),
        description=_l("It must have at least 16 months left when you apply. For example "
                       "2028-06-30."),
        validators=[Optional()],
    )
    student_program = SelectField(
        _l("Your spouse's or partner's study program (spouses of students, C42)"),
        choices=options([
            ("", _l("Choose a program")),
            ("masters_16_months", _l("Master's program of 16 months or more")),
            ("doctoral", _l("Doctoral program")),
            ("professional", _l("Listed professional program (for example MD, DDS, LLB/JD, "
                                "BScN, BEd, BEng)")),
            ("other", _l("Another program")),
        ]),
        validators=[Optional()],
    )
    family_name = StringField(
        _l("Family name"),
        description=_l("Exactly as on your passport."),
        validators=[InputRequired(REQUIRED), Length(max=100)],
    )
    given_names = StringField(_l("Given names (optional)"), validators=[Length(max=100)])
    date_of_birth = DateField(
        _l("Date of birth"), description=DATE_HINT, validators=[InputRequired(REQUIRED)]
    )
    citizenship = SelectField(_l("Citizenship"), validators=[InputRequired(REQUIRED)])
    passport_number = StringField(
        _l("Passport number"),
        description=_l("Exactly as on your passport: capital letters, spaces and hyphens count."),
        validators=[InputRequired(REQUIRED), Length(max=30)],
    )
    passport_issue_date = DateField(
        _l("Passport issue date (optional)"), description=DATE_HINT, validators=[Optional()]
    )
    passport_expiry = DateField(
        _l("Passport expiry date"), description=DATE_HINT, validators=[InputRequired(REQUIRED)]
    )
    us_permanent_resident = BooleanField(
        _l("I am a permanent resident of the United States (I hold a green card)")
    )
    residence_country = SelectField(
        _l("Country of residence"), validators=[InputRequired(REQUIRED)]
    )
    lived_country = SelectField(
        _l("Another country or territory where you lived 6 months in a row or more in the past "
           "year (optional)"),
        validators=[Optional()],
    )
    stay_months = IntegerField(
        _l("How many months do you plan to work in Canada? (optional)"),
        validators=[Optional(), NumberRange(min=1, max=120, message=_l("Enter 1 to 120 months."))],
    )
    family_size = IntegerField(
        _l("People applying together, you included"),
        default=1,
        validators=[InputRequired(REQUIRED),
                    NumberRange(min=1, max=20, message=_l("Enter 1 to 20 people."))],
    )
    applies_from = RadioField(
        _l("Where do you apply from?"),
        choices=options([
            ("outside", _l("Online, from outside Canada")),
            ("inside", _l("Online, from inside Canada")),
            ("port_of_entry", _l("At a port of entry (on arrival at the border)")),
        ]),
        validators=[InputRequired(REQUIRED)],
    )
    in_canada_now = BooleanField(
        _l("I am in Canada now (for example as a visitor or a student)")
    )
    biometrics = RadioField(
        _l("Biometrics (fingerprints and photo)"),
        choices=options([
            ("within_14_days", _l("I will give them within 14 days of applying")),
            ("later", _l("I will give them later than 14 days after applying")),
            ("on_file", _l("I gave them in the last 10 years")),
        ]),
        validators=[InputRequired(REQUIRED)],
    )
    upfront_medical = BooleanField(
        _l("I did an upfront medical exam with a panel physician")
    )
    submit = SubmitField(_l("Submit the application"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.open_code.choices = open_code_choices()
        self.citizenship.choices = country_choices(_l("Choose a country"))
        self.residence_country.choices = country_choices(_l("Choose a country"))
        self.lived_country.choices = country_choices(_l("None"))


class StatusForm(PortalForm):
    number = StringField(
        _l("Application number"),
        description=_l("The letter W followed by 9 digits, for example W123456789."),
        validators=[
            InputRequired(_l("Enter your application number, for example W123456789.")),
            Regexp(r"^[Ww]\d{9}$", message=_l("An application number is the letter W followed by"
                                                " 9 digits, for example W123456789.")),
        ],
    )
    date_of_birth = DateField(
        _l("Date of birth"), description=DATE_HINT,
        validators=[InputRequired(_l("Enter your date of birth, for example 1990-03-27."))],
    )
    submit = SubmitField(_l("See the application"))

"""Forms of the offer sections, the fee steps and the lifecycle actions. They check shape only;
the services check meaning."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    Field,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, Regexp

from portal.catalogue import say
from portal.catalogue.labels import category_label
from portal.forms import CardFieldsForm, NumberField, PortalForm, options, province_choices
from portal.i18n import current_language
from portal.rules.codes import codes_by_category
from portal.rules.countries import all_countries
from portal.rules.questions import Question
from portal.services.offers.limits import (
    ANSWER_LIMIT,
    HOURS_MAX,
    HOURS_MIN,
    TEXT_LIMITS,
    WAGE_MAX,
)
from portal.validators import NumberRange


def _limit(field: str) -> Length:
    """The length limit of an offer's text field (portal.services.offers.limits)."""
    return Length(max=TEXT_LIMITS[field])


class SectionButtons:
    save = SubmitField(_l("Save and validate"))
    save_continue = SubmitField(_l("Save and continue"))
    save_exit = SubmitField(_l("Save and exit"))


def code_choices() -> list[SelectChoice]:
    lang = current_language()
    choices = [SelectChoice("", str(_l("Choose an exemption code")))]
    for category, codes in codes_by_category(employer_only=True).items():
        group = category_label(category)
        choices += [
            SelectChoice(c.key, c.label(lang), optgroup=group)
            for c in codes
        ]
    return choices


def country_choices() -> list[SelectChoice]:
    return options([("", str(_l("Choose a country"))), *all_countries(current_language())])


class CodeFormBase(PortalForm, SectionButtons):
    code_key = SelectField(_l("LMIA exemption code"), validators=[Optional()],
                           description=_l("Only codes for employer-specific work permits are "
                                          "listed. Changing the code shows its own questions "
                                          "after you save."))
    explanation = TextAreaField(
        _l("How the job meets the requirements of the exemption"),
        validators=[Optional(), _limit("explanation")],
        description=_l("Explain in your own words; \"see attached\" is treated as incomplete."),
    )


def answer_field(question: Question) -> Field:
    label = say(question.label)
    hint = say(question.hint)
    if question.kind in ("yes_no", "choice"):
        choices = options([("", str(_l("Choose an answer")))] + [
            (value, say(choice)) for value, choice in question.choices
        ])
        return SelectField(label, choices=choices, validators=[Optional()], description=hint)
    if question.kind == "number":
        return NumberField(label, validators=[Optional(), NumberRange(min=0, max=10000)],
                           description=hint)
    if question.kind == "date":
        return DateField(label, validators=[Optional()], description=hint)
    return StringField(label, validators=[Optional(), Length(max=ANSWER_LIMIT)],
                       description=hint)


def code_form(questions: tuple[Question, ...], **kwargs: Any) -> Any:
    attrs = {f"answer_{q.id}": answer_field(q) for q in questions}
    form_class = type("CodeForm", (CodeFormBase,), attrs)
    form = form_class(**kwargs)
    form.code_key.choices = code_choices()
    return form


class ExactStringField(StringField):
    """Kept exactly as typed (not even surrounding spaces removed): IRCC matches it exactly."""


class WorkerForm(PortalForm, SectionButtons):
    class Meta:
        def bind_field(
            self: object, form: Any, unbound_field: Any, options: dict[str, Any]
        ) -> Any:
            if issubclass(unbound_field.field_class, ExactStringField):
                return unbound_field.bind(form=form, **options)
            return PortalForm.Meta.bind_field(self, form, unbound_field, options)

    worker_family_name = StringField(
        _l("Family name"), validators=[Optional(), _limit("worker_family_name")],
        description=_l("Exactly as on the passport: spelling, hyphens, accents, spaces and "
                       "capitals."))
    worker_given_names = StringField(
        _l("Given names"), validators=[Optional(), _limit("worker_given_names")],
        description=_l("Exactly as on the passport. Leave empty if the passport shows none."))
    worker_sex = SelectField(_l("Sex"), validators=[Optional()], choices=options([
        ("", _l("Choose")), ("F", _l("Female")), ("M", _l("Male")),
        ("X", _l("Another gender (X)"))]))
    worker_date_of_birth = DateField(_l("Date of birth"), validators=[Optional()],
                                     description=_l("Year-month-day, for example 1990-04-25."))
    worker_country_of_birth = SelectField(_l("Country of birth"), validators=[Optional()])
    worker_citizenship = SelectField(_l("Country of citizenship"), validators=[Optional()],
                                     description=_l("As shown on the passport."))
    worker_residence_country = SelectField(_l("Country of residence"), validators=[Optional()])
    worker_passport_number = ExactStringField(
        _l("Passport number"), validators=[Optional(), _limit("worker_passport_number")],
        description=_l("Exactly as on the passport. The worker's application is matched to the "
                       "offer on this number and the citizenship: any difference stops the "
                       "match."))
    worker_passport_expiry = DateField(_l("Passport expiry date"), validators=[Optional()],
                                       description=_l("Year-month-day."))
    worker_uci = StringField(
        _l("Unique client identifier (UCI), if known"),
        validators=[Optional(), Regexp(r"^\d{4}-?\d{4}(\d{2})?$|^\d{8}(\d{2})?$",
                                       message=_l("Enter the UCI as 8 or 10 digits."))],
        description=_l("8 or 10 digits, on any earlier IRCC document. Leave empty if unknown."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = country_choices()
        for name in ("worker_country_of_birth", "worker_citizenship", "worker_residence_country"):
            self[name].choices = countries


YES_NO = options([("yes", _l("Yes")), ("no", _l("No"))])


class JobForm(PortalForm, SectionButtons):
    job_title = StringField(_l("Job title"), validators=[Optional(), _limit("job_title")])
    noc_query = StringField(_l("Search the NOC 2021"), validators=[Optional(), Length(max=100)],
                            description=_l("A word from the job title, in English or French."))
    search_noc = SubmitField(_l("Search"))
    noc_code = StringField(_l("NOC 2021 code"), validators=[
        Optional(), Regexp(r"^\d{5}$", message=_l("Enter the 5 digits of the NOC code."))],
        description=_l("5 digits; the second digit is the TEER category."))
    duties = TextAreaField(_l("Main duties"), validators=[Optional(), _limit("duties")],
                           description=_l("If the job has 3 or more work locations, list the "
                                          "others here."))
    education_requirements = TextAreaField(
        _l("Minimum education"), validators=[Optional(), _limit("education_requirements")])
    training_requirements = TextAreaField(_l("Other training required"),
                                          validators=[Optional(), _limit("training_requirements")])
    experience_requirements = TextAreaField(
        _l("Experience required"), validators=[Optional(), _limit("experience_requirements")])
    licence_requirements = TextAreaField(
        _l("Provincial or federal certification, licensing or registration"),
        validators=[Optional(), _limit("licence_requirements")])
    language_requirements = TextAreaField(_l("Language requirements"),
                                          validators=[Optional(), _limit("language_requirements")])
    location1_address_line1 = StringField(_l("Address of the work location"),
                                          validators=[Optional(), _limit("address_line1")])
    location1_city = StringField(_l("City"), validators=[Optional(), _limit("city")])
    location1_province = SelectField(_l("Province or territory"), validators=[Optional()])
    location1_postal_code = StringField(_l("Postal code"),
                                        validators=[Optional(), _limit("postal_code")])
    location2_address_line1 = StringField(_l("Address of the additional work location"),
                                          validators=[Optional(), _limit("address_line1")])
    location2_city = StringField(_l("City of the additional location"),
                                 validators=[Optional(), _limit("city")])
    location2_province = SelectField(_l("Province or territory of the additional location"),
                                     validators=[Optional()])
    location2_postal_code = StringField(_l("Postal code of the additional location"),
                                        validators=[Optional(), _limit("postal_code")])
    start_date = DateField(_l("Start date"), validators=[Optional()],
                           description=_l("Year-month-day, for example 2027-03-01."))
    end_date = DateField(_l("End date"), validators=[Optional()], description=_l("Year-month-day."))
    full_time = RadioField(_l("Is the job full time?"), choices=YES_NO, validators=[Optional()])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.location1_province.choices = options(province_choices())
        self.location2_province.choices = options(province_choices())


WAGE_UNITS = options([("", _l("Choose")), ("hour", _l("per hour")), ("week", _l("per week")),
                      ("month", _l("per month")), ("year", _l("per year"))])


class WagesForm(PortalForm, SectionButtons):
    wage = NumberField(_l("Wage (Canadian dollars)"), places=2,
                       invalid=_l("Enter the wage as a number, for example 32.50."),
                       validators=[Optional(), NumberRange(min=Decimal(0), max=WAGE_MAX)],
                       description=_l("For example 32.50."))
    wage_unit = SelectField(_l("Paid"), choices=WAGE_UNITS, validators=[Optional()])
    hours_per_week = NumberField(
        _l("Hours of work per week"),
        invalid=_l("Enter the hours of work per week as a number, for example 37.5."),
        validators=[Optional(), NumberRange(min=HOURS_MIN, max=HOURS_MAX)])
    overtime = TextAreaField(_l("Overtime (rate and when it applies)"),
                             validators=[Optional(), _limit("overtime")])
    vacation = TextAreaField(_l("Vacation"), validators=[Optional(), _limit("vacation")],
                             description=_l("For example: 2 weeks of paid vacation a year."))
    benefit_health = BooleanField(_l("Health insurance"))
    benefit_dental = BooleanField(_l("Dental insurance"))
    benefit_pension = BooleanField(_l("Pension plan"))
    benefit_disability = BooleanField(_l("Disability insurance"))
    benefits_other = TextAreaField(_l("Other benefits"),
                                   validators=[Optional(), _limit("benefits_other")])
    alternate_compensation = TextAreaField(
        _l("Alternate compensation (allowances such as housing or travel)"),
        validators=[Optional(), _limit("alternate_compensation")],
        description=_l("These do not count toward the prevailing wage."))
    additional_information = TextAreaField(
        _l("Additional information for the officer"),
        validators=[Optional(), _limit("additional_information")])


def attestations_form(attestations: Any, **kwargs: Any) -> Any:
    attrs = {f"attest_{key}": BooleanField(say(label)) for key, label in attestations}
    form_class = type("AttestationsForm", (PortalForm, SectionButtons), attrs)
    return form_class(**kwargs)


class EvidenceForm(PortalForm):
    item_id = SelectField(_l("What the file shows"), validators=[InputRequired(
        message=_l("Choose what the file shows."))])
    file = FileField(_l("File"), description=_l("PDF, PNG or JPEG, at most 5 MB."))
    upload = SubmitField(_l("Upload the file"))


class PaymentForm(CardFieldsForm):
    idempotency_key = HiddenField()
    pay = SubmitField(_l("Pay and submit the offer"))


class FeeExemptionForm(PortalForm):
    reason = TextAreaField(_l("Why the employer is exempt from the compliance fee"),
                           validators=[Optional(), Length(max=2000)])
    proof = FileField(_l("Proof of the exemption"),
                      description=_l("PDF, PNG or JPEG, at most 5 MB."))
    claim = SubmitField(_l("Claim the fee exemption"))


class WithdrawForm(PortalForm):
    reason = TextAreaField(_l("Reason for withdrawing the offer"),
                           validators=[InputRequired(message=_l("Enter the reason.")),
                                       Length(max=1000)])
    withdraw = SubmitField(_l("Withdraw the offer"))

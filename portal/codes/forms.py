"""Forms of the public exemption-code pages: the code finder, the catalogue filter and the NOC
search. All three are GET forms: their answers are not personal data, and a GET keeps results
bookmarkable. Without a state change there is nothing to forge, so they carry no CSRF token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, Field, RadioField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from portal.catalogue.labels import category_label
from portal.forms import PortalForm, options, province_choices
from portal.i18n import current_language
from portal.rules.codes import Category
from portal.rules.countries import all_countries
from portal.rules.finder import FinderAnswers

RELATIONSHIPS = (
    ("new_hire", _l("A new hire: the worker has not worked for a related company abroad")),
    (
        "transfer",
        _l(
            "A transfer: the worker works for a parent, subsidiary, branch or affiliate of your "
            "business outside Canada"
        ),
    ),
    ("owner", _l("An owner: the worker owns or controls the Canadian business")),
    (
        "spouse_or_student",
        _l("The worker is a student or graduate in Canada, or the spouse of a worker or student"),
    ),
)
KINDS_OF_WORK = (
    ("professional", _l("Professional work (usually needs a university degree)")),
    ("technician", _l("Technical or skilled trade work")),
    ("manager", _l("Managing people or a function (executive or manager)")),
    ("specialist", _l("Work that needs specialized knowledge of the company")),
    ("trader_investor", _l("Trade or investment (trader, investor)")),
    ("research_academic", _l("Research, teaching or academic work")),
    ("performing_arts", _l("Performing arts")),
    ("youth_exchange", _l("Youth exchange (International Experience Canada)")),
    ("other", _l("Other work")),
)
TEER_CHOICES = (
    ("", _l("I don't know")),
    ("0", _l("TEER 0: management occupations")),
    ("1", _l("TEER 1: usually a university degree")),
    ("2", _l("TEER 2: college diploma, apprenticeship of 2 years or more, or supervisor")),
    ("3", _l("TEER 3: college diploma, apprenticeship under 2 years, or 6 months of training")),
    ("4", _l("TEER 4: high school diploma or several weeks of training")),
    ("5", _l("TEER 5: short work demonstration, no formal education")),
)
IEC_CATEGORIES = (
    ("", _l("Not taking part in IEC")),
    ("yp", _l("Young Professionals (employer-specific)")),
    ("ic", _l("International Co-op internship (employer-specific)")),
    ("wh", _l("Working Holiday (open work permit)")),
)
SPOUSE_OF = (
    ("", _l("Not a spouse or partner")),
    ("worker", _l("The spouse or partner of a worker in Canada")),
    ("student", _l("The spouse or partner of a student in Canada")),
)
PRINCIPAL_AGREEMENTS = (
    ("", _l("None, or I don't know")),
    ("CETA", _l("CETA (European Union), intra-corporate transferee")),
    ("CUKTCA", _l("Canada-United Kingdom agreement, intra-corporate transferee")),
    ("CPTPP", _l("CPTPP")),
    ("CKFTA", _l("Canada-Korea agreement")),
    ("CUFTA", _l("Canada-Ukraine agreement")),
    ("CCOFTA", _l("Canada-Colombia agreement")),
)
EMPLOYER_KINDS = (
    ("normal", _l("A business or organization in Canada (most employers)")),
    ("foreign_government", _l("A foreign government or an office of a political subdivision")),
    ("diplomatic", _l("A diplomatic mission or consular post")),
    ("international_org", _l("An international organization")),
    ("bridge_tunnel", _l("An operator of an international bridge or tunnel")),
)


def _options(pairs: tuple[tuple[str, object], ...]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _whole_number(low: int, high: int, message: object) -> Callable[[PortalForm, Field], None]:
    def check(form: PortalForm, field: Field) -> None:
        text = field.data or ""
        if text and not (text.isdigit() and low <= int(text) <= high):
            raise ValidationError(str(message))

    return check


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


class GetForm(PortalForm):
    """A form read from the query string (no CSRF token: it changes nothing)."""

    class Meta:
        csrf = False


class FinderForm(GetForm):
    citizenship = SelectField(
        _l("Worker's country of citizenship"),
        description=_l("As shown on the passport the worker will travel with."),
        validators=[InputRequired(_l("Choose the worker's country of citizenship."))],
        validate_choice=False,
    )
    relationship = RadioField(
        _l("How is the worker related to your business?"),
        choices=_options(RELATIONSHIPS),
        validators=[InputRequired(_l("Choose how the worker is related to your business."))],
        validate_choice=False,
    )
    months_with_foreign_employer = StringField(
        _l("For a transfer: months of full-time work with the company abroad (optional)"),
        description=_l(
            "Count the months in the last 3 years, from 0 to 36. Transfers need at least 12."
        ),
        validators=[_whole_number(0, 36, _l("Enter a whole number of months from 0 to 36."))],
    )
    kind_of_work = RadioField(
        _l("What kind of work will the worker do?"),
        choices=_options(KINDS_OF_WORK),
        validators=[InputRequired(_l("Choose the kind of work."))],
        validate_choice=False,
    )
    teer = SelectField(
        _l("TEER category of the job (NOC 2021)"),
        choices=_options(TEER_CHOICES),
        validate_choice=False,
    )
    work_province = SelectField(
        _l("Province or territory where the worker will work"),
        validators=[InputRequired(_l("Choose the province or territory of work."))],
        validate_choice=False,
    )
    francophone = BooleanField(
        _l("The worker speaks French at level NCLC 5 or higher (Francophone mobility)"),
    )
    iec_category = RadioField(
        _l("International Experience Canada (IEC)"),
        choices=_options(IEC_CATEGORIES),
        default="",
        validate_choice=False,
    )
    age = StringField(
        _l("Worker's age on the date of the IEC invitation"),
        description=_l("Needed for IEC only: each country has its own age limits."),
        validators=[_whole_number(14, 99, _l("Enter the age as a whole number, for example 27."))],
    )
    has_pgwp_or_study_status = BooleanField(
        _l("The worker holds, or can get, a post-graduation work permit after studying in Canada"),
    )
    spouse_of = RadioField(
        _l("For a spouse or partner: whose spouse is the worker?"),
        choices=_options(SPOUSE_OF),
        default="",
        validate_choice=False,
    )
    principal_agreement = SelectField(
        _l("For a worker's spouse: the free trade agreement the principal worker came under"),
        choices=_options(PRINCIPAL_AGREEMENTS),
        validate_choice=False,
    )
    provincial_nomination = SelectField(
        _l("Province that nominated the worker (Provincial Nominee Program)"),
        validate_choice=False,
    )
    employer_kind = RadioField(
        _l("What kind of employer are you?"),
        choices=_options(EMPLOYER_KINDS),
        default="normal",
        validate_choice=False,
    )
    submit = SubmitField(_l("Find codes"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = all_countries(current_language())
        self.citizenship.choices = [("", _l("Choose a country")), *countries]
        self.work_province.choices = options(province_choices())
        provinces = province_choices(blank=False)
        self.provincial_nomination.choices = [("", _l("No provincial nomination")), *provinces]
        self._allowed = {
            "citizenship": {code for code, _name in countries},
            "work_province": {code for code, _name in provinces},
            "provincial_nomination": {"", *(code for code, _name in provinces)},
            "relationship": {value for value, _label in RELATIONSHIPS},
            "kind_of_work": {value for value, _label in KINDS_OF_WORK},
            "teer": {value for value, _label in TEER_CHOICES},
            "iec_category": {value for value, _label in IEC_CATEGORIES},
            "employer_kind": {value for value, _label in EMPLOYER_KINDS},
            "spouse_of": {value for value, _label in SPOUSE_OF},
            "principal_agreement": {value for value, _label in PRINCIPAL_AGREEMENTS},
        }

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        for name, allowed in self._allowed.items():
            field = self[name]
            if not field.errors and (field.data or "") not in allowed:
                field.errors.append(_l("Choose one of the options in the list."))
                valid = False
        if self.iec_category.data and not self.age.data and not self.age.errors:
            self.age.errors.append(_l("Enter the worker's age to check the IEC age limits."))
            valid = False
        return valid

    def answers(self) -> FinderAnswers:
        """The validated answers, in the shape the finder rules read."""
        return FinderAnswers(
            citizenship=self.citizenship.data,
            relationship=self.relationship.data,
            kind_of_work=self.kind_of_work.data,
            teer=_number(self.teer.data),
            work_province=self.work_province.data,
            francophone=bool(self.francophone.data),
            iec_category=self.iec_category.data or None,
            age=_number(self.age.data),
            has_pgwp_or_study_status=bool(self.has_pgwp_or_study_status.data),
            provincial_nomination=self.provincial_nomination.data or None,
            employer_kind=self.employer_kind.data or "normal",
            months_with_foreign_employer=_number(self.months_with_foreign_employer.data),
            spouse_of=self.spouse_of.data or None,
            principal_agreement=self.principal_agreement.data or None,
        )


class CatalogueFilterForm(GetForm):
    category = SelectField(_l("Category"), validate_choice=False)
    employer_only = BooleanField(
        _l("Employer-specific codes only (the ones an employer can choose for an offer)")
    )
    submit = SubmitField(_l("Show codes"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.category.choices = [("", _l("All categories"))] + [
            (cat.value, category_label(cat)) for cat in Category
        ]

    def validate_category(self, field: Field) -> None:
        if field.data and field.data not in {cat.value for cat in Category}:
            raise ValidationError(str(_l("Choose one of the categories in the list.")))

    def selected_category(self) -> Category | None:
        """The chosen category once validated; None means every category."""
        value = self.category.data
        return Category(value) if value in {cat.value for cat in Category} else None


class NocSearchForm(GetForm):
    q = StringField(
        _l("Job title or NOC code"),
        description=_l("For example: cook, software engineer, or 21231."),
        validators=[
            DataRequired(_l("Enter a job title or a NOC code.")),
            Length(max=100, message=_l("Enter 100 characters or fewer.")),
        ],
    )
    submit = SubmitField(_l("Search"))

"""Form pieces shared by several areas: the base form, the business fields (registration and the
employer's profile) and choice lists in the user's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DecimalField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Regexp, StopValidation

from portal import clock
from portal.catalogue import say
from portal.i18n import current_language
from portal.models.enums import BusinessType
from portal.rules.cards import card_problems
from portal.rules.countries import all_provinces
from portal.services.offers.payments import TEST_CARDS
from portal.text_checks import UNSAFE_TEXT, is_unsafe
from portal.validators import (
    validate_phone,
    validate_postal_code,
    validate_postal_code_matches_province,
)

REQUIRED = _l("This field is required.")
_NOT_SHOWN = {"SubmitField", "HiddenField", "CSRFTokenField"}

class PortalForm(FlaskForm):
    """Base form: strips surrounding spaces from every text field, and refuses control and
    text-direction characters in every field (portal.text_checks) before any other check runs:
    such a form is not valid, its field says why, and `has_unsafe_input` tells the views that
    save what is well formed (the offer sections) to save nothing."""

    has_unsafe_input = False
    # The fields' names in the order the page shows them, when it differs from the order they
    # are declared in (fields from a mixin come first): the error summary lists errors in it.
    page_order: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.page_order:
            fields: dict[str, Any] = self._fields  # type: ignore[has-type]  # WTForms is untyped
            named = [name for name in self.page_order if name in fields]
            rest = [name for name in fields if name not in named]
            self._fields = type(fields)((name, fields[name]) for name in [*named, *rest])

    def validate(self, extra_validators: Any = None) -> bool:
        self.has_unsafe_input = False
        for field in self:
            multiline = isinstance(field, TextAreaField)
            if any(is_unsafe(value, multiline=multiline) for value in field.raw_data or ()):
                self.has_unsafe_input = True
                field.errors = [UNSAFE_TEXT]
        if self.has_unsafe_input:
            shown = [f for f in self if f.errors and f.type not in _NOT_SHOWN]
            if len(shown) < sum(1 for f in self if f.errors):
                self.form_errors.append(UNSAFE_TEXT)  # a hidden field or a button: say it once
            return False
        return bool(super().validate(extra_validators))

    class Meta:
        def bind_field(
            self: object, form: Any, unbound_field: Any, options: dict[str, Any]
        ) -> Any:
            # Passwords are kept exactly as typed; every other text loses surrounding spaces.
            # The strip filter is added to this binding only: the unbound field is shared by
            # every instance of the form, so changing its kwargs would add one more filter on
            # every request.
            if not issubclass(unbound_field.field_class, PasswordField):
                filters = [_strip, *unbound_field.kwargs.get("filters", [])]
                return unbound_field.bind(form=form, filters=filters, **options)
            return unbound_field.bind(form=form, **options)


class NumberField(DecimalField):
    """A decimal number as people type it in the page's language: "1,200.5" in English,
    "1 200,5" in French (digit grouping ignored). A value that is not a number gets one
    message, `invalid` (no range check after it). Without `places` the box shows the value
    without trailing zeros ("37.5", never "37.50")."""

    def __init__(self, *args: Any, invalid: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("places", None)
        super().__init__(*args, invalid_value_message=invalid or _l("Enter a number."), **kwargs)

    def process_formdata(self, valuelist: list[Any]) -> None:
        if valuelist and isinstance(valuelist[0], str):
            valuelist = [_plain_number(valuelist[0]), *valuelist[1:]]
        super().process_formdata(valuelist)

    def pre_validate(self, form: Any) -> None:
        if self.process_errors:
            raise StopValidation()  # the one "enter a number" message is enough

    def _value(self) -> str:
        if self.raw_data or self.places is not None or not hasattr(self.data, "normalize"):
            return str(super()._value())
        return f"{self.data.normalize():f}"


def _plain_number(text: str) -> str:
    for space in (" ", "\u00a0", "\u202f"):
        text = text.replace(space, "")
    return text.replace(",", ".") if current_language() == "fr" else text.replace(",", "")


class ActionForm(PortalForm):
    """A button that posts (start, copy, delete, submit, remove): CSRF token only."""

    submit = SubmitField(_l("Continue"))


class CardFieldsForm(PortalForm):
    """A simulated card payment's three fields (the offer's fee, an inspection's penalty),
    checked in one round: the number, the expiry against today and the security code's length
    for the brand, whatever the other fields say. Only the test cards of
    portal.services.offers.payments.TEST_CARDS are accepted."""

    card_number = StringField(_l("Card number"), validators=[
        InputRequired(message=_l("Enter the card number.")), Length(max=30)],
        description=_l("Use a test card listed on this page."))
    expiry = StringField(_l("Expiry date (MM/YY)"), validators=[
        InputRequired(message=_l("Enter the expiry date.")),
        Regexp(r"^(0[1-9]|1[0-2])\s*/\s*\d{2}$", message=_l("Enter the expiry date as MM/YY."))])
    cvc = StringField(_l("Security code (CVC)"), validators=[
        InputRequired(message=_l("Enter the security code.")),
        Regexp(r"^\d{3,4}$", message=_l("Enter the 3 or 4 digits of the security code."))])

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.has_unsafe_input:
            return valid
        for name, message in card_problems(
            card_number=self.card_number.data, expiry=self.expiry.data, cvc=self.cvc.data,
            today=clock.today(), test_cards=set(TEST_CARDS),
        ):
            field = self[name]
            if not field.errors:
                field.errors = [*field.errors, say(message)]
                valid = False
        return valid


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def options(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices (WTForms 3.3 wants SelectChoice objects)."""
    return [SelectChoice(value, label) for value, label in pairs]


def province_choices(*, blank: bool = True) -> list[tuple[str, str]]:
    choices = list(all_provinces(current_language()))
    return [("", _l("Choose a province or territory")), *choices] if blank else choices


def business_type_choices() -> list[tuple[str, str]]:
    return [("", _l("Choose a type of business"))] + [
        (kind.value, kind.label) for kind in BusinessType
    ]


class BusinessFieldsMixin:
    legal_name = StringField(
        _l("Business legal name"),
        description=_l("As registered with the Canada Revenue Agency."),
        validators=[InputRequired(REQUIRED), Length(max=200)],
    )
    operating_name = StringField(
        _l("Operating name"),
        description=_l("The name the business uses day to day. Repeat the legal name if the same."),
        validators=[InputRequired(REQUIRED), Length(max=200)],
    )
    business_type = SelectField(_l("Type of business"), validators=[InputRequired(REQUIRED)])
    address_line1 = StringField(
        _l("Street address"), validators=[InputRequired(REQUIRED), Length(max=200)]
    )
    address_line2 = StringField(
        _l("Suite, unit or floor (optional)"), validators=[Length(max=200)]
    )
    city = StringField(_l("City or town"), validators=[InputRequired(REQUIRED), Length(max=100)])
    province = SelectField(_l("Province or territory"), validators=[InputRequired(REQUIRED)])
    postal_code = StringField(
        _l("Postal code"),
        description=_l("For example K1A 0B1."),
        validators=[
            InputRequired(REQUIRED),
            validate_postal_code,
            validate_postal_code_matches_province,
        ],
    )
    phone = StringField(
        _l("Business phone number"),
        description=_l("10 digits, for example 613-555-0100."),
        validators=[InputRequired(REQUIRED), validate_phone],
    )
    contact_name = StringField(
        _l("Contact person"),
        description=_l("The person IRCC would contact about this business's offers."),
        validators=[InputRequired(REQUIRED), Length(max=200)],
    )

    def set_business_choices(self) -> None:
        self.business_type.choices = options(business_type_choices())
        self.province.choices = options(province_choices())

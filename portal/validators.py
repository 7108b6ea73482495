"""Shared WTForms validators and field cleaners. Messages are lazy-translated.

Forms check shape (required, format, length); services check meaning (state, ownership,
eligibility).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import email_validator
from babel.numbers import format_decimal
from flask_babel import lazy_gettext as _l
from stdnum.ca import bn as business_number
from stdnum.exceptions import ValidationError as StdnumError
from wtforms import Field, Form, ValidationError
from wtforms import validators as wtforms_validators

from portal import passwords
from portal.i18n import babel_locale

POSTAL_CODE_RE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$")
# The first letter of a postal code names its province or territory (Canada Post).
POSTAL_PREFIX_PROVINCES = {
    "A": {"NL"}, "B": {"NS"}, "C": {"PE"}, "E": {"NB"}, "G": {"QC"}, "H": {"QC"}, "J": {"QC"},
    "K": {"ON"}, "L": {"ON"}, "M": {"ON"}, "N": {"ON"}, "P": {"ON"}, "R": {"MB"}, "S": {"SK"},
    "T": {"AB"}, "V": {"BC"}, "X": {"NT", "NU"}, "Y": {"YT"},
}


def clean_business_number(value: str | None) -> str:
    """Digits only: '123 456 789' -> '123456789'."""
    return re.sub(r"[\s-]", "", value or "")


def clean_postal_code(value: str | None) -> str:
    """Canada Post format: 'k1a0b1' -> 'K1A 0B1'."""
    compact = re.sub(r"\s", "", value or "").upper()
    return f"{compact[:3]} {compact[3:]}" if len(compact) == 6 else (value or "").strip().upper()


def validate_business_number(_form: Form, field: Field) -> None:
    digits = clean_business_number(field.data)
    if not re.fullmatch(r"\d{9}", digits):
        raise ValidationError(
            _l("Enter the 9 digits of the business number, for example 872 345 673.")
        )
    try:
        business_number.validate(digits)
    except StdnumError as exc:
        raise ValidationError(
            _l("This business number is not valid: check the 9 digits on your CRA documents.")
        ) from exc
    field.data = digits


def validate_postal_code(_form: Form, field: Field) -> None:
    value = clean_postal_code(field.data)
    if not POSTAL_CODE_RE.match(value):
        raise ValidationError(_l("Enter a Canadian postal code, for example K1A 0B1."))
    field.data = value


def validate_postal_code_matches_province(form: Form, field: Field) -> None:
    """The postal code's first letter must belong to the chosen province (when both are valid)."""
    postal_code_matches("province")(form, field)


def postal_code_matches(province_field: str) -> Callable[[Form, Field], None]:
    """The check above against the province chosen in `province_field` (a mailing address)."""
    return lambda form, field: _postal_code_in_province(getattr(form, province_field, None), field)


def _postal_code_in_province(province: Field | None, field: Field) -> None:
    code = clean_postal_code(field.data)
    if province is None or not province.data or not POSTAL_CODE_RE.match(code):
        return
    if province.data not in POSTAL_PREFIX_PROVINCES.get(code[0], set()):
        raise ValidationError(
            _l("This postal code is not in the province or territory you chose. Check both.")
        )


def validate_phone(_form: Form, field: Field) -> None:
    digits = re.sub(r"\D", "", field.data or "")
    if digits.startswith("1") and len(digits) == 11:
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01":
        raise ValidationError(
            _l("Enter a 10-digit Canadian phone number, for example 613-555-0100.")
        )
    field.data = f"{digits[0:3]}-{digits[3:6]}-{digits[6:]}"


PHONE_ANY = _l(
    "Enter a phone number: 10 digits in Canada or the United States, for example "
    "613-555-0100, or + and the country code for another country, for example +33 1 23 45 67 89."
)


def validate_any_phone(_form: Form, field: Field) -> None:
    """A North American number (NANP: area code and exchange start with 2-9), written
    613-555-0100, or an international one in E.164's shape (+, a country code that does not
    start with 0, 8 to 15 digits in all), kept as typed with single spaces. Simplified: the
    simulator checks the shape, not each country's numbering plan."""
    text = (field.data or "").strip()
    if not text:
        return
    if re.search(r"[^\d\s().+-]", text) or "+" in text[1:]:
        raise ValidationError(PHONE_ANY)
    digits = re.sub(r"\D", "", text)
    if text.startswith("011"):  # dialled from North America: 011 then the country code
        text, digits = "+" + text[3:].lstrip(" -."), digits[3:]
    if text.startswith("+") and not digits.startswith("1"):
        if not 8 <= len(digits) <= 15 or digits[0] == "0":
            raise ValidationError(PHONE_ANY)
        field.data = "+" + " ".join(re.sub(r"[^\d\s]", " ", text[1:]).split())
        return
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        raise ValidationError(PHONE_ANY)
    field.data = f"{digits[0:3]}-{digits[3:6]}-{digits[6:]}"


_GROUPING = re.compile(r"[\s\u00a0\u202f]")  # spaces, no-break spaces (French grouping)


def read_whole_number(text: str | None) -> int | None:
    """A whole number as people write it: '1 200', '1\u00a0200' (French), '1,200' (English).
    None when it is not one."""
    compact = _GROUPING.sub("", text or "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+", compact):
        compact = compact.replace(",", "")
    return int(compact) if re.fullmatch(r"\d{1,12}", compact) else None


def read_amount(text: str | None) -> Decimal | None:
    """Dollars as people write them, in either language: '$1,250,000.50', '1 250 000,50 $',
    '1250000'. A comma followed by exactly three digits groups thousands; any other comma is
    the French decimal sign. None when it is not an amount of at most two decimals."""
    compact = _GROUPING.sub("", text or "").removeprefix("$").removesuffix("$")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?", compact):
        compact = compact.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}|\d{1,3}(\.\d{3})+,\d{1,2}", compact):
        compact = compact.replace(".", "").replace(",", ".")
    if not re.fullmatch(r"\d{1,13}(\.\d{1,2})?", compact):
        return None
    try:
        return Decimal(compact)
    except InvalidOperation:  # pragma: no cover (the pattern admits only decimals)
        return None


def validate_new_password(_form: Form, field: Field) -> None:
    value = field.data or ""
    if len(value) < passwords.MIN_LENGTH:
        raise ValidationError(_l("Use at least %(n)d characters.", n=passwords.MIN_LENGTH))
    if len(value) > passwords.MAX_LENGTH:
        raise ValidationError(_l("Use at most %(n)d characters.", n=passwords.MAX_LENGTH))
    if passwords.is_common(value):
        raise ValidationError(
            _l("This password is too common. Choose one that is hard to guess.")
        )


EMAIL_FORMAT = _l("Enter an email address like name@example.com.")
EMAIL_RESERVED = _l(
    "Addresses ending in .%(name)s cannot receive email: the name is reserved for tests and "
    "private networks. Enter an address that receives email, like name@example.com."
)


class EmailAddress:
    """WTForms' Email check (email_validator, no DNS lookup) that says what is wrong: a
    reserved domain (.test, .invalid, .localhost...) is named as such (issue 13 item 17)."""

    def __call__(self, _form: Form, field: Field) -> None:
        value = field.data or ""
        try:
            email_validator.validate_email(value, check_deliverability=False)
        except email_validator.EmailNotValidError as error:
            last = value.rsplit("@", 1)[-1].rstrip(".").rsplit(".", 1)[-1].lower()
            if "@" in value and last in email_validator.SPECIAL_USE_DOMAIN_NAMES:
                raise ValidationError(EMAIL_RESERVED % {"name": last}) from error
            raise ValidationError(str(EMAIL_FORMAT)) from error


class NumberRange(wtforms_validators.NumberRange):  # type: ignore[misc]  # WTForms is untyped
    """WTForms' NumberRange whose message writes its bounds the reader's way: "between 0,5
    and 168", "10 000 000" in French (babel.numbers), never Python's "0.5" / "10000000"."""

    def __call__(self, form: Any, field: Field) -> None:
        low, high, data = self.min, self.max, field.data
        if data is not None and not math.isnan(data) and (low is None or data >= low) \
                and (high is None or data <= high):
            return
        if self.message is not None:
            message = self.message
        elif high is None:
            message = field.gettext("Number must be at least %(min)s.")
        elif low is None:
            message = field.gettext("Number must be at most %(max)s.")
        else:
            message = field.gettext("Number must be between %(min)s and %(max)s.")
        raise ValidationError(message % {"min": _number(low), "max": _number(high)})


def _number(value: Any) -> str:
    return "" if value is None else str(format_decimal(value, locale=babel_locale()))

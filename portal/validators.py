"""Shared WTForms validators and field cleaners. Messages are lazy-translated.

Forms check shape (required, format, length); services check meaning (state, ownership,
eligibility).
"""

from __future__ import annotations

import re

import email_validator
from flask_babel import lazy_gettext as _l
from stdnum.ca import bn as business_number
from stdnum.exceptions import ValidationError as StdnumError
from wtforms import Field, Form, ValidationError

from portal import passwords

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
    province = getattr(form, "province", None)
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

"""The fee page's card fields, checked together (issue 13 item 13): the number (digits, Luhn,
one of the simulator's test cards), the expiry month against today (a card is valid to the end
of its expiry month) and the security code's length for the brand (4 digits for American
Express, 3 for the others). Pure: values in, (field, message) pairs out, in form order."""

from __future__ import annotations

import re
from datetime import date

from stdnum import luhn

from portal.rules.messages import Message

_EXPIRY = re.compile(r"^(0[1-9]|1[0-2])\s*/\s*(\d{2})$")


def card_digits(card_number: str | None) -> str:
    return re.sub(r"[\s-]", "", card_number or "")


def is_valid_number(digits: str) -> bool:
    return digits.isdigit() and 12 <= len(digits) <= 19 and luhn.is_valid(digits)


def cvc_length(digits: str) -> int:
    return 4 if digits[:2] in {"34", "37"} else 3


def card_problems(
    *, card_number: str | None, expiry: str | None, cvc: str | None, today: date,
    test_cards: frozenset[str] | set[str],
) -> list[tuple[str, Message]]:
    """Every card field that cannot be used, each with its reason (an empty value is left to
    the form's "required" message)."""
    found: list[tuple[str, Message]] = []
    digits = card_digits(card_number)
    if digits and not is_valid_number(digits):
        found.append(("card_number", Message.of("payment.card_invalid")))
    elif digits and digits not in test_cards:
        found.append(("card_number", Message.of("payment.card_not_test")))
    match = _EXPIRY.fullmatch((expiry or "").strip())
    if match:
        month, year = int(match.group(1)), 2000 + int(match.group(2))
        if (year, month) < (today.year, today.month):
            found.append(("expiry", Message.of("payment.card_expired")))
    code = (cvc or "").strip()
    if code.isdigit() and is_valid_number(digits) and len(code) != cvc_length(digits):
        found.append(("cvc", Message.of("payment.cvc_length", digits=cvc_length(digits))))
    return found

"""The simulated card processor. It never accepts real card data: only the published test
numbers below are charged, any other number is refused before anything is stored, and only the
brand, the last four digits and the result are kept.

| number              | result             |
|---------------------|--------------------|
| 4242 4242 4242 4242 | succeeded          |
| 4000 0000 0000 0002 | declined           |
| 4000 0000 0000 9995 | insufficient funds |

A number that fails the Luhn check is invalid; a valid number that is not a test card is
refused as "not a test card" (it could be a real card).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum import luhn

from portal.models import PaymentResult
from portal.rules.messages import Message
from portal.services.errors import DomainError

TEST_CARDS: dict[str, PaymentResult] = {
    "4242424242424242": PaymentResult.SUCCEEDED,
    "4000000000000002": PaymentResult.DECLINED,
    "4000000000009995": PaymentResult.INSUFFICIENT_FUNDS,
}


@dataclass(frozen=True)
class CardOutcome:
    brand: str
    last4: str
    result: PaymentResult


def card_brand(digits: str) -> str:
    if digits.startswith("4"):
        return "Visa"
    if digits[:2] in {"51", "52", "53", "54", "55"} or "2221" <= digits[:4] <= "2720":
        return "Mastercard"
    if digits[:2] in {"34", "37"}:
        return "American Express"
    return "Card"


def charge_test_card(card_number: str, *, field: str = "card_number") -> CardOutcome:
    """The simulated outcome for a card number (spaces and dashes ignored). Raises DomainError on
    `field` when the number is invalid or is not one of the test cards."""
    digits = re.sub(r"[\s-]", "", card_number or "")
    if not digits.isdigit() or not 12 <= len(digits) <= 19 or not luhn.is_valid(digits):
        raise DomainError(
            Message.of("payment.card_invalid"),
            field=field,
        )
    result = TEST_CARDS.get(digits)
    if result is None:
        raise DomainError(
            Message.of("payment.card_not_test"),
            field=field,
        )
    return CardOutcome(brand=card_brand(digits), last4=digits[-4:], result=result)

import random

import pytest

from portal.rules import numbers


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("A1234567", True),
        ("A0456789", True),
        ("a1234567", False),
        ("A123456", False),
        ("A12345678", False),
        (" A1234567", False),
        ("B1234567", False),
        (None, False),
    ],
)
def test_offer_number_format(value, ok):
    assert numbers.is_offer_number(value) is ok


def test_generated_numbers_have_the_right_format_and_are_not_sequential():
    rng = random.Random(7)
    offers = [numbers.new_offer_number(rng) for _ in range(200)]
    assert all(numbers.is_offer_number(n) for n in offers)
    assert len(set(offers)) == 200
    assert sorted(offers) != offers
    assert numbers.APPLICATION_NUMBER_RE.fullmatch(numbers.new_application_number(rng))
    assert numbers.RECEIPT_NUMBER_RE.fullmatch(numbers.receipt_number(rng))


def test_verification_code_round_trip_and_tamper_detection():
    code = numbers.verification_code("A1234567", b"secret")
    assert len(code) == 10
    assert set(code) <= set(numbers.VERIFICATION_ALPHABET)
    assert not set(code) & set("01OIL")
    assert numbers.check_verification_code("A1234567", code, b"secret")
    assert numbers.check_verification_code(
        "A1234567", numbers.format_verification_code(code).lower(), b"secret"
    )
    assert not numbers.check_verification_code("A1234568", code, b"secret")
    assert not numbers.check_verification_code("A1234567", code, b"other")
    assert not numbers.check_verification_code("A1234567", "ÉÉÉ", b"secret")

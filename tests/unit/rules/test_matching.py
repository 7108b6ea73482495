"""The identity matches compare exactly: what the employer entered, character for character."""

from __future__ import annotations

from datetime import date

import pytest

from portal.rules.matching import matches_verification, matches_work_permit

PASSPORT = "AB123456"
BORN = date(1990, 5, 17)


def permit(typed_passport: str | None, typed_citizenship: str | None,
           entered_passport: str | None = PASSPORT) -> bool:
    return matches_work_permit(
        offer_passport_number=entered_passport,
        offer_citizenship="MX",
        passport_number=typed_passport,
        citizenship=typed_citizenship,
    )


def verification(passport: str | None, born: date | None) -> bool:
    return matches_verification(
        offer_passport_number=PASSPORT, offer_date_of_birth=BORN,
        passport_number=passport, date_of_birth=born,
    )


def test_the_work_permit_step_matches_the_same_passport_and_citizenship():
    assert permit(PASSPORT, "MX")


@pytest.mark.parametrize(
    "typed",
    ["ab123456", "AB 123456", "AB-123456", " AB123456", "AB123456 ", "ÀB123456", "AB12345", ""],
)
def test_any_difference_in_the_passport_number_stops_the_work_permit_match(typed):
    assert not permit(typed, "MX")


def test_another_citizenship_stops_the_work_permit_match():
    assert not permit(PASSPORT, "US")
    assert not permit(PASSPORT, "mx")


def test_an_offer_without_a_passport_number_matches_no_typed_number():
    assert not permit(PASSPORT, "MX", entered_passport=None)


def test_verification_matches_the_same_passport_and_date_of_birth():
    assert verification(PASSPORT, BORN)


@pytest.mark.parametrize("typed", ["ab123456", "AB 123456", "AB-123456", "AB123456 ", ""])
def test_any_difference_in_the_passport_number_stops_verification(typed):
    assert not verification(typed, BORN)


def test_another_date_of_birth_stops_verification():
    assert not verification(PASSPORT, date(1990, 5, 18))


def test_verification_without_a_date_of_birth_never_matches():
    assert not verification(PASSPORT, None)
    assert not matches_verification(
        offer_passport_number=PASSPORT, offer_date_of_birth=None,
        passport_number=PASSPORT, date_of_birth=None,
    )

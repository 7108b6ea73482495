"""Family open work permits for applications from 2025-01-21 (domain.md 3.8a): C41 needs a TEER 0/1
job or a listed TEER 2/3 one AND 16 months left on the principal's permit; C46/C48 (and C47)
no longer qualify; C42 needs a qualifying program; FTA spouse codes are not narrowed."""

from __future__ import annotations

from datetime import date

import pytest

from portal.rules._facts import add_months
from portal.rules.family import (
    FamilyFacts,
    family_findings,
    listed_occupation,
    still_offered,
)

TODAY = date(2026, 12, 1)


def codes(**facts) -> list[tuple[str, str | None]]:
    base = {"applied_on": TODAY}
    return [(f.code, f.field) for f in family_findings(FamilyFacts(**{**base, **facts}))]


def test_a_nurses_husband_qualifies_with_16_months_left():
    assert codes(code="C41", principal_noc="31301", principal_permit_expiry=date(2028, 4, 1)) == []


def test_the_practice_case_nurse_with_less_than_16_months_left_is_refused(say):
    found = family_findings(FamilyFacts(
        code="C41", applied_on=TODAY, principal_noc="31301",
        principal_permit_expiry=date(2027, 11, 30),
    ))
    assert [(f.code, f.field) for f in found] == [
        ("FAMILY-C41-MONTHS-LEFT", "principal_permit_expiry")
    ]
    text = say(found[0].message, "en")
    assert "November 30, 2027" in text and "16 months" in text and "April 1, 2028" in text
    assert "1er avril 2028" in say(found[0].message, "fr") or "1 avril 2028" in say(
        found[0].message, "fr")


def test_sixteen_months_to_the_day_is_enough_and_a_day_less_is_not():
    assert codes(code="C41", principal_noc="21231", principal_permit_expiry=date(2028, 4, 1)) == []
    assert codes(code="C41", principal_noc="21231", principal_permit_expiry=date(2028, 3, 31)) == [
        ("FAMILY-C41-MONTHS-LEFT", "principal_permit_expiry")
    ]


@pytest.mark.parametrize(("noc", "found"), [
    ("00010", []),  # TEER 0
    ("21231", []),  # TEER 1
    ("72310", []),  # carpenters, TEER 2, construction: listed
    ("33102", []),  # nurse aides, TEER 3, health: listed
    ("53201", []),  # coaches, TEER 3, sports: listed
    ("43204", []),  # Canadian Armed Forces, TEER 3: listed
    ("62020", ["FAMILY-C41-NOT-LISTED"]),  # food service supervisors, TEER 2: not listed
    ("63200", ["FAMILY-C41-NOT-LISTED"]),  # cooks, TEER 3: not listed
    ("14101", ["FAMILY-C41-TEER"]),  # receptionists, TEER 4
    ("65310", ["FAMILY-C41-TEER"]),  # light duty cleaners, TEER 5
    ("99999", ["FAMILY-PRINCIPAL-NOC-UNKNOWN"]),
])
def test_the_principals_job_decides(noc, found):
    result = codes(code="C41", principal_noc=noc, principal_permit_expiry=date(2030, 1, 1))
    assert [code for code, _ in result] == found


def test_both_c41_conditions_are_asked_and_reported_together():
    assert codes(code="c41") == [
        ("FAMILY-PRINCIPAL-NOC-MISSING", "principal_noc_code"),
        ("FAMILY-PRINCIPAL-EXPIRY-MISSING", "principal_permit_expiry"),
    ]


def test_listed_occupations_are_teer_2_or_3_sectors_only():
    assert listed_occupation("72310") and listed_occupation("22300")
    assert not listed_occupation("64100") and not listed_occupation("73300")


@pytest.mark.parametrize("code", ["C46", "C48"])
def test_dependent_children_of_workers_no_longer_qualify(code, say):
    assert not still_offered(code, TODAY)
    found = family_findings(FamilyFacts(code=code, applied_on=TODAY))
    assert [(f.code, f.field) for f in found] == [("FAMILY-CHILDREN", "open_code")]
    assert "no longer qualify" in say(found[0].message, "en")
    assert "ne sont plus admissibles" in say(found[0].message, "fr")


def test_spouses_of_teer_4_5_workers_no_longer_qualify():
    assert codes(code="C47") == [("FAMILY-C47", "open_code")]


@pytest.mark.parametrize(("program", "found"), [
    ("masters_16_months", []), ("doctoral", []), ("professional", []),
    ("other", [("FAMILY-C42-PROGRAM", "student_program")]),
    (None, [("FAMILY-STUDENT-PROGRAM-MISSING", "student_program")]),
])
def test_a_students_spouse_needs_a_qualifying_program(program, found):
    assert codes(code="C42", student_program=program) == found


@pytest.mark.parametrize("code", ["T45", "F36", "F64", "T53", "F73", "T25", "C49", "C43"])
def test_fta_spouses_and_other_codes_are_not_narrowed(code):
    assert still_offered(code, TODAY)
    assert codes(code=code) == []


def test_applications_before_21_january_2025_follow_the_earlier_rules():
    before = date(2025, 1, 20)
    assert still_offered("C46", before)
    assert codes(code="C41", applied_on=before) == []
    assert codes(code="C46", applied_on=before) == []
    assert codes(code="C46", applied_on=date(2025, 1, 21)) == [("FAMILY-CHILDREN", "open_code")]


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 12, 1), 16, date(2028, 4, 1)),
    (date(2026, 10, 31), 16, date(2028, 2, 29)),
    (date(2027, 1, 31), 1, date(2027, 2, 28)),
    (date(2027, 3, 1), 12, date(2028, 3, 1)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected

"""The practice cases shipped with the portal: at least 20, bilingual, and consistent with the
portal's own rules (the expected code passes the eligibility checks, the code a learner may be
tempted by does not, and the fee outcome is the one the fee rules compute)."""

from __future__ import annotations

import pytest

from portal.models import BusinessType, ExemptionCategory, PermitType
from portal.rules.codes import get_code
from portal.rules.eligibility import OfferFacts, blocking, check_offer
from portal.rules.fees import compliance_fee
from portal.rules.messages import Bilingual
from portal.rules.practice import Case, all_cases, get_case
from portal.rules.practice.cases import (
    ATTESTATION_IDS,
    BUSINESS_TYPES,
    COMPLIANCE_EXEMPT_CATEGORIES,
    ApplicationType,
    FeeOutcome,
)
from portal.services.offers.drafts import ATTESTATION_IDS as PORTAL_ATTESTATIONS
from tests.unit.rules.practice.answers import MODEL

CASES = all_cases()
IDS = [case.id for case in CASES]
OFFER_CASES = [case for case in CASES if case.needs_offer]


def test_at_least_twenty_cases_from_easy_to_hard():
    assert len(CASES) >= 20
    assert {case.difficulty for case in CASES} == {"easy", "medium", "hard"}
    assert CASES[0].difficulty == "easy" and CASES[-1].difficulty == "hard"


def test_every_case_has_a_model_answer_in_the_tests():
    assert sorted(MODEL) == sorted(IDS)


def _texts(case: Case) -> list[Bilingual]:
    texts = [case.title, case.brief, case.employer.activity, case.job.title, case.job.duties,
             case.expected.why, case.expected.source]
    for fact in case.facts:
        texts += [fact.text, fact.source]
    return texts


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_case_speaks_english_and_french(case, say):
    for text in _texts(case):
        assert text.en.strip() and text.fr.strip()
        assert say(text, "en") == text.en and say(text, "fr") == text.fr
    for prose in (case.brief, case.expected.why, *(fact.text for fact in case.facts)):
        assert prose.en != prose.fr, prose.en
    assert say(case.difficulty_label, "en") != say(case.difficulty_label, "fr")


def _facts(case: Case, code: str) -> OfferFacts:
    return OfferFacts(
        code=code, citizenship=case.worker.citizenship, date_of_birth=case.worker.date_of_birth,
        noc_code=case.job.noc_code, work_province=case.job.province,
        employer_province=case.employer.province, start_date=case.job.start_date,
        end_date=case.job.end_date, wage_cents=case.job.wage_cents, wage_unit=case.job.wage_unit,
        hours_per_week=case.job.hours_per_week, answers=dict(case.answers),
        employer_compliance_exempt=case.employer.compliance_exempt_category is not None,
    )


@pytest.mark.parametrize("case", OFFER_CASES, ids=[c.id for c in OFFER_CASES])
def test_the_expected_codes_pass_the_portals_eligibility_rules(case):
    for code in case.expected.accepted_codes:
        findings = check_offer(_facts(case, code), today=case.case_date)
        assert findings == [], (code, [f.code for f in findings])


@pytest.mark.parametrize("case", OFFER_CASES, ids=[c.id for c in OFFER_CASES])
def test_the_expected_fee_is_what_the_fee_rules_compute(case):
    fee = compliance_fee(case.expected.code, answers=dict(case.answers))
    assert fee.exempt is (case.expected.fee is FeeOutcome.exempt)


TEMPTED = [case for case in CASES if case.expected.tempting_code]


@pytest.mark.parametrize("case", TEMPTED, ids=[c.id for c in TEMPTED])
def test_the_tempting_code_is_refused_by_the_portals_rules(case):
    findings = check_offer(_facts(case, case.expected.tempting_code), today=case.case_date)
    assert blocking(findings), case.expected.tempting_code


def test_the_cases_the_issue_asks_for():
    cook = get_case("francophone-cook")
    assert cook.expected.code == "C16" and cook.job.province != "QC"
    farmhand = get_case("francophone-farmhand")
    assert farmhand.expected.tempting_code == "C16" and not farmhand.needs_offer
    ict = get_case("ict-eleven-months")
    assert ict.answers["months_with_foreign_employer"] == "11" and not ict.needs_offer
    volunteer = get_case("c50-unpaid-volunteer")
    assert (volunteer.expected.code, volunteer.expected.fee) == ("C50", FeeOutcome.exempt)
    mission = get_case("foreign-mission-staff")
    assert mission.employer.compliance_exempt_category == "diplomatic_or_consular_mission"
    assert mission.expected.application is ApplicationType.other
    passport = get_case("passport-hyphen").worker.passport_number
    assert "-" in passport and any(ch.isalpha() for ch in passport)
    spouses = {get_case("spouse-open-permit").expected.application_code,
               get_case("spouse-permit-too-short").expected.tempting_code}
    assert spouses == {"C41"}
    assert get_case("cusma-software-engineer").expected.code == "T36"


def test_no_case_uses_the_demo_employer_and_every_number_is_unique():
    numbers = [case.employer.business_number for case in CASES]
    assert "123456782" not in numbers and len(set(numbers)) == len(numbers)


def test_every_expected_code_exists_and_offers_use_employer_specific_codes():
    for case in CASES:
        for code in (*case.expected.accepted_codes, case.expected.application_code,
                     case.expected.tempting_code):
            assert code is None or get_code(code) is not None
        for code in case.expected.accepted_codes:
            assert get_code(code).employer_specific


def test_the_practice_vocabulary_is_the_portals():
    assert set(BUSINESS_TYPES) == {member.value for member in BusinessType}
    assert set(COMPLIANCE_EXEMPT_CATEGORIES) == {member.value for member in ExemptionCategory}
    assert tuple(ATTESTATION_IDS) == tuple(PORTAL_ATTESTATIONS)
    assert {member.value for member in PermitType} == set(ApplicationType) - {"none"}

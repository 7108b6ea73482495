"""The grader: every model answer scores 100, every wrong answer less with the feedback that
names the rule, partial credit as documented, and every feedback item worded in English and
French."""

from __future__ import annotations

from dataclasses import replace

import pytest

from portal.rules.practice import Attempt, all_cases, get_case, grade
from portal.rules.practice.grader import NO_OFFER_POINTS, OFFER_POINTS, Part
from tests.unit.rules.practice.answers import ALTERNATIVES, MODEL, WRONG

IDS = [case.id for case in all_cases()]


def _grade(case_id: str, **change):
    case = get_case(case_id)
    assert case is not None, case_id
    return grade(case, replace(MODEL[case_id], **change))


@pytest.mark.parametrize("case_id", IDS)
def test_the_model_answer_scores_100_with_only_good_news(case_id):
    result = grade(get_case(case_id), MODEL[case_id])
    assert result.score == 100
    assert result.feedback and all(item.ok for item in result.feedback)


@pytest.mark.parametrize(("case_id", "change", "code"), WRONG,
                         ids=[f"{c}-{code}" for c, _ch, code in WRONG])
def test_a_wrong_answer_scores_less_and_says_why(case_id, change, code):
    result = _grade(case_id, **change)
    assert result.score < 100
    assert code in result.feedback_codes
    assert not next(item for item in result.feedback if item.message.code == code).ok


def test_every_case_has_a_wrong_answer():
    assert {case_id for case_id, _change, _code in WRONG} == set(IDS)


@pytest.mark.parametrize(("case_id", "change"), ALTERNATIVES.items())
def test_an_acceptable_alternative_code_scores_100_and_names_the_best_fit(case_id, change):
    result = _grade(case_id, **change)
    assert result.score == 100
    assert "practice.code.acceptable" in result.feedback_codes


def test_an_empty_attempt_scores_nothing_on_a_case_that_needs_an_offer():
    result = grade(get_case("cusma-software-engineer"), Attempt())
    assert result.score == 0
    assert "practice.outcome.not_submitted" in result.feedback_codes


def test_points_add_up_to_100():
    assert sum(OFFER_POINTS.values()) - OFFER_POINTS[Part.application] == 100
    assert sum(NO_OFFER_POINTS.values()) == 100


def test_fee_partial_credit():
    # Paid although exempt: lawful but unnecessary, half of the fee part.
    paid = _grade("c50-unpaid-volunteer", fee="paid").part(Part.fee)
    assert (paid.earned, paid.possible) == (7, 15)
    # Waived although due: nothing.
    waived = _grade("c51-paid-charity-worker", fee="exempt").part(Part.fee)
    assert waived.earned == 0
    # An unknown fee outcome counts as unsettled.
    assert _grade("c51-paid-charity-worker", fee="cheque").part(Part.fee).earned == 0


def test_identity_partial_credit():
    case_id = "passport-hyphen"
    model = MODEL[case_id].identity
    one = _grade(case_id, identity=replace(model, given_names="JAVIERA"),
                 application_identity=replace(model, given_names="JAVIERA"))
    assert one.part(Part.identity).earned == 15
    two = _grade(case_id, identity=replace(model, given_names="JAVIERA", sex="M"),
                 application_identity=replace(model, given_names="JAVIERA", sex="M"))
    assert two.part(Part.identity).earned == 10
    # The passport number decides the match: nothing for identity, nothing for the application.
    hyphenless = replace(model, passport_number="F0453721K")
    nomatch = _grade(case_id, identity=hyphenless, application_identity=hyphenless)
    assert nomatch.part(Part.identity).earned == 0
    assert "practice.identity.no_match" in nomatch.feedback_codes


def test_identity_compares_exactly():
    case_id = "iec-young-professional"
    model = MODEL[case_id].identity
    for changed in (replace(model, given_names="Hélène  Marie"),
                    replace(model, given_names="HÉLÈNE MARIE"),
                    replace(model, passport_number="21ap48213"),
                    replace(model, passport_number=" 21AP48213")):
        assert _grade(case_id, identity=changed).score < 100, changed


def test_evidence_partial_credit_and_extras_cost_nothing():
    case_id = "cusma-ict-executive"
    evidence = set(MODEL[case_id].evidence)
    half = _grade(case_id, evidence=frozenset(sorted(evidence)[:2])).part(Part.evidence)
    assert (half.earned, half.possible) == (5, 10)
    extra = _grade(case_id, evidence=frozenset(evidence | {"proof-of-qualifications-for-the-job"}))
    assert extra.score == 100


def test_no_application_in_an_offer_case_is_not_graded():
    result = _grade("francophone-cook", application_type=None)
    assert result.score == 100 and result.part(Part.application) is None


def test_waiting_is_right_when_the_worker_is_not_yet_eligible():
    result = grade(get_case("ict-eleven-months"), Attempt())
    assert result.score == 100
    assert result.feedback_codes == ("practice.outcome.no_offer", "practice.application.right")


def test_a_compliance_exempt_employers_offer_gets_no_outcome_points_and_a_refund_hint():
    result = _grade("foreign-mission-staff", offer_submitted=True, code="C20", fee="paid")
    assert result.part(Part.outcome).earned == 0
    assert "practice.outcome.withdraw_for_refund" in result.feedback_codes


def _spoken(say, result) -> list[tuple[str, str]]:
    return [(say(item.message, "en"), say(item.message, "fr")) for item in result.feedback]


def _all_results():
    for case_id in IDS:
        yield grade(get_case(case_id), MODEL[case_id])
        yield grade(get_case(case_id), Attempt())
    for case_id, change, _code in WRONG:
        yield _grade(case_id, **change)
    for case_id, change in ALTERNATIVES.items():
        yield _grade(case_id, **change)
    yield _grade("passport-hyphen", identity=None, evidence=(), fee="unpaid")


def test_every_feedback_item_is_worded_in_english_and_french(say):
    for result in _all_results():
        for english, french in _spoken(say, result):
            assert english.strip() and french.strip()
            assert english != french
            assert "%(" not in english and "%(" not in french


def test_feedback_names_the_source_in_the_readers_language(say):
    result = _grade("c50-unpaid-volunteer", fee="paid")
    item = next(i for i in result.feedback if i.message.code == "practice.fee.paid_not_due")
    assert "R299(2)(f) and R303.1(5)" in say(item.message, "en")
    assert "R299(2)(f) et R303.1(5)" in say(item.message, "fr")
    wrong = _grade("csq-holder-quebec", code="C16")
    text = say(next(i.message for i in wrong.feedback if not i.ok), "fr")
    assert "A73" in text and "C16" in text and "RIPR R205(a)" in text
    differs = _grade("summer-camp-counsellor",
                     identity=replace(MODEL["summer-camp-counsellor"].identity,
                                      family_name="ONEILL"))
    english = say(next(i.message for i in differs.feedback if not i.ok), "en")
    assert "“ONEILL”" in english and "“O'NEILL”" in english

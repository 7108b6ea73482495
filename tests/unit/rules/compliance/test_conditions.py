import datetime as dt

import pytest

from portal.rules.compliance.conditions import (
    Period,
    ViolationType,
    accepted_justifications,
    all_conditions,
    condition_for_item,
    get_condition,
    get_justification,
)
from portal.rules.compliance.justifications import JustificationClaim, assess_justification

# Schedule 2 Table 1, as compliance_regime.md 1.1 and 1.3 list it for the IMP.
TABLE_1 = {
    "R209.2(1)(a)(i)": (15, "C"),
    "R209.2(1)(a)(ii)": (8, "B"),
    "R209.2(1)(a)(ii.1)": (26, "B"),
    "R209.2(1)(a)(iii)": (9, "B"),
    "R209.2(1)(a)(iv)": (17, "C"),
    "R209.2(1)(a)(v)": (18, "C"),
    "R209.2(1)(a)(vi)": (19, "C"),
    "R209.2(1)(a)(vii)": (20, "C"),
    "R209.2(1)(a)(viii)": (30, "C"),
    "R209.2(1)(a)(ix)": (27, "C"),
    "R209.2(1)(a)(x)": (28, "C"),
    "R209.2(1)(a.1)": (25, "B"),
    "R209.2(1)(b)(i)": (1, "A"),
    "R209.2(1)(b)(ii)": (2, "A"),
    "R209.4(1)(a)": (5, "C"),
    "R209.4(1)(b)": (6, "C"),
    "R209.4(1)(c)": (7, "C"),
}


def test_every_imp_condition_has_its_table_1_item_and_type():
    assert {c.provision: (c.item, c.type.value) for c in all_conditions()} == TABLE_1
    assert [c.item for c in all_conditions()] == sorted(item for item, _ in TABLE_1.values())


def test_condition_codes_are_unique_and_found_by_code_and_item():
    conditions = all_conditions()
    assert len({c.code for c in conditions}) == len(conditions)
    for condition in conditions:
        assert get_condition(condition.code) is condition
        assert condition_for_item(condition.item) is condition
    assert get_condition("no_such_condition") is None
    assert get_condition(None) is None
    assert condition_for_item(10) is None  # live-in caregivers: TFWP only


def test_periods_follow_r209_2_1():
    period = {c.provision: c.period for c in all_conditions()}
    assert period["R209.2(1)(a.1)"] is Period.first_day
    assert period["R209.2(1)(b)(i)"] is Period.six_years
    assert period["R209.2(1)(a)(iii)"] is Period.employment
    assert period["R209.4(1)(c)"] is Period.inspection


def test_elements_that_are_separate_violations():
    assert get_condition("offer_terms").elements == ("occupation", "wages", "working_conditions")
    assert get_condition("abuse_free_workplace").elements == (
        "physical",
        "sexual",
        "psychological",
        "financial",
        "reprisal",
    )
    assert get_condition("active_business").elements == ()


def test_conditions_added_in_2022_are_not_in_force_before():
    for code in (
        "rights_information_available",
        "health_care_access",
        "no_fees_charged",
        "no_fees_by_recruiters",
        "rights_information_given",
    ):
        condition = get_condition(code)
        assert not condition.in_force_on(dt.date(2022, 9, 25))
        assert condition.in_force_on(dt.date(2022, 9, 26))
    abuse = get_condition("abuse_free_workplace")
    assert abuse.in_force_on(dt.date(2021, 1, 1), "financial")
    assert not abuse.in_force_on(dt.date(2021, 1, 1), "reprisal")


def _grounds(code):
    return {j.code for j in accepted_justifications(code)}


R209_2_3 = {
    "law_change",
    "collective_agreement_change",
    "economic_change",
    "good_faith_error",
    "accounting_error",
    "similar_circumstances",
    "superior_force",
}


@pytest.mark.parametrize(
    "code",
    [
        "active_business",
        "employment_laws",
        "rights_information_available",
        "offer_terms",
        "abuse_free_workplace",
        "quarantine_wages",
        "health_care_access",
        "rights_information_given",
    ],
)
def test_r209_2_3_covers_a_i_to_viii_and_a_1_without_paragraph_h(code):
    assert _grounds(code) == R209_2_3


@pytest.mark.parametrize("code", ["emergency_orders", "covid_public_health"])
def test_paragraph_h_only_for_the_emergency_and_covid_conditions(code):
    assert _grounds(code) == R209_2_3 | {"good_faith_emergency_error"}


@pytest.mark.parametrize("code", ["no_fees_charged", "no_fees_by_recruiters"])
def test_fee_conditions_are_justified_only_under_r209_2_3_1(code):
    assert _grounds(code) == {"fees_efforts_and_repayment"}


@pytest.mark.parametrize("code", ["accurate_information", "documents_retained"])
def test_six_year_conditions_are_justified_only_under_r209_2_4(code):
    assert _grounds(code) == {"records_reasonable_efforts"}


@pytest.mark.parametrize("code", ["report_and_answer", "provide_documents", "attend_inspection"])
def test_cooperation_conditions_are_justified_under_r209_4_2(code):
    assert _grounds(code) == {"cooperation_reasonable_efforts", "cooperation_good_faith"}


def test_unknown_condition_accepts_no_justification():
    assert accepted_justifications("nope") == ()
    assert get_justification("nope") is None


def _check(condition, **claim):
    return assess_justification(condition, JustificationClaim(**claim))


def test_change_in_law_needs_nothing_more():
    check = _check("offer_terms", ground="law_change")
    assert check.accepted and check.provision == "R209.2(3)(a)"


def test_economic_measures_must_not_fall_disproportionately_on_foreign_workers():
    assert _check("offer_terms", ground="economic_change").accepted
    check = _check(
        "offer_terms", ground="economic_change", disproportionate_on_foreign_nationals=True
    )
    assert not check.accepted
    assert check.problems[0].code == "compliance.problem.requirement_not_disproportionate"


@pytest.mark.parametrize("ground", ["good_faith_error", "accounting_error"])
def test_errors_are_justified_only_with_compensation(ground):
    assert not _check("offer_terms", ground=ground).accepted
    assert _check("offer_terms", ground=ground, compensated=True).accepted


def test_compensation_must_be_shown_before_the_preliminary_finding():
    nopf = dt.date(2026, 5, 1)
    claim = JustificationClaim(
        "accounting_error", compensated=True, compensated_on=dt.date(2026, 4, 30)
    )
    assert assess_justification("offer_terms", claim, preliminary_finding_on=nopf).accepted
    late = JustificationClaim("accounting_error", compensated=True, compensated_on=nopf)
    check = assess_justification("offer_terms", late, preliminary_finding_on=nopf)
    assert not check.accepted
    assert [p.code for p in check.problems] == ["compliance.problem.compensation_too_late"]


def test_fee_justification_needs_both_efforts_and_full_repayment():
    assert not _check("no_fees_charged", ground="fees_efforts_and_repayment").accepted
    assert not _check(
        "no_fees_charged", ground="fees_efforts_and_repayment", compensated=True
    ).accepted
    assert _check(
        "no_fees_charged",
        ground="fees_efforts_and_repayment",
        compensated=True,
        reasonable_efforts=True,
    ).accepted


def test_cooperation_is_justified_by_efforts_or_good_faith():
    assert _check("attend_inspection", ground="cooperation_good_faith", good_faith=True).accepted
    assert _check(
        "attend_inspection", ground="cooperation_reasonable_efforts", reasonable_efforts=True
    ).accepted
    assert not _check("attend_inspection", ground="cooperation_good_faith").accepted


def test_a_ground_for_another_condition_is_refused_with_the_allowed_ones():
    check = _check("documents_retained", ground="accounting_error", compensated=True)
    assert not check.accepted
    (problem,) = check.problems
    assert problem.code == "compliance.problem.justification_not_for_condition"
    assert problem.params == {"provision": "R209.2(1)(b)(ii)", "subsection": "R209.2(4)"}
    assert _check("offer_terms", ground="good_faith_emergency_error").problems[0].code == (
        "compliance.problem.justification_not_for_condition"
    )


def test_unknown_ground_is_refused():
    assert (
        _check("offer_terms", ground="because").problems[0].code
        == "compliance.problem.justification_unknown"
    )


def test_type_enum_values():
    assert [t.value for t in ViolationType] == ["A", "B", "C"]

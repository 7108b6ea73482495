"""The notice computation's rules one by one, passing and failing (compliance_regime.md 3)."""

import datetime as dt

from portal.rules.compliance.conditions import ViolationType
from portal.rules.compliance.consequences import PriorNotice
from portal.rules.compliance.justifications import JustificationClaim
from portal.rules.compliance.points import PERMANENT_BAN, Ban, Severity
from portal.rules.compliance.scoring import PriorViolation
from portal.rules.compliance.violations import ConditionFinding, Disclosure, FindingStatus
from tests.unit.rules.compliance.helpers import (
    DETERMINED_ON,
    LARGE,
    assess,
    breach,
    codes,
    dollars,
)

B, C = ViolationType.B, ViolationType.C
TOP = {"abuse": 10, "remediation": 3}  # with a first Type C history of 2: 15 points


def _abuse(worker):
    return breach("abuse_free_workplace", worker=worker, element="psychological", **TOP)


# --- counting violations (R209.96) --------------------------------------------------------


def test_one_violation_per_worker_affected():
    result = assess([breach("offer_terms", worker=w, element="wages") for w in "abc"])
    assert len(result.violations) == 3


def test_repeats_of_the_same_breach_are_not_counted_again():
    result = assess(
        [breach("offer_terms", element="wages"), breach("offer_terms", element="wages")]
    )
    assert len(result.violations) == 1
    assert "compliance.finding.duplicate" in codes(result)


def test_cooperation_conditions_are_one_violation_whatever_the_workers():
    result = assess([breach("attend_inspection", worker=w) for w in ("w1", "w2", None)])
    assert len(result.violations) == 1


def test_compliant_findings_make_no_violation():
    result = assess([ConditionFinding("offer_terms", FindingStatus.compliant, element="wages")])
    assert result.outcome.violations == 0
    assert codes(result) == ["compliance.finding.compliant", "compliance.outcome.no_violation"]
    assert not result.outcome.published


# --- problems: input to fix, no outcome ----------------------------------------------------


def _problem_codes(findings, **kwargs):
    result = assess(findings, **kwargs)
    assert result.outcome is None
    return [(p.code, p.finding, p.field) for p in result.problems]


def test_unknown_condition_and_elements_are_problems_on_the_finding():
    assert _problem_codes([breach("nope")]) == [
        ("compliance.problem.condition_unknown", 0, "condition")
    ]
    assert _problem_codes([breach("offer_terms")]) == [
        ("compliance.problem.element_required", 0, "element")
    ]
    assert _problem_codes([breach("offer_terms", element="bonus")]) == [
        ("compliance.problem.element_unknown", 0, "element")
    ]
    assert _problem_codes([breach("active_business", element="wages")]) == [
        ("compliance.problem.element_not_allowed", 0, "element")
    ]


def test_breach_before_the_condition_existed_is_a_problem():
    finding = ConditionFinding(
        "no_fees_charged", FindingStatus.non_compliant, occurred_on=dt.date(2021, 5, 1)
    )
    assert _problem_codes([finding]) == [
        ("compliance.problem.condition_not_in_force", 0, "occurred_on")
    ]
    reprisal = ConditionFinding(
        "abuse_free_workplace",
        FindingStatus.non_compliant,
        element="reprisal",
        occurred_on=dt.date(2021, 5, 1),
    )
    assert _problem_codes([reprisal]) == [
        ("compliance.problem.element_not_in_force", 0, "occurred_on")
    ]


def test_severity_out_of_table_5_range_is_a_problem_per_criterion():
    assert _problem_codes([breach("active_business", benefit=7, abuse=11)]) == [
        ("compliance.problem.severity_out_of_range", 0, "severity_benefit"),
        ("compliance.problem.severity_out_of_range", 0, "severity_abuse"),
    ]


def test_justified_without_or_with_a_wrong_claim_is_a_problem():
    missing = ConditionFinding("offer_terms", FindingStatus.justified, element="wages")
    assert _problem_codes([missing]) == [
        ("compliance.problem.justification_missing", 0, "justification_ground")
    ]
    wrong = ConditionFinding(
        "documents_retained",
        FindingStatus.justified,
        justification=JustificationClaim("superior_force"),
    )
    assert _problem_codes([wrong]) == [
        ("compliance.problem.justification_not_for_condition", 0, "justification_ground")
    ]


def test_unknown_size_is_a_problem_only_when_there_is_a_violation():
    assert _problem_codes([breach("active_business")], size="medium") == [
        ("compliance.problem.size_unknown", None, "size")
    ]
    assert assess([], size="medium").outcome.violations == 0


# --- history (Table 4 as the PDI counts it) ------------------------------------------------


def _history_points(history, inspection="INS-9", condition="offer_terms", element="wages"):
    result = assess([breach(condition, element=element)], history=history, inspection=inspection)
    return result.violations[0].history_points


def test_history_counts_earlier_inspections_of_the_same_type_only():
    day = dt.date(2024, 1, 1)
    assert _history_points([]) == 1
    assert _history_points([PriorViolation("INS-1", C, day)]) == 1  # other type
    assert _history_points([PriorViolation("INS-1", B, day)]) == 2
    two = [PriorViolation("INS-1", B, day), PriorViolation("INS-2", B, day)]
    assert _history_points(two) == 3


def test_several_same_type_violations_of_one_past_inspection_count_once():
    day = dt.date(2024, 1, 1)
    assert _history_points([PriorViolation("INS-1", B, day)] * 3) == 2


def test_history_ignores_this_inspection_justified_breaches_and_pre_2015_non_compliance():
    same = [PriorViolation("INS-9", B, dt.date(2024, 1, 1))]
    justified = [PriorViolation("INS-1", B, dt.date(2024, 1, 1), justified=True)]
    old = [PriorViolation("INS-0", B, dt.date(2015, 11, 30))]
    assert _history_points(same) == 1
    assert _history_points(justified) == 1
    assert _history_points(old) == 1
    assert _history_points([PriorViolation("INS-0", B, dt.date(2015, 12, 1))]) == 2
    result = assess([breach("offer_terms", element="wages")], history=old + justified)
    ignored = [c for c in codes(result) if c.startswith("compliance.history.ignored")]
    assert ignored == [
        "compliance.history.ignored_before_amp_regime",
        "compliance.history.ignored_justified",
    ]


def test_all_same_type_violations_of_this_inspection_get_the_same_history_points():
    result = assess([breach("offer_terms", worker=w, element="wages") for w in "abc"])
    assert {v.history_points for v in result.violations} == {1}


# --- voluntary disclosure (R209.991(1)(d), (2), (3)) ------------------------------------------


def _with_disclosure(disclosure, opened_on=dt.date(2026, 6, 1), **severity):
    finding = ConditionFinding(
        "offer_terms",
        FindingStatus.non_compliant,
        element="wages",
        severity=Severity(**severity),
        disclosure=disclosure,
    )
    return assess([finding], inspection_opened_on=opened_on).violations[0]


def test_accepted_disclosure_deducts_4_points_per_violation():
    violation = _with_disclosure(
        Disclosure(dt.date(2026, 1, 1), complete=True), benefit=6, economy=3
    )
    assert (violation.raw_points, violation.points) == (10, 6)
    assert violation.amp_cents == dollars(12_000)


def test_disclosure_below_4_points_becomes_0():
    violation = _with_disclosure(Disclosure(dt.date(2026, 1, 1), complete=True), benefit=1)
    assert (violation.raw_points, violation.points, violation.amp_cents) == (2, 0, None)


def test_disclosure_is_not_acceptable_when_incomplete_late_during_enforcement_or_rejected():
    early = dt.date(2026, 1, 1)
    cases = [
        Disclosure(early, complete=False),
        Disclosure(dt.date(2026, 6, 1), complete=True),  # made once the inspection had opened
        Disclosure(early, complete=True, enforcement_action_under_way=True),
        Disclosure(early, complete=True, rejected_on_considerations=True),
    ]
    for disclosure in cases:
        violation = _with_disclosure(disclosure, benefit=6)
        assert not violation.disclosure_accepted
        assert violation.points == violation.raw_points == 7


def test_disclosure_deduction_applies_per_violation():
    disclosed = ConditionFinding(
        "offer_terms",
        FindingStatus.non_compliant,
        worker="a",
        element="wages",
        severity=Severity(benefit=4),
        disclosure=Disclosure(dt.date(2026, 1, 1), complete=True),
    )
    result = assess([disclosed, breach("offer_terms", worker="b", element="wages", benefit=4)])
    assert [v.points for v in result.violations] == [1, 5]
    assert not result.outcome.warning  # the second violation carries an AMP


# --- caps and bans on the notice ----------------------------------------------------------


def test_amps_add_up_to_at_most_1000000_per_notice():
    result = assess([_abuse(f"w{i}") for i in range(11)])
    assert result.outcome.amp_before_caps_cents == dollars(1_100_000)
    assert result.outcome.amp_cents == dollars(1_000_000)
    assert "compliance.notice.cap_per_notice" in codes(result)


def test_ten_violations_at_the_maximum_exactly_reach_the_cap_without_a_cut():
    result = assess([_abuse(f"w{i}") for i in range(10)])
    assert result.outcome.amp_cents == dollars(1_000_000)
    assert "compliance.notice.cap_per_notice" not in codes(result)


def test_twelve_month_cap_counts_notices_from_12_months_before_the_determination():
    findings = [_abuse("a"), _abuse("b")]  # $200,000
    on_edge = PriorNotice(dt.date(2025, 11, 24), dollars(900_000))
    too_old = PriorNotice(dt.date(2025, 11, 23), dollars(900_000))
    assert assess(findings, prior_notices=[on_edge]).outcome.amp_cents == dollars(100_000)
    assert assess(findings, prior_notices=[too_old]).outcome.amp_cents == dollars(200_000)
    same_day = PriorNotice(DETERMINED_ON, dollars(950_000))
    assert assess(findings, prior_notices=[same_day]).outcome.amp_cents == dollars(50_000)


def test_twelve_month_cap_can_cut_to_zero_but_the_notice_is_still_published():
    findings = [breach("offer_terms", element="wages", benefit=4)]
    result = assess(findings, prior_notices=[PriorNotice(dt.date(2026, 3, 1), dollars(1_000_000))])
    assert result.outcome.amp_before_caps_cents == dollars(7_000)
    assert result.outcome.amp_cents == 0
    assert not result.outcome.warning and result.outcome.published


def test_only_the_longest_ban_applies_and_permanent_is_longest():
    findings = [
        breach("active_business", economy=4, remediation=2),  # 8 points: 5 years
        breach("offer_terms", element="wages", benefit=6, economy=4),  # 11 points: 10 years
    ]
    result = assess(findings, size=LARGE)
    assert [v.ban for v in result.violations] == [Ban(5), Ban(10)]
    assert result.outcome.ban == Ban(10)
    assert "compliance.notice.longest_ban" in codes(result)
    result = assess([*findings, _abuse("w2")], size=LARGE)
    assert result.outcome.ban == PERMANENT_BAN and result.outcome.ban_years is None


def test_a_first_type_c_violation_has_at_least_the_2_point_amp():
    result = assess([breach("health_care_access")], size=LARGE)
    assert result.violations[0].points == 2
    assert result.outcome.amp_cents == dollars(2_000)


def test_type_a_needs_8_points_for_a_ban():
    seven = assess([breach("accurate_information", benefit=6)])
    eight = assess([breach("accurate_information", benefit=6, remediation=1)])
    assert (seven.violations[0].points, seven.outcome.ban) == (7, None)
    assert (eight.violations[0].points, eight.outcome.ban) == (8, Ban(1))


def test_warning_only_when_every_violation_scores_0_or_1():
    both_first = assess([breach("rights_information_given", worker=w) for w in "ab"])
    assert both_first.outcome.warning and not both_first.outcome.published
    mixed = assess([breach("rights_information_given"), breach("health_care_access")])
    assert not mixed.outcome.warning and mixed.outcome.published
    assert mixed.outcome.amp_cents == dollars(1_000)
    assert mixed.outcome.breached_items == (25, 30)


def test_non_compliance_before_december_2015_gets_the_flat_2_year_ban_and_listing():
    old = ConditionFinding(
        "offer_terms",
        FindingStatus.non_compliant,
        element="wages",
        severity=Severity(benefit=6),
        occurred_on=dt.date(2015, 6, 1),
    )
    result = assess([old])
    (violation,) = result.violations
    assert violation.legacy and violation.points == 0 and violation.amp_cents is None
    assert result.outcome.ban == Ban(2)
    assert result.outcome.amp_cents == 0
    assert result.outcome.published and not result.outcome.warning

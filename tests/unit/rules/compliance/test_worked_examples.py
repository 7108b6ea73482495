"""Every worked example of compliance_regime.md section 6, asserting the document's figures."""

import datetime as dt

from portal.rules.compliance.conditions import ViolationType
from portal.rules.compliance.consequences import PriorNotice
from portal.rules.compliance.justifications import JustificationClaim
from portal.rules.compliance.points import Ban, amp_cents, ban_for
from portal.rules.compliance.scoring import PriorViolation
from portal.rules.compliance.status import BanRecord, eligibility
from portal.rules.compliance.violations import ConditionFinding, Disclosure, FindingStatus
from portal.rules.messages import Day
from tests.unit.rules.compliance.helpers import (
    DETERMINED_ON,
    LARGE,
    SMALL,
    assess,
    breach,
    codes,
    dollars,
)


def test_example_1_wrong_occupation_and_lower_wage_small_first_inspection():
    findings = [
        breach("offer_terms", element="occupation", remediation=2, prevention=2),
        breach("offer_terms", element="wages", remediation=2, prevention=2),
    ]
    result = assess(findings, size=SMALL)

    assert [v.type for v in result.violations] == [ViolationType.B, ViolationType.B]
    assert [v.points for v in result.violations] == [5, 5]
    assert [v.amp_cents for v in result.violations] == [dollars(7_000), dollars(7_000)]
    assert result.outcome.amp_cents == dollars(14_000)
    assert result.outcome.ban is None
    assert result.outcome.published
    assert not result.outcome.warning


def test_example_2_justified_payroll_error_large_business_has_no_consequence():
    claim = JustificationClaim(
        "accounting_error", compensated=True, compensated_on=dt.date(2026, 3, 1)
    )
    findings = [
        ConditionFinding(
            "offer_terms", FindingStatus.justified, worker=w, element="wages", justification=claim
        )
        for w in ("w1", "w2")
    ]
    result = assess(findings, size=LARGE, preliminary_finding_on=dt.date(2026, 6, 1))

    assert result.problems == ()
    assert result.violations == ()
    assert result.outcome.violations == 0
    assert not result.outcome.warning
    assert not result.outcome.published
    assert result.outcome.amp_cents == 0
    justified = [s for s in result.steps if s.code == "compliance.finding.justified"]
    assert [s.params["ground"] for s in justified] == ["R209.2(3)(e)", "R209.2(3)(e)"]


def test_example_3_twelve_month_ceiling_cuts_the_second_notice_to_500000():
    # Notice 2 calculates to $600,000: six violations at 15 points ($100,000 each).
    findings = [
        breach(
            "abuse_free_workplace", worker=f"w{i}", element="psychological", abuse=10, remediation=3
        )
        for i in range(6)
    ]
    result = assess(
        findings,
        determined_on=dt.date(2016, 9, 1),
        prior_notices=[PriorNotice(dt.date(2016, 1, 30), dollars(500_000))],
    )

    assert result.outcome.amp_before_caps_cents == dollars(600_000)
    assert result.outcome.amp_cents == dollars(500_000)
    assert "compliance.notice.cap_twelve_months" in codes(result)


def test_example_4_rights_information_not_given_first_time_is_a_warning():
    result = assess([breach("rights_information_given")], size=SMALL)

    (violation,) = result.violations
    assert (violation.item, violation.type, violation.points) == (25, ViolationType.B, 1)
    assert violation.amp_cents is None and violation.ban is None
    assert result.outcome.warning
    assert not result.outcome.published
    # It counts as a first Type B violation for the next inspection.
    later = assess(
        [breach("rights_information_given")],
        history=[PriorViolation("INS-1", ViolationType.B, dt.date(2026, 1, 5))],
        inspection="INS-2",
    )
    assert later.violations[0].history_points == 2


def test_example_5_underpaid_wage_with_accepted_voluntary_disclosure_is_a_warning():
    disclosure = Disclosure(made_on=dt.date(2026, 2, 1), complete=True)
    finding = ConditionFinding(
        "offer_terms",
        FindingStatus.non_compliant,
        worker="w1",
        element="wages",
        severity=breach("offer_terms", benefit=2, remediation=1, prevention=1).severity,
        disclosure=disclosure,
    )
    result = assess([finding], size=SMALL, inspection_opened_on=dt.date(2026, 4, 1))

    (violation,) = result.violations
    assert violation.raw_points == 5
    assert violation.disclosure_accepted
    assert violation.points == 1
    assert result.outcome.warning
    assert result.outcome.amp_cents == 0 and result.outcome.ban is None
    assert not result.outcome.published

    without = assess(
        [breach("offer_terms", element="wages", benefit=2, remediation=1, prevention=1)]
    )
    assert without.outcome.amp_cents == dollars(7_000)
    assert without.outcome.ban is None


def test_example_6_not_actively_engaged_large_business():
    result = assess([breach("active_business", economy=4, remediation=2)], size=LARGE)

    (violation,) = result.violations
    assert (violation.item, violation.type, violation.points) == (15, ViolationType.C, 8)
    assert result.outcome.amp_cents == dollars(60_000)
    assert result.outcome.ban == Ban(5)
    assert result.outcome.published
    ban_step = next(s for s in result.steps if s.code == "compliance.outcome.ban")
    assert ban_step.params == {"years": 5, "starts_on": Day(DETERMINED_ON)}
    # While the ban lasts the employer is ineligible (R200(3)(h)(ii)).
    record = BanRecord(DETERMINED_ON, result.outcome.ban)
    assert not eligibility(dt.date(2031, 11, 23), bans=[record]).eligible
    assert eligibility(dt.date(2031, 11, 24), bans=[record]).eligible


def test_example_7_ignoring_the_inspection_small_business():
    result = assess([breach("attend_inspection", worker=None, remediation=3, prevention=3)])

    (violation,) = result.violations
    assert (violation.item, violation.type, violation.points) == (7, ViolationType.C, 8)
    assert result.outcome.amp_cents == dollars(45_000)
    assert result.outcome.ban == Ban(5)


def test_example_8_recruitment_fees_three_workers_repeat_type_c_small():
    findings = [
        breach("no_fees_by_recruiters", worker=w, benefit=4, abuse=5, remediation=3, prevention=2)
        for w in ("w1", "w2", "w3")
    ]
    history = [PriorViolation("INS-1", ViolationType.C, dt.date(2024, 5, 1))]
    result = assess(findings, size=SMALL, history=history, inspection="INS-2")

    assert len(result.violations) == 3
    assert {v.history_points for v in result.violations} == {3}
    assert [v.points for v in result.violations] == [17, 17, 17]
    assert [v.amp_cents for v in result.violations] == [dollars(100_000)] * 3
    assert result.outcome.amp_cents == dollars(300_000)
    assert result.outcome.permanent_ban
    assert result.outcome.published


def test_example_8_no_justification_without_both_efforts_and_repayment():
    efforts_only = JustificationClaim("fees_efforts_and_repayment", reasonable_efforts=True)
    finding = ConditionFinding(
        "no_fees_by_recruiters", FindingStatus.justified, worker="w1", justification=efforts_only
    )
    result = assess([finding])

    assert result.outcome is None
    assert [p.code for p in result.problems] == ["compliance.problem.requirement_compensated"]


def test_example_9_one_abuse_violation_reaches_a_permanent_ban():
    result = assess(
        [breach("abuse_free_workplace", element="psychological", abuse=10, remediation=3)]
    )

    assert result.violations[0].points == 15
    assert result.outcome.amp_cents == dollars(100_000)
    assert result.outcome.permanent_ban
    # Proven sexual abuse as well is a second violation, scored on its own (R209.96(4)).
    both = assess(
        [
            breach("abuse_free_workplace", element="psychological", abuse=10, remediation=3),
            breach("abuse_free_workplace", element="sexual", abuse=6, remediation=3),
        ]
    )
    assert [v.points for v in both.violations] == [15, 11]


def test_example_10_record_keeping_third_type_a_small_and_large():
    history = [
        PriorViolation("INS-1", ViolationType.A, dt.date(2019, 3, 1)),
        PriorViolation("INS-2", ViolationType.A, dt.date(2022, 3, 1)),
    ]
    small = assess([breach("documents_retained", remediation=1)], size=SMALL, history=history)
    large = assess([breach("documents_retained", remediation=1)], size=LARGE, history=history)

    assert small.violations[0].history_points == 2  # Table 4 caps Type A history at 2
    assert small.violations[0].points == 3
    assert small.outcome.amp_cents == dollars(750)
    assert large.outcome.amp_cents == dollars(1_000)
    assert small.outcome.ban is None and large.outcome.ban is None
    assert small.outcome.published and large.outcome.published


def _example_11_findings():
    return [
        breach(
            "offer_terms",
            worker=f"w{i}",
            element="occupation",
            benefit=3,
            economy=4,
            remediation=1,
            prevention=1,
        )
        for i in range(12)
    ]


def test_example_11_twelve_violations_stand_under_the_cap_and_only_the_longest_ban_applies():
    history = [PriorViolation("INS-1", ViolationType.B, dt.date(2021, 6, 1))]
    result = assess(_example_11_findings(), size=LARGE, history=history, inspection="INS-2")

    assert len(result.violations) == 12
    assert {(v.points, v.amp_cents, v.ban) for v in result.violations} == {
        (11, dollars(70_000), Ban(10))
    }
    assert result.outcome.amp_cents == dollars(840_000)
    assert result.outcome.ban == Ban(10)
    assert result.outcome.ban_years == 10


def test_example_11_twelve_month_rule_cuts_840000_to_700000():
    history = [PriorViolation("INS-1", ViolationType.B, dt.date(2021, 6, 1))]
    prior = PriorNotice(dt.date(2026, 6, 24), dollars(300_000))  # 5 months earlier
    result = assess(_example_11_findings(), size=LARGE, history=history, prior_notices=[prior])

    assert result.outcome.amp_before_caps_cents == dollars(840_000)
    assert result.outcome.amp_cents == dollars(700_000)


def test_real_list_entries_of_2016_small_business_item_9_at_2_and_3_points():
    assert amp_cents(2, ViolationType.B, SMALL) == dollars(750)
    assert amp_cents(3, ViolationType.B, SMALL) == dollars(1_250)
    assert ban_for(2, ViolationType.B) is None and ban_for(3, ViolationType.B) is None

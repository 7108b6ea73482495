"""Properties of the consequence computation over generated findings."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.compliance.conditions import ViolationType, all_conditions
from portal.rules.compliance.consequences import (
    NOTICE_CAP_CENTS,
    TWELVE_MONTH_CAP_CENTS,
    PriorNotice,
    assess_notice,
)
from portal.rules.compliance.interpretation_act import add_months
from portal.rules.compliance.points import BusinessSize, Severity, amp_range_cents
from portal.rules.compliance.scoring import PriorViolation
from portal.rules.compliance.violations import ConditionFinding, Disclosure, FindingStatus

CONDITIONS = {c.code: c for c in all_conditions()}
DAYS = st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2030, 12, 31))
severity = st.builds(
    Severity,
    benefit=st.integers(-1, 7),
    abuse=st.integers(0, 10),
    economy=st.integers(0, 6),
    remediation=st.integers(0, 3),
    prevention=st.integers(0, 3),
    worker_disease_risk=st.integers(0, 10),
    public_disease_risk=st.integers(0, 10),
)
finding = st.builds(
    ConditionFinding,
    condition=st.one_of(st.sampled_from(sorted(CONDITIONS)), st.text(max_size=5)),
    status=st.sampled_from(list(FindingStatus)),
    worker=st.one_of(st.none(), st.sampled_from(["w1", "w2", "w3"])),
    element=st.one_of(
        st.none(),
        st.sampled_from(
            ["occupation", "wages", "working_conditions", "sexual", "reprisal", "bonus"]
        ),
    ),
    severity=severity,
    disclosure=st.one_of(st.none(), st.builds(Disclosure, made_on=DAYS, complete=st.booleans())),
    occurred_on=st.one_of(st.none(), DAYS),
)
history = st.lists(
    st.builds(
        PriorViolation,
        inspection=st.sampled_from(["I1", "I2", "I3"]),
        type=st.sampled_from(list(ViolationType)),
        occurred_on=DAYS,
        justified=st.booleans(),
    ),
    max_size=5,
)
notices = st.lists(
    st.builds(PriorNotice, determined_on=DAYS, amp_cents=st.integers(0, 1_000_000_00)),
    max_size=3,
)


valid_severity = st.builds(
    Severity,
    benefit=st.integers(0, 6),
    abuse=st.integers(0, 10),
    economy=st.integers(0, 6),
    remediation=st.integers(0, 3),
    prevention=st.integers(0, 3),
    worker_disease_risk=st.integers(0, 10),
    public_disease_risk=st.integers(0, 10),
)


@st.composite
def valid_finding(draw):
    condition = CONDITIONS[draw(st.sampled_from(sorted(CONDITIONS)))]
    element = draw(st.sampled_from(condition.elements)) if condition.elements else None
    days = [st.none(), st.dates(dt.date(2022, 9, 26), dt.date(2030, 12, 31))]
    if condition.in_force_from is None and element != "reprisal":
        days.append(st.dates(dt.date(2014, 1, 1), dt.date(2015, 11, 30)))
    return ConditionFinding(
        condition.code,
        draw(st.sampled_from([FindingStatus.compliant, FindingStatus.non_compliant])),
        worker=draw(st.sampled_from(["w1", "w2", "w3", None])),
        element=element,
        severity=draw(valid_severity),
        disclosure=draw(
            st.one_of(st.none(), st.builds(Disclosure, made_on=DAYS, complete=st.booleans()))
        ),
        occurred_on=draw(st.one_of(*days)),
    )


@settings(max_examples=60, deadline=None)
@given(findings=st.lists(finding, max_size=8), size=st.sampled_from(list(BusinessSize)))
def test_never_raises_and_problems_point_at_a_finding(findings, size):
    result = assess_notice(findings, size=size, determined_on=dt.date(2026, 11, 24))
    assert (result.outcome is None) == bool(result.problems)
    assert all(p.finding is None or 0 <= p.finding < len(findings) for p in result.problems)


@settings(max_examples=100, deadline=None)
@given(
    findings=st.lists(valid_finding(), max_size=12),
    size=st.sampled_from(list(BusinessSize)),
    determined_on=DAYS,
    history=history,
    prior_notices=notices,
    opened_on=st.one_of(st.none(), DAYS),
)
def test_amounts_and_bans_stay_within_the_tables_and_caps(
    findings, size, determined_on, history, prior_notices, opened_on
):
    result = assess_notice(
        findings,
        size=size,
        determined_on=determined_on,
        history=history,
        prior_notices=prior_notices,
        inspection="I3",
        inspection_opened_on=opened_on,
    )
    assert result.problems == ()
    outcome = result.outcome
    low, high = amp_range_cents()
    for violation in result.violations:
        assert violation.amp_cents is None or low <= violation.amp_cents <= high
        assert 0 <= violation.points <= violation.raw_points
        if not violation.legacy and violation.points < 6:
            assert violation.ban is None
        if not violation.legacy and violation.type is ViolationType.A and violation.points < 8:
            assert violation.ban is None
    assert 0 <= outcome.amp_cents <= min(outcome.amp_before_caps_cents, NOTICE_CAP_CENTS)
    since = add_months(determined_on, -12)
    previous = sum(n.amp_cents for n in prior_notices if since <= n.determined_on <= determined_on)
    if previous >= TWELVE_MONTH_CAP_CENTS:
        assert outcome.amp_cents == 0
    else:
        assert outcome.amp_cents + previous <= TWELVE_MONTH_CAP_CENTS
    assert outcome.warning == (
        bool(result.violations) and all(v.is_warning for v in result.violations)
    )
    assert outcome.published == (bool(result.violations) and not outcome.warning)
    if outcome.ban is not None:
        assert outcome.ban.length == max(v.ban.length for v in result.violations if v.ban)


@settings(max_examples=100, deadline=None)
@given(
    sev=valid_severity,
    vtype_condition=st.sampled_from(["offer_terms", "active_business", "documents_retained"]),
)
def test_an_accepted_disclosure_never_makes_the_consequence_worse(sev, vtype_condition):
    element = "wages" if vtype_condition == "offer_terms" else None
    plain = ConditionFinding(
        vtype_condition, FindingStatus.non_compliant, element=element, severity=sev
    )
    disclosed = ConditionFinding(
        vtype_condition,
        FindingStatus.non_compliant,
        element=element,
        severity=sev,
        disclosure=Disclosure(dt.date(2026, 1, 1), complete=True),
    )
    kwargs = {
        "size": BusinessSize.small,
        "determined_on": dt.date(2026, 11, 24),
        "inspection_opened_on": dt.date(2026, 6, 1),
    }
    without = assess_notice([plain], **kwargs).outcome
    with_it = assess_notice([disclosed], **kwargs).outcome
    assert with_it.amp_cents <= without.amp_cents
    assert (with_it.ban.length if with_it.ban else 0) <= (without.ban.length if without.ban else 0)

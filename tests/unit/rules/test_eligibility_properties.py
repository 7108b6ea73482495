import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.codes import all_codes
from portal.rules.eligibility import OfferFacts, _check, check_offer
from portal.rules.findings import Finding

TODAY = dt.date(2026, 11, 24)
CODE_KEYS = [c.key for c in all_codes()]
QUESTION_IDS = sorted({q.id for c in all_codes() for q in c.questions})


def maybe(strategy):
    return st.one_of(st.none(), strategy)


anything = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.dates(),
)
answers = st.dictionaries(
    st.one_of(st.sampled_from(QUESTION_IDS), st.text(max_size=8)),
    st.one_of(st.text(max_size=12), st.sampled_from(["yes", "no", "0", "12", "2026-10-01", "-5"])),
    max_size=6,
)

offer_facts = st.builds(
    OfferFacts,
    code=maybe(st.one_of(st.sampled_from([*CODE_KEYS, "C21", "c62", "T99"]), st.text(max_size=6))),
    citizenship=maybe(
        st.one_of(
            st.sampled_from(["US", "MX", "FR", "GB", "NZ", "CA", "IN", "NO"]), st.text(max_size=3)
        )
    ),
    date_of_birth=maybe(st.one_of(st.dates(), st.text(max_size=10))),
    noc_code=maybe(
        st.one_of(
            st.sampled_from(["21232", "63200", "85101", "00012", "44100"]), st.text(max_size=6)
        )
    ),
    work_province=maybe(st.one_of(st.sampled_from(["QC", "ON", "NB", "BC"]), st.text(max_size=3))),
    start_date=maybe(st.one_of(st.dates(), st.text(max_size=10))),
    end_date=maybe(st.one_of(st.dates(), st.text(max_size=10))),
    wage_cents=anything,
    wage_unit=maybe(st.one_of(st.sampled_from(["hour", "year"]), st.text(max_size=6))),
    hours_per_week=maybe(st.one_of(st.decimals(allow_nan=True), st.floats(), st.text(max_size=5))),
    answers=maybe(st.one_of(answers, st.just("not a mapping"))),
    employer_province=maybe(st.one_of(st.sampled_from(["QC", "ON", "BC"]), st.text(max_size=3))),
    employer_compliance_exempt=maybe(st.booleans()),
    employer_banned=maybe(st.booleans()),
    is_permanent_resident_of=maybe(
        st.one_of(st.sampled_from(["AU", "KR", "US"]), st.text(max_size=3))
    ),
)


@settings(max_examples=400, deadline=None)
@given(facts=offer_facts, today=st.dates(min_value=dt.date(2000, 1, 1)))
def test_rules_never_raise_and_always_explain_in_both_languages(facts, today, say):
    # _check is the unguarded rule set: a crash here is a bug even though check_offer would
    # turn it into a finding.
    found = _check(facts, today=today)
    assert all(isinstance(f, Finding) for f in found)
    texts = [(say(f.message, "en"), say(f.message, "fr")) for f in found]
    assert all(english.strip() and french.strip() for english, french in texts)
    assert all(english != french for english, french in texts)


@settings(max_examples=100, deadline=None)
@given(facts=offer_facts)
def test_check_offer_returns_findings_with_known_sections(facts):
    for finding in check_offer(facts, today=TODAY):
        assert finding.section in (None, "code", "worker", "job", "wages", "attestations")
        assert (
            finding.field is None
            or finding.field in OfferFacts.__dataclass_fields__
            or finding.field.startswith("answers.")
        )


def test_extreme_dates_do_not_overflow():
    facts = OfferFacts(
        code="C62",
        start_date=dt.date(9999, 1, 1),
        end_date=dt.date(9999, 12, 31),
        hours_per_week=Decimal("Infinity"),
        answers={"months_already_in_canada_as_ict": "9999"},
    )
    assert all(f.code != "RULES-INTERNAL-ERROR" for f in check_offer(facts, today=TODAY))

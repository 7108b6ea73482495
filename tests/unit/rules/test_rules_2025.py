"""IRCC's 2024-2025 rule changes and the finder's fidelity (issue 13, items 1-12): what the rules
decide, worded through the catalogue in English and French."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.fees import gss_two_week
from portal.rules.finder import FinderAnswers, suggest_codes
from portal.rules.travel import TravelDocument, port_of_entry_allowed, travel_requirement

# --- item 3: no PGWP at a port of entry ----------------------------------------------------


@pytest.mark.parametrize("citizenship", ["US", "FR", "IN", "JP", None])
@pytest.mark.parametrize("in_canada", [True, False])
def test_a_pgwp_is_never_issued_at_a_port_of_entry(citizenship, in_canada, say):
    decision = port_of_entry_allowed(
        citizenship=citizenship, currently_in_canada=in_canada, code="C43",
        us_permanent_resident=True, cbsa_appointment=True,
    )
    assert not decision.eligible
    assert "Post-graduation work permits are not issued at a port of entry" in say(
        decision.reasons[0], "en"
    )
    assert "postdiplôme ne sont pas délivrés à un point d'entrée" in say(decision.reasons[0], "fr")


def test_other_open_permits_still_follow_the_flagpoling_rules():
    assert port_of_entry_allowed(citizenship="US", currently_in_canada=True, code="C41").eligible


# --- item 6: no visa or eTA with a permit issued inside Canada; open permits' GSS box --------


@pytest.mark.parametrize("citizenship", ["IN", "JP", "FR", "MX", "US", "XX"])
def test_a_permit_issued_inside_canada_comes_with_no_visa_or_eta(citizenship, say):
    req = travel_requirement(citizenship, issued_inside_canada=True)
    assert req.document is TravelDocument.none
    assert "comes with no visa or eTA" in say(req.note, "en")
    assert "ne s'accompagne d'aucun visa ni d'aucune AVE" in say(req.note, "fr")


def test_from_outside_the_citizenship_decides_as_before():
    assert travel_requirement("IN").document is TravelDocument.visa
    assert travel_requirement("JP").document is TravelDocument.eta


@pytest.mark.parametrize("code", ["C43", "C41", "C21-WH"])
def test_an_open_permit_gets_no_employer_reasons_for_two_week_processing(code, say):
    decision = gss_two_week(
        applies_from="outside", applies_online=True, employer_specific=False, code=code,
        teer=None, offer_submitted_and_fee_paid=False, biometrics_within_14_days=True,
    )
    assert not decision.eligible
    texts = [say(reason, "en") for reason in decision.reasons]
    assert texts == ["Not eligible for 2-week processing: only employer-specific permits qualify."]
    assert not any("compliance fee" in text or "TEER" in text for text in texts)


def test_an_open_permit_from_inside_is_told_both_reasons_that_apply(say):
    decision = gss_two_week(
        applies_from="inside", applies_online=True, employer_specific=False, code="C43",
        teer=None, offer_submitted_and_fee_paid=False, biometrics_within_14_days=False,
    )
    texts = " ".join(say(reason, "en") for reason in decision.reasons)
    assert "outside Canada" in texts and "employer-specific" in texts
    assert "14 days" not in texts and "compliance fee" not in texts


# --- item 7: compliance-exempt employers see only what applies ---------------------------


@pytest.mark.parametrize(
    "kind", ["foreign_government", "diplomatic", "international_org", "bridge_tunnel"]
)
def test_an_exempt_employer_gets_no_code_card_asking_for_an_offer(kind, say):
    result = suggest_codes(
        FinderAnswers(employer_kind=kind, citizenship="US", kind_of_work="professional", teer=1)
    )
    assert result.employer_exempt
    assert result.suggestions == []
    assert not result.lmia_needed
    assert "do not submit an offer" in say(result.employer_exempt_explanation, "en")


# --- item 5: T13 only when the employer is in the nominating province -----------------------


def test_t13_is_suggested_when_hired_in_the_nominating_province():
    result = suggest_codes(
        FinderAnswers(provincial_nomination="MB", work_province="MB", kind_of_work="other", teer=3)
    )
    assert "T13" in result.codes


@pytest.mark.parametrize(("nominated", "work"), [("MB", "ON"), ("BC", "AB"), ("QC", "QC")])
def test_t13_is_not_suggested_for_a_job_in_another_province(nominated, work):
    result = suggest_codes(
        FinderAnswers(
            provincial_nomination=nominated, work_province=work, kind_of_work="other", teer=3
        )
    )
    assert "T13" not in result.codes


# --- item 2: the finder's spouse path --------------------------------------------------------


def test_a_workers_spouse_is_pointed_to_c41_with_the_2025_limits(say):
    from portal.rules.finder import FinderAnswers, suggest_codes

    result = suggest_codes(FinderAnswers(relationship="spouse_or_student", spouse_of="worker"))
    assert result.codes == ["C41"] and result.open_permit
    why = say(result.suggestions[0].why, "en")
    assert "16 months" in why and "TEER 0 or 1" in why and "children" in why
    assert "16 mois" in say(result.suggestions[0].why, "fr")


def test_a_students_spouse_is_pointed_to_c42_with_the_program_limits(say):
    from portal.rules.finder import FinderAnswers, suggest_codes

    result = suggest_codes(FinderAnswers(relationship="spouse_or_student", spouse_of="student"))
    assert result.codes == ["C42"]
    assert "master's program of 16 months" in say(result.suggestions[0].why, "en")


@pytest.mark.parametrize(("agreement", "code"), [
    ("CETA", "T45"), ("CKFTA", "F36"), ("CUKTCA", "F64"), ("CPTPP", "T53"), ("CUFTA", "F73"),
])
def test_the_spouse_of_an_fta_worker_gets_the_agreements_spouse_code_first(agreement, code, say):
    from portal.rules.finder import FinderAnswers, suggest_codes

    result = suggest_codes(FinderAnswers(relationship="spouse_or_student", spouse_of="worker",
                                         principal_agreement=agreement))
    assert result.codes == [code, "C41"]
    assert "not narrowed" in say(result.suggestions[0].why, "en")


def test_a_student_or_spouse_answer_without_saying_whose_gets_every_path():
    from portal.rules.finder import FinderAnswers, suggest_codes

    assert suggest_codes(FinderAnswers(relationship="spouse_or_student")).codes == [
        "C43", "C41", "C42"
    ]
    assert suggest_codes(FinderAnswers(has_pgwp_or_study_status=True)).codes == ["C43"]


# --- item 12: end-date hints and the province sentence ---------------------------------------


def _findings(**facts):
    import datetime as dt

    from portal.rules.eligibility import OfferFacts, check_offer

    return check_offer(OfferFacts(**facts), today=dt.date(2026, 12, 1))


def test_a_12_month_maximum_from_1_march_2027_ends_on_29_february_2028(say):
    import datetime as dt

    start = dt.date(2027, 3, 1)
    ok = _findings(code="C61", start_date=start, end_date=dt.date(2028, 2, 29))
    assert "ELIG-C61-DURATION" not in {f.code for f in ok}
    found = [f for f in _findings(code="C61", start_date=start, end_date=dt.date(2028, 3, 1))
             if f.code == "ELIG-C61-DURATION"]
    assert len(found) == 1
    text = say(found[0].message, "en")
    assert "2028-02-29 or earlier" in text and "2028-03-01" not in text
    assert "lasts 13 months" in text


@pytest.mark.parametrize("code", ["C18", "A73"])
def test_the_province_sentence_is_said_once(code, say):
    found = [f for f in _findings(code=code, work_province="ON", employer_province="ON")
             if f.code.endswith("-PROVINCE")]
    assert len(found) == 1
    text = say(found[0].message, "en")
    assert text.count("needs an employer and a job in") == 1


def test_a_job_and_an_employer_in_two_wrong_provinces_get_two_different_sentences(say):
    found = [f for f in _findings(code="C18", work_province="ON", employer_province="MB")
             if f.code.endswith("-PROVINCE")]
    assert {f.field for f in found} == {"work_province", "employer_province"}
    texts = {say(f.message, "en") for f in found}
    assert len(texts) == 2
    assert any("This job is in Ontario" in t for t in texts)
    assert any("Your business is in Manitoba" in t for t in texts)


# --- item 10: an unpaid worker with a paid wage -----------------------------------------------


@pytest.mark.parametrize(("wage", "unit", "hours", "blocked"), [
    (5275, "hour", 37.5, True),  # the issue's $52.75 an hour
    (0, "hour", 37.5, False),  # unpaid, room and board only
    (500, "week", 40, False),  # a $5 a week stipend
    (150000, "month", 40, False),  # $1,500 a month for 40 hours: under $9 an hour
    (600000, "month", 37.5, True),  # $6,000 a month: about $37 an hour
    (8000000, "year", None, True),  # $80,000 a year
])
def test_an_unpaid_c50_worker_with_a_paid_wage_is_blocked(wage, unit, hours, blocked, say):
    found = [f for f in _findings(code="C50", wage_cents=wage, wage_unit=unit,
                                  hours_per_week=hours, answers={"worker_unpaid": "yes"})
             if f.code == "WAGE-UNPAID-BUT-PAID"]
    assert bool(found) is blocked
    if found:
        assert found[0].is_blocking and found[0].field == "wage_cents"
        assert "unpaid" in say(found[0].message, "en")
        assert "n'est pas rémunéré" in say(found[0].message, "fr")


def test_a_paid_c50_worker_is_not_blocked():
    found = _findings(code="C50", wage_cents=5275, wage_unit="hour", hours_per_week=37.5,
                      answers={"worker_unpaid": "no"})
    assert "WAGE-UNPAID-BUT-PAID" not in {f.code for f in found}


# --- item 14: a date of birth in the past, of working age -------------------------------------


@pytest.mark.parametrize(("born", "finding"), [
    (dt.date(2030, 1, 1), "WORKER-BIRTH-DATE-FUTURE"),
    (dt.date(2020, 1, 1), "WORKER-AGE-IMPLAUSIBLE"),  # 6 years old
    (dt.date(1900, 1, 1), "WORKER-AGE-IMPLAUSIBLE"),  # 126 years old
    (dt.date(1990, 4, 25), None),
])
def test_the_workers_date_of_birth_is_in_the_past_and_of_working_age(born, finding, say):
    found = [f for f in _findings(date_of_birth=born) if (f.code.startswith("WORKER-")
             and "BIRTH" in f.code) or f.code == "WORKER-AGE-IMPLAUSIBLE"]
    assert [f.code for f in found] == ([finding] if finding else [])
    if found:
        assert found[0].field == "date_of_birth" and found[0].is_blocking
        assert "Check the year" in say(found[0].message, "en")

"""IRCC's 2024-2025 rule changes and the finder's fidelity (issue 13, items 1-12): what the rules
decide, worded through the catalogue in English and French."""

from __future__ import annotations

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

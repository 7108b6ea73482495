import datetime as dt

import pytest

from portal.rules.eligibility import OfferFacts, check_offer
from portal.rules.findings import Severity, blocking

TODAY = dt.date(2026, 11, 24)
START = dt.date(2027, 2, 1)


def codes_for(**facts):
    return {f.code for f in check_offer(OfferFacts(**facts), today=TODAY)}


def blocking_codes_for(**facts):
    return {f.code for f in blocking(check_offer(OfferFacts(**facts), today=TODAY))}


T36_OK = {
    "code": "T36",
    "citizenship": "US",
    "noc_code": "21231",
    "answers": {"cusma_profession": "engineer"},
}


def test_a_complete_valid_t36_offer_has_no_findings():
    assert (
        check_offer(
            OfferFacts(
                **T36_OK,
                start_date=START,
                end_date=dt.date(2029, 1, 31),
                work_province="ON",
                wage_cents=5_500_00,
                wage_unit="hour",
                hours_per_week=40,
            ),
            today=TODAY,
        )
        == []
    )


@pytest.mark.parametrize(
    ("code", "citizenship", "pr_of", "ok", "finding"),
    [
        ("T36", "US", None, True, "ELIG-CUSMA-CITIZENSHIP"),
        ("T36", "MX", None, True, "ELIG-CUSMA-CITIZENSHIP"),
        ("T36", "CA", None, False, "WORKER-CANADIAN"),
        (
            "T36",
            "IN",
            "US",
            False,
            "ELIG-CUSMA-CITIZENSHIP",
        ),  # US permanent residents do not qualify
        ("T46", "DE", None, True, "ELIG-CETA-CITIZENSHIP"),
        ("T46", "GB", None, False, "ELIG-CETA-CITIZENSHIP"),
        ("T52", "JP", None, True, "ELIG-CPTPP-CITIZENSHIP"),
        ("T52", "NZ", None, False, "ELIG-CPTPP-CITIZENSHIP"),
        ("T52", "NZ", "AU", True, "ELIG-CPTPP-CITIZENSHIP"),  # Australian PRs qualify
        ("T54", "CL", None, True, "ELIG-CPTPP-CITIZENSHIP"),
        ("T54", "JP", None, False, "ELIG-CPTPP-CITIZENSHIP"),
        ("T55", "MY", None, False, "ELIG-CPTPP-CITIZENSHIP"),
        ("F22", "CL", None, True, "ELIG-CHILE-CITIZENSHIP"),
        ("F22", "AR", None, False, "ELIG-CHILE-CITIZENSHIP"),
        ("F12", "VE", "CO", True, "ELIG-COLOMBIA-CITIZENSHIP"),
        ("F32", "CN", "KR", True, "ELIG-KOREA-CITIZENSHIP"),
        ("F32", "CN", None, False, "ELIG-KOREA-CITIZENSHIP"),
        ("F42", "PA", None, True, "ELIG-PANAMA-CITIZENSHIP"),
        ("F52", "BO", "PE", True, "ELIG-PERU-CITIZENSHIP"),
        ("F60", "GB", None, True, "ELIG-UK-CITIZENSHIP"),
        ("F60", "IE", None, False, "ELIG-UK-CITIZENSHIP"),
        ("F72", "UA", None, True, "ELIG-UKRAINE-CITIZENSHIP"),
        ("F72", "MD", "UA", True, "ELIG-UKRAINE-CITIZENSHIP"),
        ("F72", "PL", None, False, "ELIG-UKRAINE-CITIZENSHIP"),
        ("C62", "IN", None, True, "ELIG-C62-CITIZENSHIP"),  # any nationality
        ("C21-YP", "FR", None, True, "ELIG-IEC-CITIZENSHIP"),
        ("C21-YP", "US", None, False, "ELIG-IEC-CITIZENSHIP"),
        ("C21-YP", "JP", None, False, "ELIG-IEC-CITIZENSHIP"),  # Japan: Working Holiday only
    ],
)
def test_citizenship_must_fit_the_agreement(code, citizenship, pr_of, ok, finding):
    found = codes_for(code=code, citizenship=citizenship, is_permanent_resident_of=pr_of)
    assert (finding not in found) is ok


def test_citizenship_message_names_the_countries_in_both_languages(say):
    [finding] = [
        f
        for f in check_offer(OfferFacts(code="T36", citizenship="IN"), today=TODAY)
        if f.code == "ELIG-CUSMA-CITIZENSHIP"
    ]
    assert finding.severity is Severity.blocking
    assert finding.field == "citizenship"
    assert "United States" in say(finding.message, "en")
    assert "Mexico" in say(finding.message, "en")
    assert "États-Unis" in say(finding.message, "fr")
    assert "Inde" in say(finding.message, "fr")
    assert "code de dispense" in say(finding.message, "fr")


@pytest.mark.parametrize(
    ("facts", "ok", "finding"),
    [
        ({"code": "T36", "noc_code": "21231"}, True, "ELIG-T36-TEER"),
        ({"code": "T36", "noc_code": "65201"}, False, "ELIG-T36-TEER"),
        ({"code": "C62", "noc_code": "00012"}, True, "ELIG-C62-TEER"),
        ({"code": "C62", "noc_code": "21232"}, True, "ELIG-C62-TEER"),
        ({"code": "C62", "noc_code": "63200"}, False, "ELIG-C62-TEER"),
        (
            {
                "code": "T52",
                "noc_code": "21232",
                "answers": {"professional_or_technician": "professional"},
            },
            True,
            "ELIG-T52-TEER",
        ),
        (
            {
                "code": "T52",
                "noc_code": "72410",
                "answers": {"professional_or_technician": "professional"},
            },
            False,
            "ELIG-T52-TEER",
        ),
        (
            {
                "code": "T52",
                "noc_code": "72410",
                "answers": {"professional_or_technician": "technician"},
            },
            True,
            "ELIG-T52-TEER",
        ),
        (
            {
                "code": "T52",
                "noc_code": "21232",
                "answers": {"professional_or_technician": "technician"},
            },
            False,
            "ELIG-T52-TEER",
        ),
        ({"code": "F42", "noc_code": "21232"}, True, "ELIG-F42-TEER"),
        ({"code": "F42", "noc_code": "72410"}, False, "ELIG-F42-TEER"),
        ({"code": "C16", "noc_code": "65201"}, True, "ELIG-C16-PRIMARY-AGRICULTURE"),
        ({"code": "C16", "noc_code": "85101"}, False, "ELIG-C16-PRIMARY-AGRICULTURE"),
        (
            {
                "code": "C21-YP",
                "noc_code": "44100",
                "answers": {"iec_post_secondary_credential": "yes"},
            },
            True,
            "ELIG-C21-YP-TEER",
        ),
        ({"code": "C21-YP", "noc_code": "44100"}, False, "ELIG-C21-YP-TEER"),
        ({"code": "C21-YP", "noc_code": "65201"}, False, "ELIG-C21-YP-TEER"),
    ],
)
def test_teer_limits_per_code(facts, ok, finding):
    assert (finding not in blocking_codes_for(**facts)) is ok


def test_c63_in_a_low_teer_job_is_a_warning_not_a_block():
    found = check_offer(OfferFacts(code="C63", noc_code="63200"), today=TODAY)
    review = [f for f in found if f.code == "ELIG-C63-TEER-REVIEW"]
    assert review
    assert review[0].severity is Severity.warning


@pytest.mark.parametrize(
    ("answer", "ok"), [("engineer", True), ("registered-nurse", True), ("not_listed", False)]
)
def test_t36_profession_must_be_in_cusma_appendix_2(answer, ok):
    found = blocking_codes_for(code="T36", answers={"cusma_profession": answer})
    assert ("ELIG-CUSMA-PROFESSION" not in found) is ok
    assert "ANSWER-INVALID" not in found


@pytest.mark.parametrize(
    ("code", "months", "ok"),
    [
        ("C62", "12", True),
        ("C62", "11", False),
        ("T37", "24", True),
        ("T37", "3", False),
        ("C61", "13", True),
        ("F61", "0", False),
    ],
)
def test_intra_company_transferees_need_12_months_with_the_foreign_enterprise(code, months, ok):
    found = blocking_codes_for(code=code, answers={"months_with_foreign_employer": months})
    assert ("ELIG-ICT-FOREIGN-EMPLOYMENT" not in found) is ok


@pytest.mark.parametrize(
    ("code", "already", "end", "ok"),
    [
        ("C62", "48", dt.date(2030, 1, 31), True),  # 48 + 36 = 84 months (7 years)
        ("C62", "49", dt.date(2030, 1, 31), False),
        ("C63", "24", dt.date(2030, 1, 31), True),  # 24 + 36 = 60 months (5 years)
        ("C63", "25", dt.date(2030, 1, 31), False),
        ("C61", "0", dt.date(2028, 1, 31), True),  # 12 months
        ("C61", "1", dt.date(2028, 1, 31), False),
    ],
)
def test_intra_company_total_stay_caps(code, already, end, ok):
    found = blocking_codes_for(
        code=code,
        start_date=START,
        end_date=end,
        answers={"months_already_in_canada_as_ict": already},
    )
    assert ("ELIG-ICT-TOTAL-STAY" not in found) is ok


@pytest.mark.parametrize(
    ("code", "end", "ok", "finding"),
    [
        ("T33", START + dt.timedelta(days=90), True, "ELIG-T33-DURATION"),
        ("T33", START + dt.timedelta(days=91), False, "ELIG-T33-DURATION"),
        # The end date is a day of work: 12 months from 2027-02-01 end on 2028-01-31.
        ("C61", dt.date(2028, 1, 31), True, "ELIG-C61-DURATION"),
        ("C61", dt.date(2028, 2, 1), False, "ELIG-C61-DURATION"),
        ("T36", dt.date(2030, 1, 31), True, "ELIG-T36-DURATION"),
        ("T36", dt.date(2030, 2, 1), False, "ELIG-T36-DURATION"),
    ],
)
def test_durations_within_the_code_limit(code, end, ok, finding):
    assert (finding not in blocking_codes_for(code=code, start_date=START, end_date=end)) is ok


@pytest.mark.parametrize(
    ("end", "ok"),
    [(START + dt.timedelta(days=1), True), (START, False), (START - dt.timedelta(days=1), False)],
)
def test_work_must_end_after_it_starts(end, ok):
    found = blocking(check_offer(OfferFacts(start_date=START, end_date=end), today=TODAY))
    assert ("JOB-DATES-ORDER" not in {f.code for f in found}) is ok
    if not ok:
        assert next(f for f in found if f.code == "JOB-DATES-ORDER").field == "end_date"


def test_a_start_date_in_the_past_is_only_a_warning():
    found = check_offer(OfferFacts(start_date=TODAY - dt.timedelta(days=1)), today=TODAY)
    assert [(f.code, f.severity) for f in found if f.code == "JOB-START-PAST"] == [
        ("JOB-START-PAST", Severity.warning)
    ]


@pytest.mark.parametrize(
    ("citizenship", "born", "invited", "ok"),
    [
        ("FR", dt.date(1999, 5, 1), dt.date(2026, 10, 1), True),  # 27
        ("FR", dt.date(1990, 9, 30), dt.date(2026, 10, 1), False),  # 36
        ("FR", dt.date(1990, 10, 2), dt.date(2026, 10, 1), True),  # 35 the day of the invitation
        ("NL", dt.date(1995, 1, 1), dt.date(2026, 10, 1), False),  # 31: Netherlands limit is 30
        ("NL", dt.date(1997, 1, 1), dt.date(2026, 10, 1), True),
        ("FR", dt.date(2010, 1, 1), dt.date(2026, 10, 1), False),
    ],  # 16
)
def test_iec_age_limits_on_the_invitation_date(citizenship, born, invited, ok):
    found = blocking_codes_for(
        code="C21-YP",
        citizenship=citizenship,
        date_of_birth=born,
        answers={"iec_invitation_date": invited.isoformat()},
    )
    assert ("ELIG-IEC-AGE" not in found) is ok


@pytest.mark.parametrize(("key", "ok"), [("C21-YP", True), ("C21-IC", True), ("C21-WH", False)])
def test_only_employer_specific_iec_categories_can_be_chosen(key, ok):
    assert ("CODE-OPEN-PERMIT" not in blocking_codes_for(code=key)) is ok


@pytest.mark.parametrize(
    ("key", "ok"), [("C62", True), ("C43", False), ("C41", False), ("A75", False)]
)
def test_open_permit_codes_block_an_offer(key, ok, say):
    found = check_offer(OfferFacts(code=key), today=TODAY)
    assert ("CODE-OPEN-PERMIT" not in {f.code for f in found}) is ok
    if not ok:
        finding = next(f for f in found if f.code == "CODE-OPEN-PERMIT")
        assert finding.field == "code"
        assert "offre d'emploi" in say(finding.message, "fr")


@pytest.mark.parametrize(
    ("facts", "ok", "finding"),
    [
        (
            {"code": "T13", "employer_province": "BC", "answers": {"nominating_province": "BC"}},
            True,
            "ELIG-T13-NOMINATING-PROVINCE",
        ),
        (
            {"code": "T13", "employer_province": "ON", "answers": {"nominating_province": "BC"}},
            False,
            "ELIG-T13-NOMINATING-PROVINCE",
        ),
        ({"code": "T13", "work_province": "QC"}, False, "ELIG-T13-PROVINCE"),
        ({"code": "T13", "answers": {"nominating_province": "QC"}}, False, "ANSWER-INVALID"),
        (
            {"code": "A73", "employer_province": "QC", "work_province": "QC"},
            True,
            "ELIG-A73-PROVINCE",
        ),
        ({"code": "A73", "employer_province": "ON"}, False, "ELIG-A73-PROVINCE"),
        ({"code": "C16", "work_province": "NB"}, True, "ELIG-C16-PROVINCE"),
        ({"code": "C16", "work_province": "QC"}, False, "ELIG-C16-PROVINCE"),
        ({"code": "C18", "work_province": "NS"}, True, "ELIG-C18-PROVINCE"),
        ({"code": "C18", "work_province": "ON"}, False, "ELIG-C18-PROVINCE"),
    ],
)
def test_provincial_rules(facts, ok, finding):
    assert (finding not in blocking_codes_for(**facts)) is ok


@pytest.mark.parametrize(
    ("key", "qid", "answer", "ok", "finding"),
    [
        ("C16", "french_nclc5", "yes", True, "ELIG-C16-FRENCH"),
        ("C16", "french_nclc5", "no", False, "ELIG-C16-FRENCH"),
        ("C18", "aip_designated_employer", "no", False, "ELIG-C18-DESIGNATION"),
        ("A73", "csq_holder", "no", False, "ELIG-A73-CSQ"),
        ("T43", "years_experience", "6", True, "ELIG-EXPERIENCE"),
        ("T43", "years_experience", "5", False, "ELIG-EXPERIENCE"),
        ("C11", "ownership_percent", "51", True, "ELIG-C11-OWNERSHIP"),
        ("C11", "ownership_percent", "50", False, "ELIG-C11-OWNERSHIP"),
    ],
)
def test_single_code_requirements(key, qid, answer, ok, finding):
    assert (finding not in blocking_codes_for(code=key, answers={qid: answer})) is ok


@pytest.mark.parametrize(
    ("answers", "ok"),
    [({"french_nclc5": "yes"}, True), ({}, False), ({"french_nclc5": "  "}, False)],
)
def test_missing_required_answers_block_and_point_at_the_question(answers, ok):
    found = [
        f
        for f in check_offer(OfferFacts(code="C16", answers=answers), today=TODAY)
        if f.code == "ANSWER-MISSING"
    ]
    assert (not found) is ok
    if not ok:
        assert found[0].field == "answers.french_nclc5"
        assert found[0].section == "code"


def test_optional_questions_may_stay_unanswered():
    found = codes_for(code="C21-YP", answers={"iec_invitation_date": "2026-10-01"})
    assert "ANSWER-MISSING" not in found


@pytest.mark.parametrize(
    ("facts", "ok", "finding"),
    [
        ({"employer_compliance_exempt": False}, True, "EMPLOYER-COMPLIANCE-EXEMPT"),
        ({"employer_compliance_exempt": True}, False, "EMPLOYER-COMPLIANCE-EXEMPT"),
        ({"employer_banned": False}, True, "EMPLOYER-BANNED"),
        ({"employer_banned": True}, False, "EMPLOYER-BANNED"),
    ],
)
def test_employer_status(facts, ok, finding):
    assert (finding not in blocking_codes_for(code="C62", **facts)) is ok


def test_compliance_exempt_employer_is_told_the_worker_applies_as_other(say):
    [finding] = [
        f
        for f in check_offer(OfferFacts(employer_compliance_exempt=True), today=TODAY)
        if f.code == "EMPLOYER-COMPLIANCE-EXEMPT"
    ]
    assert "Other" in say(finding.message, "en")
    assert "Autre" in say(finding.message, "fr")
    assert "numéro d'offre" in say(finding.message, "fr")


@pytest.mark.parametrize(
    ("facts", "finding"),
    [
        ({"code": None}, "CODE-MISSING"),
        ({"code": "Z99"}, "CODE-UNKNOWN"),
        ({"citizenship": "XX"}, "WORKER-CITIZENSHIP-INVALID"),
        ({"noc_code": "99999"}, "JOB-NOC-UNKNOWN"),
        ({"work_province": "ZZ"}, "JOB-PROVINCE-INVALID"),
        ({"wage_cents": -1}, "WAGE-INVALID"),
        ({"wage_unit": "fortnight"}, "WAGE-UNIT-INVALID"),
        ({"hours_per_week": 0}, "WAGE-HOURS-INVALID"),
        ({"wage_cents": 0, "code": "T36"}, "WAGE-ZERO"),
    ],
)
def test_malformed_facts_are_reported_on_their_field(facts, finding):
    assert finding in blocking_codes_for(**facts)


@pytest.mark.parametrize(
    ("facts", "finding"),
    [
        ({"code": "T36"}, "CODE-MISSING"),
        ({"code": "T36"}, "CODE-UNKNOWN"),
        ({"citizenship": "FR"}, "WORKER-CITIZENSHIP-INVALID"),
        ({"noc_code": "88888"}, "JOB-NOC-UNKNOWN"),
        ({"work_province": "nb"}, "JOB-PROVINCE-INVALID"),
        ({"wage_cents": 0, "code": "C50"}, "WAGE-ZERO"),
        ({"hours_per_week": 37.5}, "WAGE-HOURS-INVALID"),
    ],
)
def test_well_formed_facts_pass_the_same_checks(facts, finding):
    assert finding not in codes_for(**facts)


def test_blocking_findings_come_first():
    found = check_offer(
        OfferFacts(code="C16", start_date=TODAY - dt.timedelta(days=3)), today=TODAY
    )
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=lambda s: s is not Severity.blocking)
    assert Severity.warning in severities
    assert Severity.blocking in severities

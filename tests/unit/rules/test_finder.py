import pytest

from portal.rules.finder import FinderAnswers, suggest_codes


def test_us_software_engineer_gets_t36_first():
    result = suggest_codes(
        FinderAnswers(
            citizenship="US", relationship="new_hire", kind_of_work="professional", teer=1
        )
    )
    assert result.codes[0] == "T36"
    assert not result.lmia_needed
    assert not result.open_permit


def test_french_27_year_old_young_professional_gets_c21(say):
    result = suggest_codes(FinderAnswers(citizenship="FR", age=27, iec_category="yp"))
    assert result.codes[0] == "C21-YP"
    assert result.suggestions[0].code.code == "C21"
    assert "35" in say(result.suggestions[0].why, "en")


def test_iec_too_old_gets_no_iec_suggestion():
    result = suggest_codes(FinderAnswers(citizenship="FR", age=36, iec_category="yp"))
    assert "C21-YP" not in result.codes
    assert result.lmia_needed


def test_manager_transferred_from_uk_parent_after_two_years_gets_c62():
    result = suggest_codes(
        FinderAnswers(
            relationship="transfer", kind_of_work="manager", teer=0, months_with_foreign_employer=24
        )
    )
    assert result.codes[0] == "C62"
    british = suggest_codes(
        FinderAnswers(
            citizenship="GB",
            relationship="transfer",
            kind_of_work="manager",
            teer=0,
            months_with_foreign_employer=24,
        )
    )
    assert {"F61", "C62"} <= set(british.codes)


def test_transfer_too_soon_gets_no_ict_code():
    result = suggest_codes(
        FinderAnswers(
            relationship="transfer", kind_of_work="manager", teer=0, months_with_foreign_employer=6
        )
    )
    assert "C62" not in result.codes


def test_francophone_cook_in_moncton_gets_c16(say):
    result = suggest_codes(
        FinderAnswers(
            citizenship="SN",
            relationship="new_hire",
            kind_of_work="other",
            teer=3,
            work_province="NB",
            francophone=True,
        )
    )
    assert result.codes == ["C16"]
    assert "Québec" in say(result.suggestions[0].why, "fr")


def test_francophone_in_quebec_gets_no_c16(say):
    result = suggest_codes(
        FinderAnswers(kind_of_work="other", teer=3, work_province="QC", francophone=True)
    )
    assert "C16" not in result.codes
    assert result.lmia_needed
    assert "EIMT" in say(result.lmia_explanation, "fr")


def test_canadian_graduate_with_pgwp_needs_no_offer(say):
    result = suggest_codes(FinderAnswers(has_pgwp_or_study_status=True))
    assert result.codes == ["C43"]
    assert result.open_permit
    assert "No employer offer needed" in say(result.open_permit_explanation, "en")
    assert not result.suggestions[0].code.employer_specific


@pytest.mark.parametrize(
    "kind", ["foreign_government", "diplomatic", "international_org", "bridge_tunnel"]
)
def test_compliance_exempt_employers_are_told_no_offer(kind, say):
    result = suggest_codes(FinderAnswers(employer_kind=kind))
    assert result.employer_exempt
    assert "Other" in say(result.employer_exempt_explanation, "en")
    assert "Autre" in say(result.employer_exempt_explanation, "fr")


def test_nothing_fits_means_lmia(say):
    result = suggest_codes(
        FinderAnswers(
            citizenship="IN",
            relationship="new_hire",
            kind_of_work="other",
            teer=4,
            work_province="ON",
        )
    )
    assert result.lmia_needed
    assert result.suggestions == []
    assert "Labour Market Impact Assessment" in say(result.lmia_explanation, "en")

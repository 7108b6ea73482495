import pytest

from portal.rules.countries import (
    EU27,
    PARTNERS,
    all_countries,
    all_provinces,
    country_name,
    is_valid_country,
    province_name,
)


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("US", "en", "United States"),
        ("US", "fr", "États-Unis"),
        ("DE", "fr", "Allemagne"),
        ("KR", "en", "South Korea"),
        ("KR", "fr", "Corée du Sud"),
        ("gb", "fr", "Royaume-Uni"),
    ],
)
def test_country_names_in_both_languages(code, lang, name):
    assert country_name(code, lang) == name


def test_unknown_country_is_returned_as_given():
    assert country_name("XX", "en") == "XX"


@pytest.mark.parametrize(
    ("code", "valid"),
    [("FR", True), ("fr", True), ("XX", False), ("", False), (None, False), ("FRA", False)],
)
def test_is_valid_country(code, valid):
    assert is_valid_country(code) is valid


def test_french_country_list_sorts_accents_with_their_letter():
    names = [name for _, name in all_countries("fr")]
    assert len(names) == 249
    assert names.index("Égypte") < names.index("Espagne") < names.index("États-Unis")
    assert names.index("Émirats arabes unis") < names.index("Équateur")


def test_agreement_partner_lists():
    assert len(EU27) == 27
    assert "FR" in EU27
    assert "GB" not in EU27
    assert PARTNERS["cusma"] == {"US", "MX"}
    assert PARTNERS["ceta"] == EU27
    assert {"AU", "JP", "VN"} <= PARTNERS["cptpp"]
    assert PARTNERS["uk"] == {"GB"}
    assert PARTNERS["ukraine"] == {"UA"}


def test_provinces():
    assert len(all_provinces("en")) == 13
    assert province_name("QC", "fr") == "Québec"
    assert province_name("NL", "fr") == "Terre-Neuve-et-Labrador"
    assert [c for c, _ in all_provinces("fr")][:2] == ["AB", "BC"]

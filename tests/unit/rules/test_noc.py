from collections import Counter

import pytest

from portal.rules.noc import all_unit_groups, get_unit_group, search_noc, teer_of


def test_all_516_unit_groups_with_the_published_teer_counts():
    groups = all_unit_groups()
    assert len(groups) == 516
    assert Counter(g.teer for g in groups) == {0: 48, 1: 97, 2: 162, 3: 69, 4: 95, 5: 45}
    assert all(g.code[1] == str(g.teer) for g in groups)
    assert all(g.title_en and g.title_fr for g in groups)


def test_get_unit_group_keeps_leading_zeros_and_both_titles():
    group = get_unit_group("00010")
    assert group.teer == 0
    assert group.title("en") == "Legislators"
    assert group.title("fr") == "Membres des corps législatifs"
    assert get_unit_group("10") is None
    assert get_unit_group(None) is None


@pytest.mark.parametrize(
    ("code", "teer"), [("21232", 1), ("88888", 0), ("99999", None), ("abc", None)]
)
def test_teer_of(code, teer):
    assert teer_of(code) == teer


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("cuisinier", "fr", "63200"),
        ("CUISINIÈRES", "fr", "63200"),
        ("cooks", "en", "63200"),
        ("developpeurs logiciels", "fr", "21232"),
        ("software dev", "en", "21232"),
        ("6320", "en", "63200"),
        ("infirmieres autorisees", "fr", "31301"),
    ],
)
def test_search_finds_by_code_prefix_or_words_in_either_language(query, lang, expected):
    assert expected in [g.code for g in search_noc(query, lang)]


@pytest.mark.parametrize("query", ["", "   ", "zzzzqqq", "77777"])
def test_search_with_no_match_returns_nothing(query):
    assert search_noc(query) == []


def test_search_respects_the_limit():
    assert len(search_noc("2", limit=5)) == 5

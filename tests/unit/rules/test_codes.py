import pytest

from portal.catalogue import language
from portal.catalogue.labels import category_label
from portal.rules import codes
from portal.rules.codes import Category, FeeRule


def test_catalogue_has_every_row_of_the_ircc_table_in_order():
    entries = codes.all_codes()
    assert len(entries) == 114
    assert [e.key for e in entries[:3]] == ["R01", "R02", "T11"]
    assert entries[-1].key == "H82"


def test_keys_are_unique_and_c21_appears_once_per_iec_category():
    keys = [e.key for e in codes.all_codes()]
    assert len(keys) == len(set(keys))
    assert sorted(k for k in keys if k.startswith("C21")) == ["C21-IC", "C21-WH", "C21-YP"]
    assert {codes.get_code(k).code for k in ("C21-IC", "C21-WH", "C21-YP")} == {"C21"}


def test_every_code_has_english_and_french_texts(say):
    for entry in codes.all_codes():
        assert entry.name_en, entry.key
        assert entry.name_fr, entry.key
        assert entry.name_en != entry.name_fr or entry.code == "C16", entry.key
        assert say(entry.description, "en")
        assert say(entry.description, "fr")
        for item in entry.evidence:
            assert item.label_en, (entry.key, item.id)
            assert item.label_fr, (entry.key, item.id)
        for question in entry.questions:
            assert say(question.label, "en"), (entry.key, question.id)
            assert say(question.label, "fr"), (entry.key, question.id)


def test_open_permit_codes_are_not_offered_to_employers_and_say_why(say):
    employer_keys = {e.key for e in codes.employer_codes()}
    for key in ("C43", "C41", "A75", "C21-WH", "T45"):
        entry = codes.get_code(key)
        assert key not in employer_keys
        assert not entry.employer_specific
        assert "open work permit" in say(entry.not_selectable_reason, "en")
        assert "permis de travail ouvert" in say(entry.not_selectable_reason, "fr")
    assert all(e.not_selectable_reason is None for e in codes.employer_codes())
    assert len(codes.employer_codes()) + len(codes.open_permit_codes()) == 114


@pytest.mark.parametrize(
    ("query", "expected"),
    [("T36", "T36"), ("t36 ", "T36"), ("C21", "C21-YP"), ("C21-wh", "C21-WH"), ("C62", "C62")],
)
def test_get_code_accepts_codes_and_keys(query, expected):
    assert codes.get_code(query).key == expected


@pytest.mark.parametrize("query", ["", "T99", "C21-XX", None, 36, "A1234567"])
def test_get_code_returns_none_for_anything_else(query):
    assert codes.get_code(query) is None


@pytest.mark.parametrize(
    ("key", "fee_rule"),
    [
        ("T36", FeeRule.required),
        ("C31", FeeRule.exempt),
        ("C43", FeeRule.not_applicable),
        ("C50", FeeRule.required_unless_worker_fee_exempt),
        ("C21-YP", FeeRule.required),
    ],
)
def test_fee_rules_follow_the_table(key, fee_rule):
    assert codes.get_code(key).fee_rule is fee_rule


def test_code_facts_used_by_the_rules():
    t36 = codes.get_code("T36")
    assert t36.citizenships == {"US", "MX"}
    assert t36.teer_levels == {0, 1, 2, 3}
    assert t36.category is Category.free_trade
    assert t36.regulation == "R204(a)"
    assert t36.legacy_code == "T23"
    assert codes.get_code("C62").teer_levels == {0, 1}
    assert codes.get_code("C62").max_total_months == 84
    assert codes.get_code("C63").max_total_months == 60
    assert codes.get_code("C61").max_total_months == 12
    assert codes.get_code("T33").max_duration_days == 90
    assert codes.get_code("F30").pr_citizenships == {"KR"}
    assert codes.get_code("T52").citizenships.isdisjoint({"NZ", "SG", "VN"})
    assert codes.get_code("T54").citizenships == {"CL"}
    assert "MY" not in codes.get_code("T55").citizenships
    assert "NO" in codes.get_code("C21-YP").citizenships  # Norway survives YAML's "NO" = false


@pytest.mark.parametrize(
    ("key", "question_ids"),
    [
        ("T36", {"cusma_profession"}),
        ("C62", {"months_with_foreign_employer", "months_already_in_canada_as_ict"}),
        ("C21-YP", {"iec_invitation_date", "iec_post_secondary_credential"}),
        ("C16", {"french_nclc5"}),
        ("T13", {"nominating_province"}),
        ("C50", {"worker_unpaid"}),
        ("C23", {"performing_artists_in_group"}),
        ("C43", set()),
    ],
)
def test_codes_ask_the_questions_their_rules_need(key, question_ids):
    assert {q.id for q in codes.get_code(key).questions} == question_ids


def test_cusma_question_offers_the_63_appendix_2_professions(say):
    question = codes.get_code("T36").questions[0]
    assert len(question.choices) == 63 + 1  # plus "none of these"
    assert say(question.choice_label("engineer"), "fr") == "Ingénieur"


def test_codes_by_category_covers_every_code_once():
    grouped = codes.codes_by_category()
    assert sum(len(v) for v in grouped.values()) == 114
    assert [e.key for e in grouped[Category.iec]] == ["C21-WH", "C21-YP", "C21-IC"]
    employer_grouped = codes.codes_by_category(employer_only=True)
    assert all(e.employer_specific for v in employer_grouped.values() for e in v)


@pytest.mark.parametrize("cat", list(Category))
def test_every_category_has_a_label_in_both_languages(cat, make_app):
    with make_app().test_request_context():
        with language("en"):
            english = category_label(cat)
        with language("fr"):
            french = category_label(cat)
    assert english != french

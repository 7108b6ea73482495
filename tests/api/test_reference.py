"""Reference data through the API, public like its pages: the codes (questions, evidence, fee),
NOC 2021 search and the code finder, in English or French."""

from __future__ import annotations

from portal.rules.codes import all_codes
from tests.api_helpers import bearer, make_key

FR = {"Accept-Language": "fr"}


def test_every_code_is_listed_without_a_key_and_filters_work(client):
    response = client.get("/api/v1/codes")
    assert response.status_code == 200
    codes = response.get_json()["codes"]
    assert len(codes) == len(all_codes())
    assert {"C10", "T36", "C31"} <= {c["key"] for c in codes}
    employer = client.get("/api/v1/codes?employer_only=true").get_json()["codes"]
    assert employer and all(c["employer_specific"] for c in employer)
    assert len(employer) < len(codes)
    trade = client.get("/api/v1/codes?category=free_trade").get_json()["codes"]
    assert trade and {c["category"] for c in trade} == {"free_trade"}
    bad = client.get("/api/v1/codes?category=nope")
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["parameter"] == "category"


def test_a_code_has_its_questions_evidence_and_fee_in_both_languages(client):
    english = client.get("/api/v1/codes/t36").get_json()
    assert english["code"] == "T36" and english["citizenships"] == ["MX", "US"]
    assert english["fee"]["amount_cents"] == 23000 and not english["fee"]["exempt"]
    question = next(q for q in english["questions"] if q["id"] == "cusma_profession")
    assert question["kind"] == "choice" and {"value": "engineer", "label": "Engineer"} in \
        question["choices"]
    assert english["evidence"] and all(e["label"] for e in english["evidence"])
    french = client.get("/api/v1/codes/T36", headers=FR).get_json()
    assert french["name"] != english["name"] and french["fee"]["reason"] != \
        english["fee"]["reason"]
    assert [e["id"] for e in french["evidence"]] == [e["id"] for e in english["evidence"]]
    assert [e["label"] for e in french["evidence"]] != [e["label"] for e in english["evidence"]]
    assert client.get("/api/v1/codes/T36?lang=fr").get_json()["name"] == french["name"]
    fee_exempt = client.get("/api/v1/codes/C31").get_json()["fee"]
    assert fee_exempt["exempt"] and fee_exempt["amount_cents"] == 0
    missing = client.get("/api/v1/codes/Z99")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"


def test_noc_search_by_words_or_digits_in_either_language(client):
    found = client.get("/api/v1/noc?q=software").get_json()["unit_groups"]
    assert "21232" in [g["code"] for g in found] and found[0]["teer"] in range(6)
    french = client.get("/api/v1/noc?q=logiciels", headers=FR).get_json()["unit_groups"]
    assert "21232" in [g["code"] for g in french]
    assert all(g["title"] == g["title_fr"] for g in french)
    digits = client.get("/api/v1/noc?q=2123&limit=3").get_json()["unit_groups"]
    assert digits and len(digits) <= 3 and all(g["code"].startswith("2123") for g in digits)
    assert client.get("/api/v1/noc").status_code == 422


def test_the_code_finder_suggests_cusma_for_a_us_engineer(client):
    query = {"citizenship": "US", "relationship": "new_hire", "kind_of_work": "professional",
             "teer": 1, "work_province": "ON"}
    result = client.get("/api/v1/code-finder", query_string=query).get_json()
    assert "T36" in [s["code"]["key"] for s in result["suggestions"]]
    assert all(s["why"] and s["evidence"] for s in result["suggestions"])
    french = client.get("/api/v1/code-finder", query_string={**query, "lang": "fr"}).get_json()
    assert [s["why"] for s in french["suggestions"]] != [s["why"] for s in result["suggestions"]]
    exempt = client.get("/api/v1/code-finder", query_string={
        **query, "employer_kind": "diplomatic"}).get_json()
    assert exempt["employer_exempt"] and exempt["employer_exempt_explanation"]


def test_the_code_finder_checks_its_answers(client):
    response = client.get("/api/v1/code-finder", query_string={
        "citizenship": "XX", "relationship": "friend", "kind_of_work": "professional",
        "work_province": "ON", "iec_category": "yp"})
    assert response.status_code == 422
    parameters = {e["parameter"] for e in response.get_json()["errors"]}
    assert parameters == {"citizenship", "relationship"}
    no_age = client.get("/api/v1/code-finder", query_string={
        "citizenship": "FR", "relationship": "new_hire", "kind_of_work": "professional",
        "work_province": "ON", "iec_category": "yp"})
    assert no_age.status_code == 422
    assert [(e["parameter"], e["code"]) for e in no_age.get_json()["errors"]] == [
        ("age", "required")]


def test_a_key_may_be_sent_and_counts_as_the_caller(client, employer_user):
    token = make_key(employer_user, "read")
    assert client.get("/api/v1/codes/C10", headers=bearer(token)).status_code == 200

"""The code finder under IRCC's 2024-2025 rules (issue 13, items 2, 5 and 7), through the page."""

from __future__ import annotations

import pytest

from tests.integration.codes.test_codes import find, result, suggested


@pytest.mark.parametrize("kind", ["diplomatic", "bridge_tunnel", "international_org"])
def test_an_exempt_employer_sees_no_code_card_asking_for_an_offer_or_a_fee(client, kind):
    response = find(client, employer_kind=kind, citizenship="US", kind_of_work="other")
    assert suggested(response) == []
    shown = result(response)
    assert "do not submit an offer" in shown and '"Other"' in shown
    assert "offer number" not in shown.replace("no offer number", "")
    assert "receipt" not in shown


def test_an_exempt_employer_in_french(client):
    shown = result(find(client, lang="fr", employer_kind="diplomatic", citizenship="US",
                        kind_of_work="other"))
    assert "Autre" in shown
    assert "C20" not in shown


def test_t13_is_not_suggested_for_a_nominee_hired_in_another_province(client):
    elsewhere = find(client, citizenship="IN", kind_of_work="other", teer="3",
                     provincial_nomination="MB", work_province="ON")
    assert "T13" not in suggested(elsewhere)
    same = find(client, citizenship="IN", kind_of_work="other", teer="3",
                provincial_nomination="MB", work_province="MB")
    assert "T13" in suggested(same)


def test_a_workers_spouse_is_not_sent_to_the_pgwp(client):
    response = find(client, citizenship="IN", relationship="spouse_or_student",
                    kind_of_work="other", spouse_of="worker")
    assert suggested(response) == ["C41"]
    shown = result(response)
    assert "16 months left" in shown and "Post-graduation" not in shown


def test_a_ceta_transferees_spouse_gets_t45_in_french(client):
    response = find(client, lang="fr", citizenship="FR", relationship="spouse_or_student",
                    kind_of_work="other", spouse_of="worker", principal_agreement="CETA")
    assert suggested(response) == ["T45", "C41"]
    assert "ne le restreignent pas" in result(response)


def test_a_students_spouse_gets_c42(client):
    response = find(client, citizenship="IN", relationship="spouse_or_student",
                    kind_of_work="other", spouse_of="student")
    assert suggested(response) == ["C42"]
    assert "doctoral program" in result(response)

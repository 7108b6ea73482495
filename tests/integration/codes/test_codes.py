"""The public exemption-code pages: the code finder, the catalogue, one page per code, and the
NOC 2021 search, in English and French, without JavaScript."""

from __future__ import annotations

import re
from html import unescape

import pytest

from portal.rules.codes import all_codes

FINDER = "/exemption-codes/finder"
BASE_ANSWERS = {"relationship": "new_hire", "work_province": "ON", "employer_kind": "normal"}


def text(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    html = response.get_data(as_text=True)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def result(response) -> str:
    """The finder's result section only (the form below repeats every option)."""
    html = response.get_data(as_text=True)
    found = re.search(
        r'<section aria-labelledby="result-title".*?</section>\s*</section>|'
        r'<section aria-labelledby="result-title".*?<h2>',
        html,
        re.S,
    )
    assert found, "no result section"
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", found.group(0))).split())


def suggested(response) -> list[str]:
    return re.findall(r'id="suggestion-([A-Z0-9-]+)"', response.get_data(as_text=True))


def find(client, lang: str = "en", **answers):
    response = client.get(FINDER, query_string={**BASE_ANSWERS, **answers, "lang": lang})
    assert response.status_code == 200
    return response


# --- The acceptance cases ---------------------------------------------------------------------


def test_us_software_engineer_is_pointed_to_t36(client):
    response = find(client, citizenship="US", kind_of_work="professional", teer="1")
    assert suggested(response)[0] == "T36"
    shown = result(response)
    assert "T36 – CUSMA – Professionals" in shown
    assert "R204(a)" in shown
    assert (
        "CUSMA – Professionals: open to this worker's citizenship and to the job's TEER." in shown
    )
    assert "Proof of citizenship of CUSMA party" in shown
    assert 'href="/exemption-codes/T36"' in response.get_data(as_text=True)


def test_french_citizen_aged_27_in_iec_young_professionals_gets_c21(client):
    response = find(
        client, citizenship="FR", kind_of_work="professional", teer="1", iec_category="yp", age="27"
    )
    assert suggested(response) == ["C21-YP"]
    shown = result(response)
    assert "International Experience Canada – Young Professionals" in shown
    assert "aged 18 to 35" in shown
    assert "Invitation to Apply" in shown
    assert 'href="/exemption-codes/C21-YP"' in response.get_data(as_text=True)


def test_iec_outside_the_age_limit_is_not_suggested(client):
    response = find(
        client, citizenship="FR", kind_of_work="other", teer="3", iec_category="yp", age="40"
    )
    assert "C21-YP" not in suggested(response)
    assert "Labour Market Impact Assessment" in result(response)


def test_french_citizen_in_iec_in_french(client):
    response = find(
        client,
        lang="fr",
        citizenship="FR",
        kind_of_work="professional",
        teer="1",
        iec_category="yp",
        age="27",
    )
    shown = result(response)
    assert "Expérience internationale Canada – Jeunes professionnels" in shown
    assert "âgés de 18 à 35 ans" in shown
    assert "Preuves exigées" in shown
    assert "Lire les règles du code C21-YP" in shown


def test_manager_transferred_from_uk_parent_after_two_years_gets_c62(client):
    response = find(
        client,
        citizenship="GB",
        relationship="transfer",
        months_with_foreign_employer="24",
        kind_of_work="manager",
        teer="0",
    )
    assert "C62" in suggested(response)
    shown = result(response)
    assert "Intra-company transfer: at least 12 months with the foreign enterprise" in shown
    assert "R205(a)" in shown


def test_transfer_after_less_than_a_year_is_not_an_intra_company_transfer(client):
    response = find(
        client,
        citizenship="GB",
        relationship="transfer",
        months_with_foreign_employer="6",
        kind_of_work="manager",
        teer="0",
    )
    assert "C62" not in suggested(response)


def test_francophone_cook_in_moncton_gets_c16(client):
    response = find(
        client,
        citizenship="CM",
        kind_of_work="other",
        teer="3",
        work_province="NB",
        francophone="y",
    )
    assert suggested(response) == ["C16"]
    assert "Francophone mobility: a French-speaking worker (NCLC 5 or higher)" in result(response)


def test_francophone_worker_in_quebec_is_not_offered_c16(client):
    response = find(
        client,
        citizenship="CM",
        kind_of_work="other",
        teer="3",
        work_province="QC",
        francophone="y",
    )
    assert "C16" not in suggested(response)
    assert "Labour Market Impact Assessment" in result(response)


@pytest.mark.parametrize(
    ("lang", "heading", "explanation"),
    [
        (
            "en",
            "No employer offer is needed: this is an open work permit",
            "No employer offer needed: the worker holds or qualifies for an open work permit",
        ),
        (
            "fr",
            "Aucune offre d'emploi n'est nécessaire : il s'agit d'un permis de travail ouvert",
            "Aucune offre d'emploi n'est nécessaire : le travailleur détient un permis",
        ),
    ],
)
def test_canadian_graduate_with_pgwp_needs_no_employer_offer(client, lang, heading, explanation):
    response = find(
        client,
        lang=lang,
        citizenship="IN",
        kind_of_work="professional",
        teer="1",
        has_pgwp_or_study_status="y",
    )
    assert suggested(response) == ["C43"]
    shown = result(response)
    assert heading in shown
    assert explanation in shown


def test_lmia_needed_when_no_exemption_fits(client):
    response = find(client, citizenship="IN", kind_of_work="other", teer="4")
    assert suggested(response) == []
    shown = result(response)
    assert "A Labour Market Impact Assessment (LMIA) is probably needed" in shown
    assert "Browse all exemption codes" in shown


def test_compliance_exempt_employer_is_told_not_to_submit_an_offer(client):
    response = find(
        client, citizenship="FR", kind_of_work="other", teer="2", employer_kind="diplomatic"
    )
    shown = result(response)
    assert "Your organization is exempt from the employer compliance regime" in shown
    assert 'The worker chooses "Other" (no offer number)' in shown


def test_results_keep_the_answers_in_the_form_below(client):
    html = find(client, citizenship="US", kind_of_work="professional", teer="1").get_data(
        as_text=True
    )
    assert '<option selected value="US">' in html
    assert re.search(r'<input checked[^>]*value="professional"', html)
    assert '<option selected value="1">' in html


# --- Bad input --------------------------------------------------------------------------------


def test_missing_answers_get_messages_next_to_the_fields_and_nothing_is_lost(client):
    response = client.get(
        FINDER,
        query_string={"kind_of_work": "technician", "iec_category": "yp", "age": "twenty"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'id="citizenship-error"' in html
    assert "Choose the worker's country of citizenship." in unescape(html)
    assert 'id="relationship-error"' in html
    assert 'id="age-error"' in html
    assert "Enter the age as a whole number, for example 27." in html
    assert 'value="twenty"' in html  # what was typed stays
    assert re.search(r'<input checked[^>]*value="technician"', html)
    assert 'id="result-title"' not in html


def test_iec_needs_the_age(client):
    html = find(
        client, citizenship="FR", kind_of_work="professional", teer="1", iec_category="yp"
    ).get_data(as_text=True)
    assert "Enter the worker's age to check the IEC age limits." in unescape(html)
    assert 'id="result-title"' not in html


def test_made_up_choices_are_refused_with_a_message(client):
    html = find(client, citizenship="XX", kind_of_work="astronaut", teer="9").get_data(as_text=True)
    assert html.count("Choose one of the options in the list.") >= 3 * 2  # summary + field
    assert 'id="result-title"' not in html


def test_bad_input_messages_are_in_french(client):
    html = client.get(FINDER, query_string={"lang": "fr", "months_with_foreign_employer": "99"})
    page = html.get_data(as_text=True)
    assert "Choisissez le pays de citoyenneté du travailleur." in unescape(page)
    assert "Entrez un nombre entier de mois, de 0 à 36." in page
    assert "Il y a un problème" in page


def test_blank_finder_has_no_errors_and_links_to_the_noc_search(client):
    for url in (FINDER, f"{FINDER}?lang=fr"):
        html = client.get(url).get_data(as_text=True)
        assert 'class="error-summary"' not in html
        assert 'href="/noc"' in html
    assert "<legend" in html


# --- The catalogue and the code pages ---------------------------------------------------------


def code_links(response) -> list[str]:
    return re.findall(
        r'<td><a href="/exemption-codes/([A-Z0-9-]+)">', response.get_data(as_text=True)
    )


def test_catalogue_lists_every_code_with_a_link_to_its_page(client):
    response = client.get("/exemption-codes")
    links = code_links(response)
    assert len(links) == len(all_codes()) == 114
    assert {"T36", "C21-YP", "C21-WH", "C21-IC", "C43"} <= set(links)
    assert "Showing 114 of 114 codes." in text(response)
    assert '<th scope="col">' in response.get_data(as_text=True)


def test_catalogue_filters_by_category(client):
    response = client.get("/exemption-codes", query_string={"category": "iec"})
    assert sorted(code_links(response)) == ["C21-IC", "C21-WH", "C21-YP"]
    assert "Showing 3 of 114 codes." in text(response)


def test_catalogue_filters_employer_specific_codes(client):
    response = client.get("/exemption-codes", query_string={"employer_only": "y"})
    links = code_links(response)
    assert "T36" in links
    assert "C43" not in links
    assert "C21-WH" not in links
    assert 0 < len(links) < 114


def test_catalogue_refuses_an_unknown_category_and_shows_everything(client):
    response = client.get("/exemption-codes", query_string={"category": "nonsense"})
    assert "Choose one of the categories in the list." in text(response)
    assert len(code_links(response)) == 114


def test_catalogue_in_french(client):
    response = client.get("/exemption-codes", query_string={"lang": "fr", "category": "iec"})
    shown = text(response)
    assert "Codes de dispense d'EIMT" in shown
    assert "Expérience internationale Canada – Jeunes professionnels" in shown
    assert "Permis de travail ouvert" in shown


def test_code_page_shows_the_rules_of_t36(client):
    response = client.get("/exemption-codes/T36")
    assert response.status_code == 200
    shown = text(response)
    assert "Exemption code T36" in shown
    assert "CUSMA – Professionals" in shown
    assert "Free trade agreements" in shown
    assert "Regulation R204(a)" in shown
    assert "Former code (before 15 December 2022) T23" in shown
    assert "Employer-specific work permit" in shown
    assert "The $230 employer compliance fee applies to this offer." in shown
    assert "TEER 0, 1, 2, 3" in shown
    assert "Citizens of: Mexico, United States." in shown
    assert "Which CUSMA Appendix 2 profession is this job?" in shown
    assert "Proof of citizenship of CUSMA party" in shown


def test_code_page_of_an_open_permit_says_it_cannot_be_chosen(client):
    shown = text(client.get("/exemption-codes/C43"))
    assert "Post-graduation work permit (PGWP)" in shown
    assert "Employers cannot choose this code for an offer" in shown
    assert "C43 is an open work permit" in shown
    assert "No compliance fee: this code is an open work permit" in shown


def test_code_page_of_an_iec_category_in_french(client):
    response = client.get("/exemption-codes/C21-YP", query_string={"lang": "fr"})
    shown = text(response)
    assert "Code de dispense C21-YP" in shown
    assert "Expérience internationale Canada – Jeunes professionnels" in shown
    assert "Les frais de 230 $ s'appliquent" in shown
    assert "Lié à un employeur" in shown


def test_code_page_addresses(client):
    assert client.get("/exemption-codes/NOPE").status_code == 404
    lower = client.get("/exemption-codes/t36")
    assert lower.status_code == 301
    assert lower.headers["Location"].endswith("/exemption-codes/T36")
    assert (
        client.get("/exemption-codes/C21").headers["Location"].endswith("/exemption-codes/C21-YP")
    )


# --- NOC search -------------------------------------------------------------------------------


def noc_rows(response) -> list[tuple[str, str, str]]:
    html = response.get_data(as_text=True)
    return re.findall(r'<th scope="row">(\d{5})</th>\s*<td>([^<]+)</td>\s*<td>(\d)</td>', html)


def test_noc_search_finds_cooks_with_their_teer(client):
    rows = noc_rows(client.get("/noc", query_string={"q": "cook"}))
    assert ("63200", "Cooks", "3") in rows


def test_noc_search_in_french(client):
    rows = noc_rows(client.get("/noc", query_string={"q": "cuisinier", "lang": "fr"}))
    assert ("63200", "Cuisiniers/cuisinières", "3") in rows


def test_noc_search_by_code_and_no_match(client):
    assert noc_rows(client.get("/noc", query_string={"q": "21231"}))[0][0] == "21231"
    shown = text(client.get("/noc", query_string={"q": "zzzzqx"}))
    assert "No unit group matches “zzzzqx”." in shown


def test_noc_search_bad_input(client):
    assert "Enter a job title or a NOC code." in text(client.get("/noc", query_string={"q": " "}))
    long = client.get("/noc", query_string={"q": "a" * 101})
    assert "Enter 100 characters or fewer." in text(long)
    assert 'value="' + "a" * 101 + '"' in long.get_data(as_text=True)


# --- The shell ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [FINDER, "/exemption-codes", "/exemption-codes/T36", "/noc?q=cook", "/noc"]
)
def test_pages_have_no_inline_scripts_or_styles(client, url):
    html = client.get(url).get_data(as_text=True)
    # Scripts only from our own files (the CSP allows 'self'), never inline.
    assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html) == []
    assert "style=" not in html
    assert html.count("<h1>") == 1


def test_landing_page_and_footer_link_to_the_code_pages(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/exemption-codes/finder"' in html
    assert 'href="/exemption-codes"' in html
    assert 'href="/noc"' in html

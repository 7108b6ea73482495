"""The practice pages (issue 17 item 4): a learner (any employer user) lists the cases, reads a
brief, starts a case (a fresh practice employer they then act for), does the work and checks
it: the model answers of the grader's tests score 100 through the pages, in English and
French, and a wrong answer scores less with the feedback that names the rule."""

from __future__ import annotations

from dataclasses import replace
from html import unescape

import pytest

from portal import clock
from portal.extensions import db
from portal.models import Employer, Membership
from portal.services.compliance.standing import get_standing
from tests.factories import UserFactory
from tests.integration.practice.pages_helpers import do_the_work, practice_employer
from tests.unit.rules.practice.answers import MODEL

OFFER_CASES = ["cusma-software-engineer", "c50-unpaid-volunteer", "passport-hyphen"]


def _text(response) -> str:
    return unescape(response.get_data(as_text=True))


def _start(client, case_id: str, lang: str = "en"):
    response = client.post(f"/practice/cases/{case_id}/start?lang={lang}")
    assert response.status_code == 302, response.text
    assert response.headers["Location"].endswith("/employer/")
    return response


def _check(client, case_id: str, lang: str = "en") -> str:
    response = client.post(f"/practice/cases/{case_id}/check?lang={lang}")
    assert response.status_code == 200, response.text
    return _text(response)


def test_the_list_shows_every_case_with_its_difficulty_in_either_language(client, signed_in):
    english = _text(client.get("/practice/?lang=en"))
    assert "A US software engineer for a Toronto software company" in english
    assert "Easy" in english and "Hard" in english and "Not checked yet" in english
    french = _text(client.get("/practice/?lang=fr"))
    assert "Un ingénieur logiciel américain" in french
    assert "Facile" in french and "Pas encore vérifié" in french


def test_a_case_page_gives_the_brief_with_the_passport_details(client, signed_in):
    page = _text(client.get("/practice/cases/passport-hyphen?lang=en"))
    assert "F-0453721K" in page and "MUÑOZ SOTO" in page
    assert "Start this case" in page and "Check my work" not in page
    assert client.get("/practice/cases/no-such-case").status_code == 404


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("case_id", OFFER_CASES)
def test_the_model_answer_scores_100_through_the_pages(client, signed_in, case_id, lang):
    _start(client, case_id, lang)
    employer = practice_employer(case_id, signed_in.id)
    do_the_work(employer.id, MODEL[case_id])
    page = _check(client, case_id, lang)
    assert ("Score: 100 / 100" if lang == "en" else "Résultat : 100 / 100") in page


def test_a_wrong_code_scores_less_and_names_the_rule_in_french(client, signed_in):
    case_id = "cusma-software-engineer"
    _start(client, case_id, "fr")
    do_the_work(practice_employer(case_id, signed_in.id).id,
                replace(MODEL[case_id], code="C10"))
    page = _check(client, case_id, "fr")
    assert "Résultat : 75 / 100" in page
    assert "C10" in page and "T36" in page and "ACEUM" in page and "À corriger" in page


def test_a_case_that_needs_no_offer_scores_less_once_one_is_submitted(client, signed_in):
    case_id = "cusma-chef-not-listed"
    _start(client, case_id)
    assert "Score: 100 / 100" in _check(client, case_id)
    wrong = replace(MODEL["cusma-software-engineer"], code="T36")
    do_the_work(practice_employer(case_id, signed_in.id).id, wrong)
    assert "Score: 100 / 100" not in _check(client, case_id)


def test_starting_makes_a_fresh_practice_employer_the_learner_acts_for(client, signed_in):
    _start(client, "cusma-software-engineer")
    first = practice_employer("cusma-software-engineer", signed_in.id)
    dashboard = _text(client.get("/employer/"))
    assert first.operating_name in dashboard
    member = db.session.query(Membership).filter_by(user_id=signed_in.id,
                                                    employer_id=first.id).one()
    assert member.role == "primary" and member.permission == "submit"
    _start(client, "cusma-software-engineer")
    second = practice_employer("cusma-software-engineer", signed_in.id)
    assert second.id != first.id and second.business_number != first.business_number
    choices = _text(client.get("/employer/act-for"))
    assert first.business_number_display in choices and second.business_number_display in choices


def test_progress_lists_the_cases_checked_with_the_best_score(client, signed_in):
    assert "You have not checked" in _text(client.get("/practice/progress"))
    case_id = "cusma-software-engineer"
    _start(client, case_id)
    _check(client, case_id)  # nothing done yet: a low score
    do_the_work(practice_employer(case_id, signed_in.id).id, MODEL[case_id])
    _check(client, case_id)
    _check(client, case_id)
    page = _text(client.get("/practice/progress?lang=fr"))
    assert "Un ingénieur logiciel américain" in page and "100 / 100" in page
    assert "Mes progrès" in page


def test_checking_before_starting_says_so(client, signed_in):
    response = client.post("/practice/cases/cusma-software-engineer/check?lang=fr",
                           follow_redirects=True)
    assert response.status_code == 200
    assert "Commencez d'abord ce cas" in _text(response)


def test_a_learner_never_sees_another_learners_practice_employer(client, auth, signed_in):
    case_id = "cusma-software-engineer"
    _start(client, case_id)
    theirs = practice_employer(case_id, signed_in.id)
    do_the_work(theirs.id, MODEL[case_id])
    _check(client, case_id)
    auth.sign_out()

    other = UserFactory()
    auth.sign_in(other.email)
    assert "Check my work" not in _text(client.get(f"/practice/cases/{case_id}"))
    refused = client.post("/employer/act-for", data={"employer_id": theirs.id})
    assert refused.status_code == 200 and theirs.operating_name not in _text(
        client.get("/employer/"))
    assert "You have not checked" in _text(client.get("/practice/progress"))
    assert "Commencez d'abord" in _text(client.post(
        f"/practice/cases/{case_id}/check?lang=fr", follow_redirects=True))


def test_practice_employers_stay_out_of_the_administrators_list(client, signed_in):
    from portal.services.actor import Actor
    from portal.services.compliance.employers import search_employers

    _start(client, "cusma-software-engineer")
    practice = practice_employer("cusma-software-engineer", signed_in.id)
    found = search_employers(actor=Actor(user_id=None, is_admin=True), query="", province="",
                             status="", on=practice.created_at.date())
    ids = {row.id if isinstance(row, Employer) else getattr(row, "employer", row).id
           for row in found.rows}
    assert signed_in.employer_id in ids and practice.id not in ids


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Your organization is exempt from the employer compliance regime"),
    ("fr", "Votre organisation est dispensée du régime de conformité des employeurs"),
])
def test_a_foreign_mission_case_starts_exempt_as_an_administrator_would_record_it(
    client, signed_in, lang, said
):
    # R209.9(1): the consulate is outside the compliance regime, so the portal refuses its
    # offers from the first page, as it would the real mission's.
    _start(client, "foreign-mission-staff", lang)
    mission = practice_employer("foreign-mission-staff", signed_in.id)
    dashboard = _text(client.get(f"/employer/?lang={lang}"))
    assert said in dashboard
    assert get_standing(employer_id=mission.id, on=clock.today()).exempt
    _start(client, "cusma-software-engineer", lang)
    ordinary = _text(client.get(f"/employer/?lang={lang}"))
    assert said not in ordinary


@pytest.mark.parametrize(("lang", "label"), [("en", "Practice cases"), ("fr", "Cas pratiques")])
def test_every_employer_page_links_to_the_practice_cases(client, signed_in, lang, label):
    dashboard = _text(client.get(f"/employer/?lang={lang}"))
    assert f'<a href="/practice/">{label}</a>' in dashboard

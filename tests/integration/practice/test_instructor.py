"""The instructor (issue 17 item 4): made on the command line (`flask practice make-instructor
--email`), sees every learner's best score on each case they checked and downloads them as CSV;
anyone else gets 404 (the pages do not reveal themselves)."""

from __future__ import annotations

import csv
import io
from html import unescape

from tests.factories import UserFactory
from tests.integration.practice.pages_helpers import do_the_work, practice_employer
from tests.unit.rules.practice.answers import MODEL

CASE = "cusma-software-engineer"


def _learner_checks(client, auth, user, *, model: bool) -> None:
    auth.sign_in(user.email)
    client.post(f"/practice/cases/{CASE}/start")
    if model:
        do_the_work(practice_employer(CASE, user.id).id, MODEL[CASE])
    assert client.post(f"/practice/cases/{CASE}/check").status_code == 200
    auth.sign_out()


def test_make_instructor_refuses_an_unknown_address(runner):
    result = runner.invoke(args=["practice", "make-instructor", "--email", "nobody@example.com"])
    assert result.exit_code != 0 and "No employer user has this email address." in result.output


def test_the_instructor_sees_and_exports_every_learners_results(app, client, auth, runner):
    good, poor, teacher = (UserFactory(full_name=n) for n in ("Ana Good", "Bo Poor", "Teacher"))
    _learner_checks(client, auth, good, model=True)
    _learner_checks(client, auth, poor, model=False)

    auth.sign_in(teacher.email)
    assert client.get("/practice/instructor").status_code == 404
    assert client.get("/practice/instructor/results.csv").status_code == 404
    assert "Learners' results" not in unescape(client.get("/practice/").get_data(as_text=True))

    made = runner.invoke(args=["practice", "make-instructor", "--email", teacher.email.upper()])
    assert made.exit_code == 0, made.output
    page = unescape(client.get("/practice/instructor?lang=fr").get_data(as_text=True))
    assert "Résultats des apprenants" in page and "Ana Good" in page and "Bo Poor" in page
    assert "100 / 100" in page

    download = client.get("/practice/instructor/results.csv?lang=en")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert "no-store" in download.headers["Cache-Control"]
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Learner", "Email", "Case", "Best score", "Checks", "Last checked"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Ana Good"][1:5] == [good.email, CASE, "100", "1"]
    assert int(by_name["Bo Poor"][3]) < 100

    undone = runner.invoke(args=["practice", "make-instructor", "--email", teacher.email,
                                 "--undo"])
    assert undone.exit_code == 0
    assert client.get("/practice/instructor").status_code == 404

"""The practice pages (issue 17 item 4): the cases, a case's brief, "Start this case" (a fresh
practice employer the learner then acts for), "Check my work" (the grade and its feedback),
the learner's progress, and the instructor's cohort with its CSV.

Learners are any signed-in employer user (`employer_required`); the instructor pages answer 404
to anyone who is not an instructor, so they do not reveal themselves.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock
from portal.access import ACTING_EMPLOYER_KEY, employer_required
from portal.downloads import csv_download
from portal.forms import ActionForm
from portal.i18n import current_language
from portal.rules.i18n import pick
from portal.rules.messages import Bilingual
from portal.rules.practice import all_cases
from portal.rules.practice.cases import DIFFICULTY_ORDER
from portal.services.errors import Forbidden
from portal.services.practice import employers as practice_employers
from portal.services.practice import results

bp = Blueprint("practice", __name__, url_prefix="/practice")

PART_LABELS = {
    "outcome": _l("Outcome"), "code": _l("Exemption code"), "fee": _l("Compliance fee"),
    "identity": _l("The worker's identity"), "attestations": _l("Attestations"),
    "evidence": _l("Evidence"), "application": _l("The worker's application"),
}


def _text(value: Bilingual | None) -> str:
    return "" if value is None else pick(value.en, value.fr, current_language())


@bp.context_processor
def _helpers() -> dict[str, Any]:
    return {"text": _text, "part_labels": PART_LABELS}


@bp.route("/")
@employer_required
def index() -> ResponseReturnValue:
    cases = sorted(all_cases(), key=lambda c: DIFFICULTY_ORDER.index(c.difficulty))
    done = results.progress(user_id=current_user.id)
    return render_template("practice/index.html", cases=cases, done=done,
                           instructor=current_user.is_instructor)


@bp.route("/cases/<case_id>")
@employer_required
def case(case_id: str) -> ResponseReturnValue:
    found = practice_employers.case_or_not_found(case_id)
    employer = practice_employers.latest_employer(case_id=found.id, user_id=current_user.id)
    return render_template("practice/case.html", case=found, employer=employer,
                           form=ActionForm(), best=results.progress(
                               user_id=current_user.id).get(found.id))


@bp.route("/cases/<case_id>/start", methods=["POST"])
@employer_required
def start(case_id: str) -> ResponseReturnValue:
    found = practice_employers.case_or_not_found(case_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    employer_id = practice_employers.start_case(
        case_id=found.id, user_id=current_user.id, language=current_language(),
        ip_address=request.remote_addr,
    )
    session[ACTING_EMPLOYER_KEY] = employer_id
    flash(_("You now act for the practice employer of this case. Do the work in the portal, "
            "then come back to the case and check your work."), "success")
    return redirect(url_for("employer.dashboard"))


@bp.route("/cases/<case_id>/check", methods=["POST"])
@employer_required
def check(case_id: str) -> ResponseReturnValue:
    found = practice_employers.case_or_not_found(case_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if practice_employers.latest_employer(case_id=found.id, user_id=current_user.id) is None:
        flash(_("Start this case first: checking your work grades the practice employer it "
                "makes."), "error")
        return redirect(url_for("practice.case", case_id=found.id))
    result = results.check_work(case_id=found.id, user_id=current_user.id)
    return render_template("practice/result.html", case=found, result=result)


@bp.route("/progress")
@employer_required
def progress() -> ResponseReturnValue:
    done = results.progress(user_id=current_user.id)
    cases = [c for c in all_cases() if c.id in done]
    return render_template("practice/progress.html", cases=cases, done=done)


def _cohort_or_404() -> list[results.CohortRow]:
    try:
        return results.cohort(user_id=current_user.id)
    except Forbidden:
        abort(404)


@bp.route("/instructor")
@employer_required
def instructor() -> ResponseReturnValue:
    rows = _cohort_or_404()
    titles = {c.id: c.title for c in all_cases()}
    return render_template("practice/instructor.html", rows=rows, titles=titles)


@bp.route("/instructor/results.csv")
@employer_required
def instructor_csv() -> ResponseReturnValue:
    _cohort_or_404()
    headers = [_("Learner"), _("Email"), _("Case"), _("Best score"), _("Checks"),
               _("Last checked")]
    chunks = results.cohort_csv(user_id=current_user.id, headers=headers)
    return csv_download(chunks, f"practice-results-{clock.today().isoformat()}.csv")

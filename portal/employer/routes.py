"""The employer's home: the dashboard (the offer queue and its CSV export), the business
profile and the employer's history (its audit events)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal import clock
from portal.access import acting_is_primary, current_actor, employer_required, primary_required
from portal.downloads import csv_download
from portal.employer import bp
from portal.employer.dashboard import dashboard_form, dashboard_query, hold_search, is_searching
from portal.employer.forms import ProfileForm
from portal.forms import ActionForm
from portal.forms_errors import apply_domain_error
from portal.i18n import current_language
from portal.services.accounts import profile as employer_profile
from portal.services.accounts.profile import EDITABLE_FIELDS
from portal.services.audit import log as audit_log
from portal.services.compliance.standing import get_standing
from portal.services.errors import DomainError
from portal.services.offers import queue


@bp.route("/", methods=["GET", "POST"])
@employer_required
def dashboard() -> ResponseReturnValue:
    actor = current_actor()
    employer = employer_profile.get_employer(employer_id=actor.employer_id, actor=actor)
    form = dashboard_form()
    if request.method == "POST" and form.validate_on_submit():
        # Post, redirect, get: the search is held on the server, the address names a token.
        return redirect(url_for("employer.dashboard", s=hold_search(form), _anchor="offers"))
    search = request.args.get("s") if request.method == "GET" else None
    page = queue.list_offers(actor=actor, query=dashboard_query(form))
    standing = get_standing(employer_id=employer.id, on=clock.today())
    return render_template("employer/dashboard.html", employer=employer, form=form, page=page,
                           standing=standing, new_offer_form=ActionForm(), search=search,
                           searching=is_searching(form)), 400 if form.errors else 200


@bp.route("/profile")
@employer_required
def profile() -> ResponseReturnValue:
    actor = current_actor()
    employer = employer_profile.get_employer(employer_id=actor.employer_id, actor=actor)
    return render_template("employer/profile.html", employer=employer)


@bp.route("/profile/edit", methods=["GET", "POST"])
@primary_required
def edit_profile() -> ResponseReturnValue:
    actor = current_actor()
    employer = employer_profile.get_employer(employer_id=actor.employer_id, actor=actor)
    form = ProfileForm(obj=employer, mailing_different=employer.has_mailing_address)
    if form.validate_on_submit():
        try:
            employer_profile.update_profile(
                employer_id=employer.id,
                actor=actor,
                is_primary=acting_is_primary(),
                changes=form.changes(EDITABLE_FIELDS),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The business profile is saved."), "success")
            return redirect(url_for("employer.profile"))
    return render_template("employer/edit_profile.html", form=form, employer=employer)


@bp.route("/offers/export")
@employer_required
def export_offers() -> ResponseReturnValue:
    chunks = queue.export_csv(actor=current_actor(), query=dashboard_query(),
                              lang=current_language())
    return csv_download(chunks, f"offers-{clock.today().isoformat()}.csv")


@bp.route("/history")
@employer_required
def history() -> ResponseReturnValue:
    actor = current_actor()
    page = audit_log.employer_history(actor=actor, page=request.args.get("page", 1, type=int) or 1)
    names = audit_log.names_for(actor=actor, events=page.rows)
    return render_template("employer/history.html", page=page, names=names)

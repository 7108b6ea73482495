"""The employer's home: dashboard and business profile."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from portal import clock
from portal.access import acting_access, current_actor, employer_required, primary_required
from portal.employer import bp
from portal.employer.forms import ProfileForm
from portal.forms_errors import apply_domain_error
from portal.offers.dashboard import dashboard_form, dashboard_query
from portal.offers.forms import ActionForm
from portal.services.accounts import profile as employer_profile
from portal.services.accounts.profile import EDITABLE_FIELDS
from portal.services.compliance.standing import get_standing
from portal.services.errors import DomainError
from portal.services.offers import queue


@bp.route("/")
@employer_required
def dashboard():
    actor = current_actor()
    employer = employer_profile.get_employer(employer_id=actor.employer_id, actor=actor)
    form = dashboard_form()
    page = queue.list_offers(actor=actor, query=dashboard_query(form))
    standing = get_standing(employer_id=employer.id, on=clock.today())
    return render_template("employer/dashboard.html", employer=employer, form=form, page=page,
                           standing=standing, new_offer_form=ActionForm())


@bp.route("/profile")
@employer_required
def profile():
    actor = current_actor()
    employer = employer_profile.get_employer(employer_id=actor.employer_id, actor=actor)
    return render_template("employer/profile.html", employer=employer)


@bp.route("/profile/edit", methods=["GET", "POST"])
@primary_required
def edit_profile():
    actor = current_actor()
    employer = employer_profile.get_employer(employer_id=actor.employer_id, actor=actor)
    form = ProfileForm(obj=employer)
    if form.validate_on_submit():
        try:
            employer_profile.update_profile(
                employer_id=employer.id,
                actor=actor,
                is_primary=acting_access().is_primary,  # type: ignore[union-attr]
                changes={name: form[name].data for name in EDITABLE_FIELDS},
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            flash(_("The business profile is saved."), "success")
            return redirect(url_for("employer.profile"))
    return render_template("employer/edit_profile.html", form=form, employer=employer)

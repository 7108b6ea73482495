"""API keys of the employer: list, create (the key is shown once) and revoke. Primary user only."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, primary_required
from portal.api_keys import bp
from portal.api_keys.forms import NewKeyForm, RevokeForm
from portal.forms_errors import apply_domain_error
from portal.services.api_keys import keys
from portal.services.errors import DomainError, NotFound

_FIELDS = {"scopes": "scope_read"}


@bp.route("/employer/api-keys", methods=["GET", "POST"])
@primary_required
def list_keys() -> ResponseReturnValue:
    form = NewKeyForm()
    if form.validate_on_submit():
        try:
            key, token = keys.create_key(
                actor=current_actor(), name=form.name.data, scopes=form.chosen_scopes(),
                expires_on=form.expires_on.data,
            )
        except DomainError as error:
            error.field = _FIELDS.get(error.field or "", error.field)
            apply_domain_error(form, error)
        else:
            return render_template("api_keys/created.html", key=key, token=token)
    return render_template(
        "api_keys/list_keys.html", form=form, keys=keys.list_keys(actor=current_actor()),
        revoke_form=RevokeForm(formdata=None),
    )


@bp.route("/employer/api-keys/<int:key_id>/revoke", methods=["POST"])
@primary_required
def revoke_key(key_id: int) -> ResponseReturnValue:
    if RevokeForm().validate_on_submit():
        try:
            keys.revoke_key(actor=current_actor(), key_id=key_id)
        except NotFound:
            abort(404)
        flash(_("The key was revoked. Programs using it are refused from now on."), "success")
    return redirect(url_for("api_keys.list_keys"))

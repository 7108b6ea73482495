"""The employer's webhook endpoints: list and add (the secret is shown once), an endpoint's
deliveries with replay, a test event, its events, on/off, delete. Primary user only."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from portal.access import current_actor, primary_required
from portal.forms_errors import apply_domain_error
from portal.services.errors import DomainError, NotFound
from portal.services.webhooks import delivery, endpoints
from portal.services.webhooks.addresses import UrlPolicy
from portal.webhooks import bp
from portal.webhooks.forms import ButtonForm, EnabledForm, EventsForm, NewEndpointForm

_FIELDS = {"events": "event_offer_submitted"}


def url_policy() -> UrlPolicy:
    config = current_app.config
    return UrlPolicy(https_only=bool(config["WEBHOOKS_HTTPS_ONLY"]),
                     allow_private=bool(config["WEBHOOKS_ALLOW_PRIVATE"]))


@bp.route("/employer/webhooks", methods=["GET", "POST"])
@primary_required
def list_endpoints() -> ResponseReturnValue:
    form = NewEndpointForm()
    if form.validate_on_submit():
        try:
            created = endpoints.create_endpoint(
                actor=current_actor(), url=form.url.data, events=form.chosen_events(),
                description=form.description.data or "", policy=url_policy())
        except DomainError as error:
            error.field = _FIELDS.get(error.field or "", error.field)
            apply_domain_error(form, error)
        else:
            return render_template("webhooks/created.html", endpoint=created.endpoint,
                                   secret=created.secret)
    return render_template("webhooks/list_endpoints.html", form=form,
                           endpoints=endpoints.list_endpoints(actor=current_actor()))


@bp.route("/employer/webhooks/<int:endpoint_id>", methods=["GET", "POST"])
@primary_required
def show_endpoint(endpoint_id: int) -> ResponseReturnValue:
    try:
        endpoint = endpoints.get_endpoint(actor=current_actor(), endpoint_id=endpoint_id)
    except NotFound:
        abort(404)
    form = EventsForm()
    if form.validate_on_submit():
        try:
            endpoints.update_endpoint(actor=current_actor(), endpoint_id=endpoint_id,
                                      events=form.chosen_events())
        except DomainError as error:
            error.field = _FIELDS.get(error.field or "", error.field)
            apply_domain_error(form, error)
        else:
            flash(_("The endpoint's events were saved."), "success")
            return redirect(url_for("webhooks.show_endpoint", endpoint_id=endpoint_id))
    elif not form.is_submitted():
        form.tick(endpoint.event_types)
    return render_template(
        "webhooks/show_endpoint.html", endpoint=endpoint, form=form,
        deliveries=delivery.list_deliveries(actor=current_actor(), endpoint_id=endpoint_id),
        enabled_form=EnabledForm(formdata=None), button=ButtonForm(formdata=None))


@bp.route("/employer/webhooks/<int:endpoint_id>/enabled", methods=["POST"])
@primary_required
def set_enabled(endpoint_id: int) -> ResponseReturnValue:
    form = EnabledForm()
    if form.validate_on_submit():
        enabled = form.enabled.data == "on"
        try:
            endpoints.update_endpoint(actor=current_actor(), endpoint_id=endpoint_id,
                                      enabled=enabled)
        except NotFound:
            abort(404)
        flash(_("The endpoint is on: new events are sent to it.") if enabled else
              _("The endpoint is off: nothing is sent to it."), "success")
    return redirect(url_for("webhooks.show_endpoint", endpoint_id=endpoint_id))


@bp.route("/employer/webhooks/<int:endpoint_id>/test", methods=["POST"])
@primary_required
def send_test(endpoint_id: int) -> ResponseReturnValue:
    if ButtonForm().validate_on_submit():
        try:
            delivery.send_test_event(actor=current_actor(), endpoint_id=endpoint_id)
        except NotFound:
            abort(404)
        flash(_("A test event was queued. Reload the page to see how it was delivered."),
              "success")
    return redirect(url_for("webhooks.show_endpoint", endpoint_id=endpoint_id))


@bp.route("/employer/webhooks/<int:endpoint_id>/delete", methods=["POST"])
@primary_required
def delete_endpoint(endpoint_id: int) -> ResponseReturnValue:
    if ButtonForm().validate_on_submit():
        try:
            endpoints.delete_endpoint(actor=current_actor(), endpoint_id=endpoint_id)
        except NotFound:
            abort(404)
        flash(_("The endpoint was deleted. Nothing more is sent to it."), "success")
    return redirect(url_for("webhooks.list_endpoints"))


@bp.route("/employer/webhooks/<int:endpoint_id>/deliveries/<int:delivery_id>/replay",
          methods=["POST"])
@primary_required
def replay(endpoint_id: int, delivery_id: int) -> ResponseReturnValue:
    if ButtonForm().validate_on_submit():
        try:
            delivery.replay(actor=current_actor(), delivery_id=delivery_id,
                            endpoint_id=endpoint_id)
        except NotFound:
            abort(404)
        flash(_("The event was queued again, with the same webhook-id."), "success")
    return redirect(url_for("webhooks.show_endpoint", endpoint_id=endpoint_id))

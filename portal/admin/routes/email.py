"""Email delivery, as administrators see it: every outbox message with its state (queued,
sent, failed with the reason, retried), filterable by state."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue

from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.extensions import mail
from portal.models.enums import DeliveryState
from portal.services.outbox import delivery


@bp.route("/email")
@admin_required
def email_deliveries() -> ResponseReturnValue:
    state = request.args.get("state", "")
    if state not in {s.value for s in DeliveryState}:
        state = ""
    messages = delivery.list_deliveries(actor=current_actor(), state=state or None)
    settings = mail.settings
    return render_template("admin/email.html", messages=messages, state=state,
                           states=list(DeliveryState),
                           labels={s.value: s.label for s in DeliveryState}, masked=masked,
                           smtp=settings.describe() if settings else None)


def masked(address: str) -> str:
    """"a•••@example.com": enough to tell messages apart, not the whole address."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else "•••"

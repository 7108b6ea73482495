"""The confirmation PDF's HTML and QR link, shared by the download view and the queue task
(portal/jobs/documents.py), two edges: both render the same template with the app's Jinja
environment."""

from __future__ import annotations

from flask import render_template, url_for

from portal.services.documents.confirmation import ConfirmationContext


def render_confirmation_html(context: ConfirmationContext) -> str:
    return render_template("pdf/offer_confirmation.html", doc=context)


def verification_url(number: str, code: str) -> str:
    """The public page the QR code opens (absolute: it is read by a phone)."""
    return url_for("worker.verify_offer", number=number, code=code, _external=True)

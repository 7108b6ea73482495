"""The confirmation PDF's HTML, shared by the download view and the queue task
(portal/jobs/documents.py), two edges: both render the same template with the app's Jinja
environment, in the context's language, and hand the HTML to the documents service."""

from __future__ import annotations

from flask import render_template, url_for
from flask_babel import force_locale

from portal.services.documents import confirmation as documents


def verification_page() -> str:
    """The public page the QR code opens (absolute: it is read by a phone)."""
    return url_for("worker.verify_offer", _external=True)


def render_and_store(context: documents.ConfirmationContext) -> documents.ConfirmationPdf:
    """Render the template for `context` in its language, then the PDF, and store it."""
    with force_locale(context.language):
        html = render_template("pdf/offer_confirmation.html", doc=context)
    return documents.render_confirmation(context, html)

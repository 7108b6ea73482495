"""Downloading an offer's confirmation PDF (its employer's users, and administrators).

The PDF is rendered on the first download of each offer version and language, then served from
the store (portal.services.documents). The HTML comes from templates/pdf/ rendered here with
the app's Jinja environment (autoescape on, the portal's filters and French catalogue) in the
language asked for with ?lang=en|fr (default: the user's language).
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, abort, current_app, render_template, request, url_for
from flask_babel import force_locale

from portal.access import admin_required, current_actor, employer_required
from portal.documents import bp
from portal.i18n import current_language
from portal.services.documents import confirmation
from portal.services.errors import NotFound

VERIFY_ENDPOINT = "worker.verify_offer"


@bp.route("/employer/offers/<int:offer_id>/confirmation.pdf")
@employer_required
def download_confirmation(offer_id: int) -> Response:
    return _confirmation_response(offer_id)


@bp.route("/admin/offers/<int:offer_id>/confirmation.pdf")
@admin_required
def admin_download_confirmation(offer_id: int) -> Response:
    return _confirmation_response(offer_id)


def _confirmation_response(offer_id: int) -> Response:
    language = _pdf_language()
    with force_locale(language):
        try:
            pdf = confirmation.get_offer_confirmation(
                offer_id=offer_id,
                actor=current_actor(),
                language=language,
                secret=current_app.config["SECRET_KEY"].encode("utf-8"),
                verification_url=_verification_url,
                render_html=_render_html,
            )
        except NotFound:
            abort(404)
    response = Response(pdf.data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _pdf_language() -> str:
    asked = request.args.get("lang")
    return asked if asked in current_app.config["LANGUAGES"] else current_language()


def _render_html(context: confirmation.ConfirmationContext) -> str:
    return render_template("pdf/offer_confirmation.html", doc=context)


def _verification_url(number: str, code: str) -> str:
    """The public page the QR code opens (absolute: it is read by a phone)."""
    if VERIFY_ENDPOINT in current_app.view_functions:
        return url_for(VERIFY_ENDPOINT, number=number, code=code, _external=True)
    # The worker area is not registered yet: the same URL, built by hand.
    query = urlencode({"number": number, "code": code})
    return f"{request.url_root.rstrip('/')}/verify-offer?{query}"

"""Rendering the confirmation PDFs of a submitted offer off the request path.

The submission asks for this task once it has committed; the employer's first download is then
served from the store. The download still renders on demand when the task has not run yet, and
the task does nothing for a PDF already stored (by a download or an earlier run): running it
twice, or after a consumer died in the middle of it, stores each PDF once.
"""

from __future__ import annotations

from flask import current_app

from portal.confirmation_html import render_and_store, verification_page
from portal.extensions import queue
from portal.services.documents import confirmation as documents


@queue.task("documents.render_confirmation", retries=3, retry_delay=30)
def render_confirmation(offer_id: int) -> list[str]:
    """Render and store the offer's PDF in English and French; returns the languages rendered."""
    app = current_app
    rendered = []
    # url_for(_external=True) needs a request: the QR code links to the public address.
    with app.test_request_context("/", base_url=app.config["PUBLIC_BASE_URL"]):
        for language in documents.LANGUAGES:
            context = documents.confirmation_to_render(
                offer_id=offer_id,
                language=language,
                secret=app.config["SECRET_KEY"].encode("utf-8"),
                verification_page=verification_page(),
            )
            if context is not None:
                render_and_store(context)
                rendered.append(language)
    return rendered

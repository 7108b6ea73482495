"""HTML to PDF with WeasyPrint (>= 70), locked down and fast.

Safety (docs/security.md section 2): the HTML comes from a trusted Jinja template with
autoescaping, so nothing a user typed becomes markup; on top of that the only URL fetcher
WeasyPrint gets, for the document AND the stylesheet, is `DataOnlyFetcher`, which serves
`data:` URIs and refuses everything else (file:, http:, ftp:, relative URLs...) without any
I/O and with redirects off. There is no base URL, no `presentational_hints`, no attachments,
and the stylesheet is a string. Images (the QR code) are embedded as data: URIs.

Speed: importing weasyprint takes about a second, so this module is imported lazily (on the
first render, or at worker start with `warm_up()`). The parsed stylesheet and one
FontConfiguration are built once per process and reused by every render; the QR code is a
single SVG <path>. Renders in one process are serialised with a lock, because the shared
font configuration (Pango/fontconfig) is not documented as thread-safe.

Accessibility: PDF/UA-1 (tagged PDF, document title shown, /Lang from <html lang>).
"""

from __future__ import annotations

import functools
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

CSS_PATH = Path(__file__).resolve().parents[2] / "static" / "pdf" / "offer_confirmation.css"
PDF_VARIANT = "pdf/ua-1"  # tagged, title and language set; WeasyPrint 70 supports pdf/ua-1 and -2

logger = logging.getLogger(__name__)
_render_lock = threading.Lock()


class BlockedFetch(ValueError):
    """Raised for any URL that is not a data: URI. WeasyPrint catches it, logs it and leaves
    the resource out; the render goes on."""


class DataOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint publishes no types
    """Serves data: URIs only. Every other URL is refused before any I/O, and counted."""

    blocked = 0  # process-wide count of refused URLs (tests and monitoring read it)

    def __init__(self) -> None:
        super().__init__(timeout=5, allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
        if scheme != "data":
            type(self).blocked += 1
            # Log the scheme only: the URL itself may carry what a user typed.
            logger.warning("pdf.fetch_blocked scheme=%s", scheme[:10] or "(relative)")
            raise BlockedFetch("external resources are not allowed in PDF documents")
        return super().fetch(url, headers)


@dataclass(frozen=True)
class _Engine:
    fetcher: DataOnlyFetcher
    font_config: FontConfiguration
    stylesheet: CSS


@functools.cache
def _engine() -> _Engine:
    fetcher = DataOnlyFetcher()
    font_config = FontConfiguration()
    stylesheet = CSS(
        string=CSS_PATH.read_text(encoding="utf-8"), font_config=font_config, url_fetcher=fetcher
    )
    return _Engine(fetcher=fetcher, font_config=font_config, stylesheet=stylesheet)


def warm_up() -> None:
    """Parse the stylesheet and load fonts now (e.g. at worker start), not on a request."""
    _engine()


def html_to_pdf(html: str) -> bytes:
    """The PDF for `html` (a complete document from a trusted template), tagged PDF/UA-1."""
    engine = _engine()
    with _render_lock:
        document = HTML(string=html, base_url=None, url_fetcher=engine.fetcher)
        pdf: bytes = document.write_pdf(
            stylesheets=[engine.stylesheet],
            font_config=engine.font_config,
            pdf_variant=PDF_VARIANT,
        )
        return pdf

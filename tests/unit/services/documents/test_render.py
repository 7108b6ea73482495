"""The PDF renderer's lock-down: data: URIs only, whatever the HTML asks for."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import weasyprint
from packaging.version import Version
from pypdf import PdfReader

from portal.services.documents.render import BlockedFetch, DataOnlyFetcher, html_to_pdf
from tests.documents_helpers import Canary, hostile_payloads, pdf_text


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


def test_weasyprint_is_at_least_70():
    # 70 fixed the fetcher bypass through write_pdf(stylesheets=[url]) (GHSA-r543-q48m-4c9j).
    assert Version(weasyprint.__version__) >= Version("70")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://127.0.0.1:1/",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.com/",
        "ftp://x/",
        "//evil.example/a.png",
        "relative.png",
        " file:///etc/passwd",
    ],
)
def test_fetcher_refuses_everything_but_data_uris(url):
    before = DataOnlyFetcher.blocked

    with pytest.raises(BlockedFetch):
        DataOnlyFetcher().fetch(url)

    assert DataOnlyFetcher.blocked == before + 1


def test_fetcher_serves_data_uris():
    response = DataOnlyFetcher().fetch("data:text/plain,ok")
    assert response.read() == b"ok"


def test_fetcher_refuses_before_any_request(canary):
    with pytest.raises(BlockedFetch):
        DataOnlyFetcher().fetch(f"http://127.0.0.1:{canary.port}/x")
    assert canary.hits == []


def test_renderer_fetches_nothing_even_from_raw_hostile_html(canary):
    """Second layer: the markup is NOT escaped here, so WeasyPrint does try to load every
    resource; the fetcher refuses them all and the canary sees no request."""
    before = DataOnlyFetcher.blocked
    body = "".join(hostile_payloads(canary.port))
    body += '<svg><image href="file:///etc/hostname"/></svg>'
    html = f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{body}<p>end'

    pdf = html_to_pdf(html)

    assert canary.hits == []
    assert DataOnlyFetcher.blocked > before
    assert PdfReader(io.BytesIO(pdf)).attachments == {}
    assert "root:" not in pdf_text(pdf)



"""Submitted offers for the PDF tests, built directly as the submission leaves them (pending,
numbered, fee paid or exempt), and readers for the PDF: text per page and the QR code."""

from __future__ import annotations

import base64
import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pypdf import PdfReader

from portal.extensions import db
from portal.models import (
    Employer,
    FeeStatus,
    Offer,
    OfferLocation,
    OfferStatus,
    Payment,
    PaymentResult,
)
from portal.services.offers.drafts import ATTESTATION_IDS

_SEQUENCE = iter(range(1_000_000, 9_999_999, 7919))


def submitted_offer(employer: Employer, *, paid: bool = True, **overrides: Any) -> Offer:
    """A pending offer with every section filled in, committed."""
    number = f"A{next(_SEQUENCE):07d}"
    values: dict[str, Any] = {
        "employer_id": employer.id,
        "number": number,
        "status": OfferStatus.PENDING,
        "version": 2,
        "code_key": "C10",
        "explanation": "Brings significant benefit.",
        "worker_family_name": "DUBOIS",
        "worker_given_names": "Marie Claire",
        "worker_sex": "F",
        "worker_date_of_birth": date(1990, 5, 17),
        "worker_country_of_birth": "FR",
        "worker_citizenship": "FR",
        "worker_residence_country": "FR",
        "worker_passport_number": "19FX98765",
        "worker_passport_expiry": date(2031, 1, 1),
        "job_title": "Senior software developer",
        "noc_code": "21231",
        "teer": 1,
        "duties": "Design and build the booking platform; review code; mentor two developers.",
        "start_date": date(2027, 2, 1),
        "end_date": date(2029, 1, 31),
        "hours_per_week": Decimal("37.50"),
        "full_time": True,
        "wage_cents": 5250,
        "wage_unit": "hour",
        "overtime": "1.5 times the hourly wage after 40 hours.",
        "vacation": "3 weeks",
        "benefit_health": True,
        "benefit_dental": True,
        "attestations": list(ATTESTATION_IDS),
        "attested_at": datetime(2026, 11, 20, 15, 0, tzinfo=UTC),
        "fee_status": FeeStatus.PAID if paid else FeeStatus.EXEMPT,
        "fee_exemption_reason": None if paid else "The employer is a registered charity.",
        "submitted_at": datetime(2026, 11, 20, 15, 5, tzinfo=UTC),
    }
    values.update(overrides)
    offer = Offer(**values)
    offer.locations.append(
        OfferLocation(position=1, address_line1="200 Rue Principale", city="Gatineau",
                      province="QC", postal_code="J8X 1A1")
    )
    db.session.add(offer)
    db.session.flush()
    if paid:
        db.session.add(Payment(
            offer_id=offer.id, amount_cents=23000, card_brand="visa", card_last4="4242",
            result=PaymentResult.SUCCEEDED, receipt_number=f"R{offer.id:010d}",
            idempotency_key=f"test-key-{number}-0000",
        ))
    db.session.commit()
    return offer


def pdf_pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def qr_image_svg(html: str) -> str:
    """The SVG of the (only) data: image in the rendered HTML."""
    uris = re.findall(r'src="(data:image/svg\+xml;base64,[^"]+)"', html)
    assert len(uris) == 1, uris
    return base64.b64decode(uris[0].split(",", 1)[1]).decode("utf-8")


def qr_matrix_from_svg(svg: str) -> list[list[int]]:
    """Read the modules back from segno's one-<path> SVG (moves "M x y"/"m dx dy" and
    horizontal runs "h n" at half-module y offsets), including the quiet zone."""
    found_width = re.search(r'width="(\d+)"', svg)
    found_height = re.search(r'height="(\d+)"', svg)
    assert found_width and found_height, "the SVG names its width and height"
    width, height = int(found_width.group(1)), int(found_height.group(1))
    paths = re.findall(r'<path[^>]* d="([^"]+)"', svg)
    assert len(paths) == 1, "the QR code must be one <path>"
    grid = [[0] * width for _ in range(height)]
    x = y = 0.0
    for op, args in re.findall(r"([MmHh])([^MmHh]*)", paths[0]):
        numbers = [float(n) for n in args.replace(",", " ").split()]
        if op == "M":
            x, y = numbers
        elif op == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            length = numbers[0] if op == "h" else numbers[0] - x
            row = int(y - 0.5)
            for col in range(int(x), int(x + length)):
                grid[row][col] = 1
            x += length
    return grid


class Canary:
    """An HTTP server on 127.0.0.1 that counts every request it receives."""

    def __init__(self) -> None:
        import http.server
        import threading

        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.end_headers()
                self.wfile.write(b"body { color: red }")

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def hostile_payloads(port: int) -> list[str]:
    base = f"http://127.0.0.1:{port}"
    return [
        '<img src="file:///etc/passwd">',
        '<link rel="attachment" href="file:///etc/passwd">',
        f'<div style="background: url({base}/css-url)">x</div>',
        f"<style>@import url({base}/x.css)</style>",
        f'<iframe src="{base}/frame"></iframe>',
        f'<img src="{base}/img.png">',
        f'<link rel="stylesheet" href="{base}/s.css">',
        f'<svg><image href="{base}/svg.png"/></svg>',
        f'<object data="{base}/object"></object>',
    ]


def squeeze(text: str) -> str:
    """Text without whitespace: PDF extraction breaks long lines where the layout wrapped."""
    return re.sub(r"\s+", "", text)

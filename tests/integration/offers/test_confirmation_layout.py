"""The confirmation PDF's layout (issue 13 item 24): the usual offer fits two pages in English
and French, no page starts with a table row cut from its section, the verification address is
a link annotation, and it prints on its own lines under the QR code, inside the code's column."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from portal.extensions import db
from portal.rules.numbers import verification_code
from tests.documents_helpers import submitted_offer

# The section headings of the PDF, by language: every page after the first starts with one.
HEADINGS = {
    "en": {"Employer", "Foreign worker", "Job", "Wages and benefits", "LMIA exemption code",
           "Employer compliance fee", "Attestations accepted", "What the worker does next"},
    "fr": {"Employeur", "Travailleur étranger", "Emploi", "Salaire et avantages sociaux",
           "Code de dispense d'EIMT", "Frais relatifs à la conformité de l'employeur",
           "Attestations acceptées", "Prochaines étapes pour le travailleur"},
}
# The running banner and footer, printed on every page (not part of the flow).
RUNNING = ("SIMULATOR", "SIMULATEUR", "not issued by the Government", "Offer number A",
           "Numéro d'offre A", "gouvernement du Canada", "has no legal value", "Page ")


NOTICE = "To check this document, scan the QR code"


def pdf(client, offer, lang: str) -> PdfReader:
    response = client.get(f"/employer/offers/{offer.id}/confirmation.pdf?lang={lang}")
    assert response.status_code == 200
    return PdfReader(io.BytesIO(response.data))


def first_flow_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    flow = [line for line in lines if not any(line.startswith(r) or r in line for r in RUNNING)]
    return flow[0] if flow else ""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_usual_offer_fits_on_two_pages(client, signed_in, lang):
    reader = pdf(client, submitted_offer(signed_in.employer), lang)

    assert len(reader.pages) == 2


def with_mailing_address(employer):
    """The profile's longest usual form: every business detail and a separate mailing address."""
    employer.mailing_address_line1 = "PO Box 4567, Station A"
    employer.mailing_city, employer.mailing_province = "Ottawa", "ON"
    employer.mailing_postal_code = "K1N 8Z4"
    db.session.commit()
    return employer


# Issue 13 item 27: the business details and the whole primary contact, as the profile holds
# them, in each language.
BUSINESS_ROWS = {
    "en": ("Mailing address PO Box 4567, Station A, Ottawa (Ontario) K1N 8Z4",
           "Telephone 613-555-0100", "Number of employees in Canada 25",
           "Gross annual revenue $1,250,000.00", "Date the business started April 1, 2015",
           "Principal business activity Software development",
           "Primary contact Pat Contact, Human resources manager – 613-555-0101,"),
    "fr": ("Adresse postale PO Box 4567, Station A, Ottawa (Ontario) K1N 8Z4",
           "Téléphone 613-555-0100", "Nombre d'employés au Canada 25",
           "Recettes annuelles brutes 1 250 000,00 $",
           "Activité principale de l'entreprise Software development",
           "Personne-ressource principale Pat Contact, Human resources manager – 613-555-0101,"),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_business_details_and_the_whole_contact_still_fit_on_two_pages(
        client, signed_in, lang):
    reader = pdf(client, submitted_offer(with_mailing_address(signed_in.employer)), lang)

    assert len(reader.pages) == 2
    first = " ".join(reader.pages[0].extract_text().replace("\xa0", " ").split())
    for row in BUSINESS_ROWS[lang]:
        assert " ".join(row.replace("\xa0", " ").split()) in first, row
    assert signed_in.employer.contact_email in first
    for number, page in enumerate(reader.pages[1:], start=2):
        assert first_flow_line(page.extract_text()) in HEADINGS[lang], number


def test_a_profile_without_the_business_details_says_so(client, signed_in):
    """An employer registered before the profile asked them (migration 0024)."""
    employer = signed_in.employer
    offer = submitted_offer(employer)
    employer.employees_in_canada = employer.gross_annual_revenue_cents = None
    employer.business_started_on = employer.principal_activity = None
    employer.contact_job_title = employer.contact_phone = None
    db.session.commit()
    text = " ".join(pdf(client, offer, "en").pages[0].extract_text().split())

    assert "Number of employees in Canada Not given" in text
    assert "Principal business activity Not given" in text
    assert f"Primary contact Pat Contact – {employer.contact_email}" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_later_page_starts_with_a_section_heading(client, signed_in, lang):
    """A section's table stays with its heading: no page opens on a lone row (such as "Hours
    per week") or on the last attestation."""
    reader = pdf(client, submitted_offer(signed_in.employer), lang)

    for number, page in enumerate(reader.pages[1:], start=2):
        first = first_flow_line(page.extract_text())
        assert first in HEADINGS[lang], f"page {number} starts with {first!r}"


def test_the_headings_the_check_expects_are_the_pdfs(client, signed_in):
    """The check above reads the real headings (a renamed one would make it vacuous)."""
    offer = submitted_offer(signed_in.employer)
    for lang in ("en", "fr"):
        lines = {line.strip() for page in pdf(client, offer, lang).pages
                 for line in page.extract_text().splitlines()}
        assert HEADINGS[lang] <= lines, HEADINGS[lang] - lines


def link_uris(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Subtype") == "/Link" and action and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_verification_address_is_a_link(client, signed_in, app, lang):
    offer = submitted_offer(signed_in.employer)
    code = verification_code(offer.number, app.config["SECRET_KEY"].encode("utf-8"))

    uris = link_uris(pdf(client, offer, lang))

    # One annotation per printed line of the address, each opening the whole address.
    assert uris and set(uris) == {
        f"http://localhost/verify-offer?number={offer.number}&code={code}"
    }


def test_the_address_prints_under_the_code_inside_its_column(client, signed_in, app):
    """Each line of the address starts inside the QR code's column (the right-hand 44 mm of
    the text area) and below the printed verification code, so it never runs into the QR
    code or the offer's details; the lines together spell the whole address."""
    offer = submitted_offer(signed_in.employer)
    code = verification_code(offer.number, app.config["SECRET_KEY"].encode("utf-8"))
    address = f"http://localhost/verify-offer?number={offer.number}&code={code}"
    page = pdf(client, offer, "en").pages[0]
    pieces: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):  # x, y in PDF points from the page's bottom left
        if text.strip():
            pieces.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    width = float(page.mediabox.width)
    column_left = width - (16 + 44) / 25.4 * 72  # right margin 16 mm, column 44 mm
    code_y = next(y for text, _, y in pieces if text == f"{code[:5]}-{code[5:]}")
    notice_y = next(y for text, _, y in pieces if text.startswith(NOTICE))
    under_code = sorted(((text, x, y) for text, x, y in pieces if notice_y < y < code_y),
                        key=lambda piece: -piece[2])
    in_column = [text for text, x, _ in under_code if x >= column_left - 1]
    assert "".join(in_column) == address  # whole, in order, on lines of its own
    outside = [text for text, x, _ in under_code if x < column_left - 1]
    assert outside and not [text for text in outside if text in address]

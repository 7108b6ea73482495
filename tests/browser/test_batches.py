"""Offers from a spreadsheet in the browser (issue 18's done-when), in English and French: from
the dashboard, download the template (Excel, headers in the page's language), fill 20 rows with
openpyxl (two of them wrong), upload, see the two rows' errors, fix them, upload again, confirm
with the attestations, pay and submit all, and end with 20 pending offers, each with its number
and its confirmation PDF. Every page passes axe and the other page checks."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from playwright.sync_api import FilePayload, expect

from portal.services.batches.columns import COLUMN_KEYS
from portal.services.offers.drafts import ATTESTATION_IDS
from tests.batches_helpers import good_row
from tests.browser.journey import Journey
from tests.browser.offer_flows import employer_signed_in

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _template_header(journey: Journey) -> list[str]:
    page = journey.page
    with page.expect_download() as download_info:
        page.locator(f"main a[href$='/template.xlsx?lang={journey.lang}']").click()
    download = download_info.value
    assert download.suggested_filename == f"offers-template-{journey.lang}.xlsx"
    data = Path(download.path()).read_bytes()
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    assert sheet is not None
    header = [str(cell.value) for cell in next(sheet.iter_rows(max_row=1))]
    assert len(header) == len(COLUMN_KEYS)
    return header


def _filled(header: list[str], rows: list[dict[str, str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append([row[key] for key in COLUMN_KEYS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(journey: Journey, name: str, data: bytes) -> None:
    journey.remember(name)
    journey.page.set_input_files("#file", FilePayload(name=name, mimeType=XLSX, buffer=data))
    journey.click("#check")
    expect(journey.page).to_have_url(re.compile(r"/employer/batches/\d+$"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_twenty_offers_from_a_spreadsheet(make_journey, lang):
    journey = make_journey(lang)
    page = journey.page
    employer_signed_in(journey)
    journey.click("main a[href$='/employer/batches/']")
    header = _template_header(journey)
    rows = [good_row(i, worker_family_name=f"Lefebvre{lang}{i}",
                     worker_passport_number=f"{lang.upper()}{i:07d}") for i in range(1, 21)]
    wrong = {4: {"worker_citizenship": "France"}, 11: {"end_date": "2020-01-01"}}
    for index, change in wrong.items():
        rows[index] = {**rows[index], **change}
    _upload(journey, f"equipe-{lang}.xlsx", _filled(header, rows))

    errors = page.locator("main table tbody tr:has(td ul)")
    expect(errors).to_have_count(2)
    expect(errors.nth(0).locator("td").first).to_have_text("6")  # row 5 is the sheet's row 6
    expect(errors.nth(1).locator("td").first).to_have_text("13")
    expect(errors.nth(0)).to_contain_text("FR")  # the message names the two-letter code
    expect(page.locator("main a[href$='/errors.csv']")).to_be_visible()

    for index in wrong:
        rows[index] = {key: value for key, value in good_row(index + 1).items()} | {
            "worker_family_name": f"Lefebvre{lang}{index + 1}",
            "worker_passport_number": f"{lang.upper()}{index + 1:07d}"}
    journey.click("main a[href$='/employer/batches/'] >> nth=-1")  # upload the corrected file
    _upload(journey, f"equipe-{lang}-corrigee.xlsx", _filled(header, rows))
    expect(page.locator("main table tbody tr")).to_have_count(20)
    expect(page.locator("main table tbody tr:has(td ul)")).to_have_count(0)

    for key in ATTESTATION_IDS:
        page.locator(f"#attest_{key}").check()
    journey.click("#confirm")
    expect(page.locator("main table tbody tr")).to_have_count(20)
    journey.click("#pay_all")
    offers = page.locator("main table tbody tr")
    expect(offers).to_have_count(20)
    numbers = [offers.nth(i).locator("td").nth(2).inner_text().strip() for i in range(20)]
    assert all(re.fullmatch(r"[A-Z]\d{7}", number) for number in numbers), numbers
    assert len(set(numbers)) == 20
    pdfs = page.locator("main table tbody a[href*='/confirmation.pdf']")
    expect(pdfs).to_have_count(20)
    pdf = page.context.request.get(journey.server.url(pdfs.first.get_attribute("href") or ""))
    assert pdf.status == 200 and pdf.body()[:4] == b"%PDF"
    journey.finish()

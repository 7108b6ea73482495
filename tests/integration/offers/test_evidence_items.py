"""The evidence page's "What the file shows" lists only what the employer provides (issue 13
item 11): not the offer number or the fee receipt (the portal makes them), nor the worker's
passport (the worker sends it with the application)."""

from __future__ import annotations

import io
import re
from html import unescape

from portal.rules.codes import employer_codes
from tests.files import PDF
from tests.offers_helpers import complete_draft


def options(response) -> list[str]:
    html = response.get_data(as_text=True)
    select = re.search(r'<select[^>]*id="item_id".*?</select>', html, re.S)
    assert select, "no item list"
    return [unescape(v) for v in re.findall(r'value="([^"]*)"', select.group(0)) if v]


def test_the_list_offers_only_what_the_employer_provides(client, signed_in):
    offer = complete_draft(signed_in)
    for lang in ("en", "fr"):
        response = client.get(f"/employer/offers/{offer.id}/evidence?lang={lang}")
        items = options(response)
        assert items == ["employer-s-explanation-of-how-the",
                         "evidence-of-significant-social-cultural-or"]
        page = response.get_data(as_text=True)
        assert "must match the offer" not in page and "doivent correspondre" not in page


def test_an_item_the_employer_cannot_provide_is_refused(client, signed_in):
    offer = complete_draft(signed_in)
    response = client.post(
        f"/employer/offers/{offer.id}/evidence",
        data={"item_id": "valid-passport-bio-data-page-passport",
              "file": (io.BytesIO(PDF), "passport.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200


def test_no_code_asks_the_employer_for_the_portals_or_the_workers_documents():
    for entry in employer_codes():
        ids = {item.id for item in entry.employer_evidence}
        assert not ids & {"offer-of-employment-number-a-7", "valid-passport-bio-data-page-passport",
                          "employer-compliance-fee-receipt-230-or"}, entry.key

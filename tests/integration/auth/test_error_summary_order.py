"""The error summary lists the errors in the order of the fields on the page (issue 13 item
19): a user working down the summary moves down the form, never back up."""

from __future__ import annotations

import re

import pytest


def summary_targets(html: str) -> list[str]:
    summary = html[html.index('id="error-summary"'):html.index("</div>", html.index(
        'id="error-summary"'))]
    return re.findall(r'<a href="#([^"]+)"', summary)


def page_order(html: str, ids: list[str]) -> list[str]:
    form = html[html.index("<form"):]
    return sorted(set(ids), key=lambda name: form.index(f'id="{name}"'))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_registration_summary_follows_the_page(client, language):
    client.get(f"/register?lang={language}")
    html = client.post("/register", data={"address_line2": "", "business_number": "12",
                                          "email": "nobody"}).get_data(as_text=True)
    targets = summary_targets(html)
    assert {"legal_name", "business_number", "business_type", "email", "password"} <= set(targets)
    assert targets == page_order(html, targets)
    assert targets.index("operating_name") < targets.index("business_number") \
        < targets.index("business_type")

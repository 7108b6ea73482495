"""No page repeats an element id (issue 13 item 21; vnu and axe both flag it): a page with
several forms (the admin's employer page: revoke, grant, lift, ban; an offer's actions) must not
render csrf_token or submit twice."""

from __future__ import annotations

import re
from collections import Counter

from portal.extensions import db
from tests.admin_helpers import NOW, admin_client
from tests.factories import EmployerFactory
from tests.offers_helpers import complete_draft

TODAY = NOW.date().isoformat()


def duplicate_ids(html: str) -> list[str]:
    counts = Counter(re.findall(r'\bid="([^"]+)"', html))
    return sorted(name for name, n in counts.items() if n > 1)


def test_the_admin_employer_page_with_every_form_has_unique_ids(app):
    client = admin_client(app)
    employer = EmployerFactory(operating_name="Embassy of Ruritania")
    db.session.commit()
    base = f"/admin/employers/{employer.id}"
    client.post(f"{base}/exemptions", data={
        "category": "diplomatic_or_consular_mission", "legal_basis": "R209.9",
        "effective_date": TODAY, "expiry_date": "", "note": ""})
    client.post(f"{base}/bans", data={"reason": "Refused an inspection",
                                       "reason_fr": "A refusé une inspection", "start_date": TODAY})
    html = client.get(base).get_data(as_text=True)
    # four forms: revoke, grant, lift, ban
    assert "Revoke the exemption" in html and "Lift the ban" in html
    assert duplicate_ids(html) == []
    # a failed post shows both forms and their error summaries again
    html = client.post(f"{base}/bans", data={"reason": ""}).get_data(as_text=True)
    assert duplicate_ids(html) == []


def test_employer_pages_with_several_forms_have_unique_ids(client, signed_in):
    draft = complete_draft(signed_in)
    for path in ("/employer/", f"/employer/offers/{draft.id}/review",
                 f"/employer/offers/{draft.id}/evidence", "/employer/team", "/account/security"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert duplicate_ids(response.get_data(as_text=True)) == [], path

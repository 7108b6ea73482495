"""The public list of non-compliant employers: a ban an administrator records appears with the
business, the reason, the period and the penalty, no personal data, until it ends."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent
from portal.services.compliance.standing import get_standing
from tests.admin_helpers import NOW, admin_client
from tests.factories import EmployerFactory

TODAY = NOW.date()


def _actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_ban_form_asks_for_the_reason_in_both_languages(app):
    client = admin_client(app)
    employer = EmployerFactory()
    page = client.get(f"/admin/employers/{employer.id}").get_data(as_text=True)
    assert 'name="reason"' in page and 'name="reason_fr"' in page
    for language, message in (
        ("en", "Give the reason for the finding in French too: the French public list shows it."),
        ("fr", "Indiquez aussi la raison de la conclusion en français : la liste publique en "
               "français l&#39;affiche."),
    ):
        response = client.post(f"/admin/employers/{employer.id}/bans?lang={language}", data={
            "reason": "Refused an inspection", "reason_fr": "   ",
            "start_date": TODAY.isoformat()})
        html = response.get_data(as_text=True)
        assert response.status_code == 400 and message in html
        assert "Refused an inspection" in html  # what the administrator typed is kept
    assert not get_standing(employer_id=employer.id, on=TODAY).banned


def test_ban_appears_on_the_public_list_until_it_ends(app):
    client = admin_client(app)
    employer = EmployerFactory(operating_name="Shady Orchards")
    response = client.post(
        f"/admin/employers/{employer.id}/bans",
        data={
            "reason": "Wages lower than those in the offer",
            "reason_fr": "Salaires inférieurs à ceux de l'offre",
            "start_date": TODAY.isoformat(),
            "end_date": (TODAY + timedelta(days=364)).isoformat(),
            "penalty": "7500.00",
        },
    )
    assert response.status_code == 302
    assert get_standing(employer_id=employer.id, on=TODAY).banned
    assert _actions()[-1] == "compliance.ban_recorded"
    anonymous = app.test_client()
    html = anonymous.get("/non-compliant-employers").get_data(as_text=True)
    assert "Shady Orchards" in html and "Wages lower than those in the offer" in html
    assert "$7,500.00" in html
    assert employer.contact_email not in html and employer.contact_name not in html
    french = anonymous.get("/non-compliant-employers?lang=fr").get_data(as_text=True)
    assert "Salaires inférieurs à ceux de l&#39;offre" in french
    assert "Wages lower than those in the offer" not in french
    clock.advance(timedelta(days=365))
    assert "Shady Orchards" not in anonymous.get("/non-compliant-employers").get_data(as_text=True)

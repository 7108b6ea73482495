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


def test_ban_appears_on_the_public_list_until_it_ends(app):
    client = admin_client(app)
    employer = EmployerFactory(operating_name="Shady Orchards")
    response = client.post(
        f"/admin/employers/{employer.id}/bans",
        data={
            "reason": "Wages lower than those in the offer",
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
    clock.advance(timedelta(days=365))
    assert "Shady Orchards" not in anonymous.get("/non-compliant-employers").get_data(as_text=True)

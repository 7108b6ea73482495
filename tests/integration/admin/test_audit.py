"""The audit log: the hash chain holds on a clean log and breaks at a row changed behind the
application's back; admins filter, paginate and export it."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select, text

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit.verify import verify_chain
from tests.admin_helpers import NOW, enrolled_admin, sign_in_admin
from tests.factories import EmployerFactory


def _events(n: int, employer_id: int | None = None) -> None:
    for i in range(n):
        audit.record(
            "test.event",
            actor=Actor(user_id=None, employer_id=employer_id, representative_user_id=None),
            object_type="thing",
            object_id=i,
        )
    db.session.commit()


def test_verify_passes_on_a_clean_log_and_finds_a_changed_row(app, runner):
    employer = EmployerFactory()
    _events(5, employer.id)
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0 and "intact" in result.output
    target = db.session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)).all()[2]
    # A change made with raw SQL, behind the application's back.
    db.session.execute(
        text("UPDATE audit_event SET object_id = 'forged' WHERE id = :id"), {"id": target}
    )
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"broken at event {target}" in result.output


def test_representative_column_is_covered_by_the_hash(app):
    employer = EmployerFactory()
    audit.record(
        "test.event",
        actor=Actor(user_id=None, employer_id=employer.id, representative_user_id=None),
    )
    db.session.commit()
    assert verify_chain().ok
    db.session.execute(text("UPDATE audit_event SET on_behalf_of_employer_id = NULL"))
    db.session.commit()
    assert not verify_chain().ok


def test_admin_filters_paginates_and_exports(app):
    clock.freeze(NOW)
    client = app.test_client()
    sign_in_admin(client, enrolled_admin())
    first, second = EmployerFactory(), EmployerFactory()
    _events(55, first.id)
    _events(2, second.id)
    html = client.get(f"/admin/audit?employer_id={first.id}").get_data(as_text=True)
    assert "55 events found." in html and "Page 1 of 2" in html
    assert "Page 2 of 2" in client.get(f"/admin/audit?employer_id={first.id}&page=2").get_data(
        as_text=True
    )
    assert "2 events found." in client.get(
        f"/admin/audit?employer_id={second.id}&action=test."
    ).get_data(as_text=True)
    tomorrow = (NOW + timedelta(days=1)).date().isoformat()
    assert "0 events found." in client.get(f"/admin/audit?date_from={tomorrow}").get_data(
        as_text=True
    )
    # Bad filter input is reported next to the field, not a 500.
    response = client.get("/admin/audit?date_from=yesterday")
    assert response.status_code == 200 and "Enter a date like 2026-11-24." in response.get_data(
        as_text=True
    )

    response = client.get(f"/admin/audit.csv?employer_id={second.id}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == 2 and {r["employer_id"] for r in rows} == {str(second.id)}
    assert rows[0]["hash"] and rows[1]["prev_hash"] == rows[0]["hash"]


def test_the_log_names_people_and_employers_and_employers_see_only_their_team(app):
    """Issue 13 item 25: the audit log showed user numbers where an admin needs names."""
    from tests.conftest import TEST_PASSWORD
    from tests.factories import UserFactory

    clock.freeze(NOW)
    user = UserFactory(full_name="Jordan Lee")
    outsider = UserFactory(full_name="Riley Outsider")
    admin = enrolled_admin()
    for who in (user, admin, outsider):
        audit.record("test.event", actor=Actor(user_id=who.id, employer_id=user.employer_id,
                                                representative_user_id=None))
    db.session.commit()
    officer = app.test_client()
    sign_in_admin(officer, admin)
    page = officer.get("/admin/audit").get_data(as_text=True)
    assert f"Jordan Lee ({user.email})" in page and f"Riley Outsider ({outsider.email})" in page
    assert f"{admin.full_name} ({admin.email})" in page

    employer = app.test_client()
    employer.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})
    history = employer.get("/employer/history").get_data(as_text=True)
    assert "Jordan Lee" in history and user.email not in history
    assert "An administrator" in history and admin.email not in history
    assert "Riley Outsider" not in history and f"User {outsider.id}" in history

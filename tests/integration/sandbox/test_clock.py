"""The sandbox clock (issue 17 item 1): `flask sandbox clock` and the admin page move simulated
time forwards, never backwards; what the rules date follows it (a periodic task included),
while a signed-in session keeps real time; the banner says the simulated date; a configuration
with the clock off (production) refuses every move."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, SandboxClock
from tests.admin_helpers import NOW, admin_client
from tests.factories import UserFactory
from tests.inspections_helpers import PENALTY, decided
from tests.integration.jobs.test_penalty_default import defaults_told, run_task

TODAY = NOW.date()


@pytest.fixture
def sandbox(make_app):
    app = make_app(SANDBOX_CLOCK_ENABLED=True)
    with app.app_context():
        clock.freeze(NOW)
        yield app
        db.session.rollback()


def moves() -> int:
    return db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "sandbox.clock_moved")) or 0


def test_the_command_moves_business_time_forwards_and_keeps_real_time(sandbox):
    runner = sandbox.test_cli_runner()
    result = runner.invoke(args=["sandbox", "clock", "advance", "--days", "10"])
    assert result.exit_code == 0, result.output
    assert f"simulated date: {(TODAY + timedelta(days=10)).isoformat()}" in result.output
    assert clock.today() == TODAY + timedelta(days=10)
    assert clock.real_now() == NOW  # sessions, rate limits and TOTP steps do not move
    result = runner.invoke(args=["sandbox", "clock", "set", "2027-03-01"])
    assert result.exit_code == 0, result.output
    assert clock.today().isoformat() == "2027-03-01"
    assert db.session.get(SandboxClock, 1).offset_seconds == (
        (clock.today() - TODAY).days * 86_400)
    assert moves() == 2
    shown = runner.invoke(args=["sandbox", "clock", "show"])
    assert "simulated date: 2027-03-01" in shown.output and TODAY.isoformat() in shown.output


def test_time_never_moves_backwards(sandbox):
    runner = sandbox.test_cli_runner()
    runner.invoke(args=["sandbox", "clock", "advance", "--days", "30"])
    back = runner.invoke(args=["sandbox", "clock", "set", TODAY.isoformat()])
    assert back.exit_code != 0
    assert "never moves backwards" in back.output
    zero = runner.invoke(args=["sandbox", "clock", "advance", "--days", "0"])
    assert zero.exit_code != 0 and "from 1 to 3660" in zero.output
    assert clock.today() == TODAY + timedelta(days=30) and moves() == 1


def test_a_configuration_with_the_clock_off_refuses_every_move(make_app):
    app = make_app(SANDBOX_CLOCK_ENABLED=False)
    with app.app_context():
        clock.freeze(NOW)
        result = app.test_cli_runner().invoke(args=["sandbox", "clock", "advance", "--days", "3"])
        assert result.exit_code != 0 and "SANDBOX_CLOCK_ALLOWED=1" in result.output
        client = admin_client(app)
        page = client.post("/admin/sandbox/clock/advance?lang=fr", data={"days": "3"})
        assert page.status_code == 400
        assert "L’horloge du bac à sable est désactivée" in page.get_data(as_text=True)
        assert clock.today() == TODAY and moves() == 0


def test_the_production_config_keeps_the_clock_off_unless_allowed(monkeypatch):
    import importlib

    import config

    monkeypatch.delenv("SANDBOX_CLOCK_ALLOWED", raising=False)
    assert importlib.reload(config).ProductionConfig.SANDBOX_CLOCK_ENABLED is False
    monkeypatch.setenv("SANDBOX_CLOCK_ALLOWED", "1")
    assert importlib.reload(config).ProductionConfig.SANDBOX_CLOCK_ENABLED is True
    monkeypatch.delenv("SANDBOX_CLOCK_ALLOWED")
    importlib.reload(config)


def test_the_admin_page_moves_time_and_the_banner_says_so_while_the_session_lives(sandbox):
    client = admin_client(sandbox)
    assert "simulated-day" not in client.get("/admin/").get_data(as_text=True)
    moved = client.post("/admin/sandbox/clock/advance", data={"days": "40"})
    assert moved.status_code == 302
    # 40 simulated days later the administrator is still signed in: sessions keep real time.
    page = client.get("/admin/sandbox/clock?lang=fr")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    later = TODAY + timedelta(days=40)
    assert "Date simulée : 3 janvier 2027" in html and "24 novembre 2026" in html
    assert later.isoformat() == "2027-01-03"
    english = client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Simulated date: January 3, 2027 (real date: November 24, 2026)." in english
    # The flash writes the day out too, "1er" for the first of the month in French.
    client.post("/admin/sandbox/clock/advance?lang=fr", data={"days": "29"})
    assert "1er février 2027" in client.get("/admin/sandbox/clock?lang=fr").get_data(as_text=True)


def test_the_admin_page_refuses_a_day_in_the_past_next_to_the_field(sandbox):
    client = admin_client(sandbox)
    client.post("/admin/sandbox/clock/advance", data={"days": "5"})
    refused = client.post("/admin/sandbox/clock/set?lang=fr", data={"day": "2026-11-25"})
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "Le temps simulé ne recule jamais" in html and 'value="2026-11-25"' in html
    bad = client.post("/admin/sandbox/clock/advance", data={"days": "dix"})
    assert bad.status_code == 400
    assert "Inscrivez un nombre entier de jours de 1 à 3\xa0660." in bad.get_data(as_text=True)
    assert clock.today() == TODAY + timedelta(days=5)


def test_a_periodic_task_follows_the_simulated_date(sandbox):
    user = UserFactory(preferred_language="en")
    _, _, inspection, _ = decided(PENALTY, user)  # decided after the reply period: frozen later
    run_task()
    assert defaults_told(user) == []
    days = (inspection.penalty_due_on - clock.today()).days + 1
    sandbox.test_cli_runner().invoke(args=["sandbox", "clock", "advance", "--days", str(days)])
    run_task()
    [message] = defaults_told(user)
    assert "It is now in default." in message.body

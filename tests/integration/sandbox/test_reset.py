"""`flask sandbox reset --yes` (issue 17 item 2): every table emptied, then the demo seed, so the
database is in the demo state; refused without --yes and where the sandbox is off (production)."""

from __future__ import annotations

from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, Employer, Offer, User
from tests.admin_helpers import NOW
from tests.factories import EmployerFactory


def demo_state() -> tuple[set[str], set[str], int]:
    employers = set(db.session.scalars(select(Employer.business_number)))
    users = set(db.session.scalars(select(User.email)))
    offers = db.session.scalar(select(func.count(Offer.id))) or 0
    return employers, users, offers


def test_reset_returns_the_database_to_the_demo_state(app):
    clock.freeze(NOW)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    demo = demo_state()
    assert runner.invoke(args=["sandbox", "load", "withdrawn-offer"]).exit_code == 0
    assert runner.invoke(args=["sandbox", "load", "blocked-drafts"]).exit_code == 0
    assert demo_state() != demo
    result = runner.invoke(args=["sandbox", "reset", "--yes"])
    assert result.exit_code == 0, result.output
    assert "demo@example.com" in result.output and "admin@example.com" in result.output
    assert demo_state() == demo
    first = db.session.scalar(select(AuditEvent).order_by(AuditEvent.id).limit(1))
    assert first is not None and first.action == "sandbox.reset"
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0


def test_reset_needs_yes(app):
    clock.freeze(NOW)
    runner = app.test_cli_runner()
    runner.invoke(args=["sandbox", "load", "banned-employer"])
    result = runner.invoke(args=["sandbox", "reset"])
    assert result.exit_code != 0 and "--yes" in result.output
    assert db.session.scalar(select(func.count(Employer.id))) == 1


def test_a_configuration_without_the_sandbox_refuses_reset(make_app):
    app = make_app(SEED_DEMO_ALLOWED=False)
    with app.app_context():
        clock.freeze(NOW)
        EmployerFactory()
        db.session.commit()
        result = app.test_cli_runner().invoke(args=["sandbox", "reset", "--yes"])
        assert result.exit_code != 0 and "SEED_DEMO_ALLOWED" in result.output
        assert db.session.scalar(select(func.count(Employer.id))) == 1

"""The suite's own isolation (tests/conftest.py): what a test commits, through the services and
through requests, is visible to that test and gone when it ends; a `real_commits` test really
commits, and its rows are emptied afterwards."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from portal import create_app
from portal.database import write_transaction
from portal.extensions import db
from portal.models import AuditEvent, User
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from tests.conftest import TEST_PASSWORD, _config, _TestDatabase
from tests.factories import UserFactory


def _committed_users(engine: Engine) -> int:
    """Users as another connection sees them: only what was really committed."""
    with engine.connect() as conn:
        return conn.scalar(select(func.count(User.id))) or 0


def _app(database_url: str) -> Flask:
    """An app outside the test's own scope, so the test can watch a scope begin and end."""
    return create_app(_config(database_url))


def _record(object_id: str) -> None:
    with write_transaction():
        audit.record("test.isolation", actor=Actor.system(), object_id=object_id)


def test_what_a_test_commits_is_rolled_back_when_it_ends(database_url, _engine, _schema):
    scope = _TestDatabase(isolated=True)
    app = _app(database_url)
    scope.adopt(app, _engine)
    with app.app_context():
        UserFactory()  # the factories commit
        _record("kept-for-the-test")
        assert db.session.scalar(select(func.count(User.id))) == 1
        # A request (its own app context and session) sees what the test committed.
        response = app.test_client().post(
            "/sign-in", data={"email": db.session.scalar(select(User.email)),
                              "password": TEST_PASSWORD})
        assert response.status_code == 302
        assert _committed_users(_engine) == 0  # another connection sees none of it
    scope.finish()
    assert _committed_users(_engine) == 0
    with _engine.connect() as conn:
        assert conn.scalar(select(func.count(AuditEvent.id))) == 0


def test_a_rollback_undoes_only_what_followed_the_last_commit(app):
    UserFactory()  # committed (a savepoint released)
    db.session.add(UserFactory.build())
    db.session.flush()
    db.session.rollback()
    assert db.session.scalar(select(func.count(User.id))) == 1


def test_a_failed_write_inside_a_test_leaves_the_test_usable(app):
    user = UserFactory()

    def twin() -> None:
        with write_transaction():
            db.session.add(User(email=user.email, full_name="Twin", password_hash="x",
                                role=user.role))

    with pytest.raises(IntegrityError):
        twin()
    _record("after-the-failure")  # on PostgreSQL only a savepoint makes this possible
    assert db.session.scalar(select(func.count(User.id))) == 1


@pytest.mark.real_commits
def test_a_real_commits_test_commits_for_real_and_is_emptied_after(
    database_url, _engine, _schema
):
    scope = _TestDatabase(isolated=False)
    app = _app(database_url)
    scope.adopt(app, _engine)
    with app.app_context():
        UserFactory()
        assert _committed_users(_engine) == 1
    scope.finish()
    assert _committed_users(_engine) == 0

"""Shared fixtures: the app, a client, a CLI runner, a sign-in helper and a clean database.

The database is SQLite in a temporary file by default; set TEST_DATABASE_URL (for example
postgresql+psycopg://postgres@127.0.0.1:5432/portal_test) to run the same suite on PostgreSQL.
The schema is built once per session; after each test every table is emptied, so tests are
isolated even though services commit.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import text

from config import TestingConfig
from portal import clock, create_app, i18n
from portal.extensions import db

TEST_PASSWORD = "plum-orbit-canvas-lantern-42"


def pytest_configure(config: pytest.Config) -> None:
    """Compile the French catalogues if they are missing or stale (a clean clone has no .mo
    files; bin/setup compiles them too)."""
    i18n.compile_catalogues()


def _database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _database_url(tmp_path_factory)


_built_apps: list[Flask] = []


@pytest.fixture(autouse=True)
def _dispose_engines() -> Iterator[None]:
    """Close the connection pools of every app a test built (no connection left open)."""
    yield
    while _built_apps:
        app = _built_apps.pop()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture(scope="session")
def make_app(database_url: str) -> Callable[..., Flask]:
    """Build an app on the test database with config overrides (for CSRF, rate limits...)."""

    def build(**overrides: Any) -> Flask:
        config = type(
            "TestConfig",
            (TestingConfig,),
            {"SQLALCHEMY_DATABASE_URI": database_url, **overrides},
        )
        app = create_app(config)
        app.test_client_class = IsolatedClient
        _built_apps.append(app)
        return app

    return build


@pytest.fixture(scope="session")
def _schema(make_app: Callable[..., Flask]) -> Iterator[None]:
    app = make_app()
    with app.app_context():
        db.drop_all()
        db.create_all()  # tests only; real databases are built by `flask db upgrade`
        db.session.remove()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def _empty_tables() -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own app context, as in production.

    Tests keep an app context open (for factories and queries); without this, requests would
    share its `g` (and Flask-Login's cached user) and its database session.
    """

    def open(self, *args: Any, **kwargs: Any):
        # End the test's own transaction on both sides of the request, so the request sees
        # what the test wrote and the test then sees what the request wrote (SQLite readers
        # keep the snapshot their transaction began with).
        outer = has_app_context()
        if outer:
            db.session.commit()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        if outer:
            db.session.commit()
        return response


@pytest.fixture
def app(make_app: Callable[..., Flask], _schema: None) -> Iterator[Flask]:
    app = make_app()
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.rollback()
        _empty_tables()
        db.session.remove()
    clock.unfreeze()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client: FlaskClient):
        self.client = client

    def sign_in(self, email: str, password: str = TEST_PASSWORD, *, follow: bool = False):
        return self.client.post(
            "/sign-in", data={"email": email, "password": password}, follow_redirects=follow
        )

    def sign_out(self):
        return self.client.post("/sign-out")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def employer_user(app: Flask):
    """A primary user of a registered employer, password TEST_PASSWORD."""
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def signed_in(auth: AuthActions, employer_user):
    response = auth.sign_in(employer_user.email)
    assert response.status_code == 302, response.get_data(as_text=True)
    return employer_user

"""Shared fixtures: the app, a client, a CLI runner, a sign-in helper and an isolated database.

The database is SQLite in a temporary file by default; set TEST_DATABASE_URL (for example
postgresql+psycopg://postgres@127.0.0.1:5432/portal_test) to run the same suite on PostgreSQL.
Under pytest-xdist every worker gets its own database: its own SQLite file, or on PostgreSQL
`<name>_<worker>` (for example portal_test_gw0), created when the worker starts and dropped
when it ends, so parallel runs never share rows. The schema is built once per worker.

Isolation: each test runs inside one transaction that is rolled back when it ends (SQLAlchemy
2's "joining a session into an external transaction"). The test opens one connection and
BEGINs; every app the test builds (`app`, `make_app(...)`) uses that connection instead of its
engine, and every session on it runs in a SAVEPOINT (join_transaction_mode="create_savepoint"),
so the services' commits and rollbacks release and roll back savepoints, and nothing a test
writes outlives it. A test that must commit for real (threads or processes with connections of
their own, a lock taken by BEGIN IMMEDIATE) is marked `@pytest.mark.real_commits`: its apps use
their real engines and every table is emptied after it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from config import TestingConfig
from portal import clock, create_app, i18n
from portal.extensions import db
from tests.databases import postgresql_database
from tests.jobs_helpers import tasks_at_once
from tests.webhook_helpers import Receiver

TEST_PASSWORD = "plum-orbit-canvas-lantern-42"
REAL_COMMITS = "real_commits"


def pytest_configure(config: pytest.Config) -> None:
    """Compile the French catalogues if they are missing or stale (a clean clone has no .mo
    files; bin/setup compiles them too)."""
    if not hasattr(config, "workerinput"):  # once per run, not once per xdist worker
        i18n.compile_catalogues()


_WORKER_LINES: list[tuple[str, bool]] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """An xdist worker ended: keep the summary lines it sent (tests/browser/conftest.py)."""
    _WORKER_LINES.extend(tuple(line) for line in node.workeroutput.get("summary_lines", []))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for line, warning in dict.fromkeys(_WORKER_LINES):  # one "skipped" line, not one per worker
        terminalreporter.write_line(line, yellow=warning)


# --- one database per xdist worker ------------------------------------------------------------


def _worker() -> str | None:
    """The xdist worker's id (gw0, gw1...), or None when the run is not distributed."""
    return os.environ.get("PYTEST_XDIST_WORKER")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:  # tmp_path_factory is per worker under xdist: one SQLite file each
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    worker = _worker()
    if worker is None or not url.startswith("postgresql"):
        yield url
        return
    with postgresql_database(url, f"{make_url(url).database}_{worker}") as made:
        yield made


def _config(database_url: str, **overrides: Any) -> type:
    return type(
        "TestConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": database_url, **overrides}
    )


@pytest.fixture(scope="session")
def _engine(database_url: str) -> Iterator[Engine]:
    """The worker's engine, with the portal's own connection set-up (SQLite hooks included):
    it builds the schema and gives each isolated test its connection."""
    app = create_app(_config(database_url))
    with app.app_context():
        engine = db.engine
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _schema(_engine: Engine) -> Iterator[None]:
    db.metadata.drop_all(_engine)
    db.metadata.create_all(_engine)  # tests only; real databases are built by `flask db upgrade`
    # Sessions joining a test's outer transaction run in savepoints (no effect on an engine).
    db.session.session_factory.configure(join_transaction_mode="create_savepoint")
    yield
    db.metadata.drop_all(_engine)


# --- per test: one rolled-back transaction, or a real clean-up --------------------------------


class _TestDatabase:
    """What one test does to the database: the apps it built and, when isolated, its one
    connection in an outer transaction."""

    def __init__(self, *, isolated: bool):
        self.isolated = isolated
        self.engine: Engine | None = None
        self.connection: Connection | None = None
        self.apps: list[tuple[Flask, Engine]] = []

    def adopt(self, app: Flask, engine: Engine) -> None:
        """Make `app` use the test's connection (isolated) or its own engine (real commits)."""
        self.engine = engine
        with app.app_context():
            # Flask-SQLAlchemy 3.1 resolves every session's bind through this per-app dict
            # (Session.get_bind ignores a session-level bind), so the test's connection goes
            # there: the way its maintainers suggest joining a test transaction.
            engines = db.engines
            own = engines[None]
            self.apps.append((app, own))
            if self.isolated:
                if self.connection is None:
                    self.connection = engine.connect()
                    self.connection.begin()
                engines[None] = self.connection  # type: ignore[index]  # a dict behind the Mapping
                assert db.engine is self.connection

    def finish(self) -> None:
        for app, own in self.apps:
            with app.app_context():
                db.session.remove()
                db.engines[None] = own  # type: ignore[index]  # an app may outlive the test
            own.dispose()
        if self.connection is not None:
            self.connection.rollback()  # everything the test wrote, committed or not
            self.connection.close()
        elif self.engine is not None:
            _empty_tables(self.engine)


_current: list[_TestDatabase] = []


@pytest.fixture(autouse=True)
def _test_database(request: pytest.FixtureRequest) -> Iterator[None]:
    """Open the test's database scope; nothing touches the database until an app is built."""
    _current.append(_TestDatabase(isolated=request.node.get_closest_marker(REAL_COMMITS) is None))
    yield
    _current.pop().finish()
    clock.unfreeze()
    clock.use_offset_source(None)  # an app built with the sandbox clock on installed one


def _empty_tables(engine: Engine) -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture(scope="session")
def make_app(database_url: str, _engine: Engine, _schema: None) -> Callable[..., Flask]:
    """Build an app on the test database with config overrides (for CSRF, rate limits...).

    Inside a test, the app joins that test's transaction (or, for a `real_commits` test, uses
    its own engine and is cleaned up after it)."""

    def build(**overrides: Any) -> Flask:
        app = create_app(_config(database_url, **overrides))
        app.test_client_class = IsolatedClient
        if _current:
            _current[-1].adopt(app, _engine)
        return app

    return build


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own app context, as in production.

    Tests keep an app context open (for factories and queries); without this, requests would
    share its `g` (and Flask-Login's cached user) and its database session.
    """

    def open(self, *args: Any, **kwargs: Any):
        # End the test's own transaction (savepoint) on both sides of the request, as a browser
        # request never shares one with the code that prepared the data; and for a real_commits
        # test, so SQLite readers do not keep the snapshot their transaction began with.
        outer = has_app_context()
        if outer:
            db.session.commit()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        if outer:
            db.session.commit()
        return response


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Iterator[Flask]:
    app = make_app()
    with app.app_context():
        yield app
        db.session.rollback()


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


# --- the queue and a webhook receiver -------------------------------------------------------


@pytest.fixture
def immediate(app: Flask) -> Iterator[None]:
    """Huey's immediate mode for the test: a task runs as soon as it is queued."""
    with tasks_at_once():
        yield


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A real webhook receiver on loopback (tests/webhook_helpers.py), stopped at the end."""
    server = Receiver()
    yield server
    server.stop()

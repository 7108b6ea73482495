"""The Employer Portal simulator: a bilingual training and integration sandbox for IRCC's
Employer Portal (International Mobility Program). Not a Government of Canada service."""

from __future__ import annotations

from flask import Flask

from config import Config, DevelopmentConfig
from portal.routing import RowIdConverter


def create_app(config_class: type[Config] = DevelopmentConfig) -> Flask:
    """Build the application: config -> proxies -> extensions -> blueprints -> api -> jobs ->
    sandbox clock -> hooks -> errors -> jinja -> cli."""
    app = Flask(__name__, template_folder="../templates", static_folder="static")
    app.url_map.converters["int"] = RowIdConverter  # before any route: ids are 1..2**31-1
    app.config.from_object(config_class)
    config_class.prepare(app)

    register_proxies(app)
    register_extensions(app)
    register_blueprints(app)
    register_api(app)
    register_jobs(app)
    register_sandbox_clock(app)
    register_request_hooks(app)
    register_error_pages(app)
    register_jinja(app)
    register_commands(app)
    return app


def register_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES proxy hops, take the client's address and scheme from the
    X-Forwarded-For and X-Forwarded-Proto those hops set (rate limits, the audit log, https
    links); with 0 the headers are ignored, so a client cannot spoof its address."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    hops = int(app.config.get("TRUSTED_PROXIES", 0))
    if hops < 0:
        raise ValueError("TRUSTED_PROXIES must be 0 or more")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    from portal import database, i18n, models  # noqa: F401  (models registers the tables)
    from portal.extensions import (
        babel,
        csrf,
        db,
        limiter,
        login_manager,
        mail,
        migrate,
        queue,
    )

    db.init_app(app)
    database.configure_engine(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    i18n.configure(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    limiter.init_app(app)
    queue.init_app(app)
    mail.init_app(app)


def register_blueprints(app: Flask) -> None:
    from portal.admin import bp as admin_bp
    from portal.api_keys import bp as api_keys_bp
    from portal.auth import bp as auth_bp
    from portal.batches import bp as batches_bp
    from portal.codes import bp as codes_bp
    from portal.employer import bp as employer_bp
    from portal.employer.practice import bp as practice_bp
    from portal.offers import bp as offers_bp
    from portal.outbox import bp as outbox_bp
    from portal.public import bp as public_bp
    from portal.registry import bp as registry_bp
    from portal.teams import bp as teams_bp
    from portal.webhooks import bp as webhooks_bp
    from portal.worker import bp as worker_bp

    for blueprint in (
        public_bp,
        auth_bp,
        employer_bp,
        practice_bp,
        codes_bp,
        offers_bp,
        batches_bp,
        admin_bp,
        teams_bp,
        outbox_bp,
        registry_bp,
        worker_bp,
        api_keys_bp,
        webhooks_bp,
    ):
        app.register_blueprint(blueprint)


def register_api(app: Flask) -> None:
    from portal import api

    api.init_app(app)


def register_jobs(app: Flask) -> None:
    from portal import jobs

    jobs.init_app(app)


def register_sandbox_clock(app: Flask) -> None:
    """With SANDBOX_CLOCK_ENABLED, portal.clock.now() adds the simulated offset stored in the
    database (read on a connection of its own, at most once a second); without it, none."""
    from portal import clock
    from portal.extensions import db
    from portal.services.sandbox.clock import offset_reader

    def bind() -> object:
        with app.app_context():
            return db.engine

    clock.use_offset_source(offset_reader(bind) if app.config["SANDBOX_CLOCK_ENABLED"] else None)


def register_request_hooks(app: Flask) -> None:
    from portal import logs, security_headers, sessions, text_checks

    logs.configure(app)  # first: its request id is there for every later hook's log lines
    text_checks.init_app(app)  # before the session hooks: a NUL in the query never reaches them

    # After-request hooks run in reverse order: security headers go on last, so they reach
    # responses that the session hooks replace too.
    security_headers.init_app(app)
    sessions.init_app(app)


def register_error_pages(app: Flask) -> None:
    from portal import errors

    errors.init_app(app)


def register_jinja(app: Flask) -> None:
    from portal import i18n, template_helpers

    i18n.init_app(app)
    template_helpers.init_app(app)


def register_commands(app: Flask) -> None:
    from portal import cli

    cli.init_app(app)

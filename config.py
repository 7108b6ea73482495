"""Configuration classes: the only place that reads the environment.

DevelopmentConfig needs no set-up: a SQLite file and a secret key generated once, both under
instance/. ProductionConfig refuses to start without a real SECRET_KEY. DATABASE_URL, when set,
selects the database in every config.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

import base64
import os
import secrets
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"
DEFAULT_SECRET_KEYS = {"", "dev", "change-me", "changeme", "secret"}


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # Heroku-style URLs name the old driver; psycopg 3 is the one we ship.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _queue_url() -> str:
    """The task queue's storage: HUEY_URL, else REDIS_URL, else Huey's SQLite file under
    instance/ (the embedded default: no server)."""
    url = os.environ.get("HUEY_URL") or os.environ.get("REDIS_URL")
    return url or f"sqlite:///{INSTANCE_DIR / 'huey.sqlite'}"


def _trusted_proxies() -> int:
    """TRUSTED_PROXIES: how many proxies in front of the portal set X-Forwarded-For and
    X-Forwarded-Proto (the README's TLS proxy is 1). 0 (the default) ignores those headers, so a
    client cannot choose the address that rate limits and the audit log see."""
    raw = os.environ.get("TRUSTED_PROXIES", "0").strip() or "0"
    if not raw.isdigit():
        raise ValueError(f"TRUSTED_PROXIES must be a whole number of proxy hops (0, 1, 2...), "
                         f"not {raw!r}")
    return int(raw)


def _instance_secret_key() -> str:
    """A key generated on first use and kept under instance/, so sessions survive restarts."""
    INSTANCE_DIR.mkdir(exist_ok=True)
    key_file = INSTANCE_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _instance_audit_signing_key() -> str:
    """An Ed25519 key (base64 of its 32-byte seed) generated on first use under instance/, so
    the audit checkpoints of a development database keep one signer."""
    INSTANCE_DIR.mkdir(exist_ok=True)
    key_file = INSTANCE_DIR / "audit_signing_key"
    if not key_file.exists():
        key_file.write_text(base64.b64encode(secrets.token_bytes(32)).decode())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


class Config:
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'portal.sqlite'}")
    # hide_parameters: a database error's message never carries the bound values (passport
    # numbers, names, emails) into the error log.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"hide_parameters": True}
    SQLALCHEMY_RECORD_QUERIES = False

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    LANGUAGES = ("en", "fr")
    DISPLAY_TIMEZONE = "America/Toronto"

    SESSION_COOKIE_NAME = "portal_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Idle and absolute limits on a signed-in session (checked on every request; past either,
    # the session's id is ended on the server): PORTAL_SESSION_IDLE_MINUTES, _MAX_HOURS.
    SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("PORTAL_SESSION_IDLE_MINUTES",
                                                                "30")))
    SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=int(os.environ.get("PORTAL_SESSION_MAX_HOURS",
                                                                  "12")))
    PERMANENT_SESSION_LIFETIME = SESSION_ABSOLUTE_TIMEOUT
    REMEMBER_COOKIE_DURATION = timedelta(seconds=0)

    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session, which has its own limits

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_ENABLED = True
    RATELIMIT_SIGN_IN = "10 per minute;50 per hour"
    RATELIMIT_REGISTER = "5 per minute;30 per hour"
    # The worker pages (offer check, application, result lookup), per address; and failed offer
    # checks per typed number, counted in the database (so across every worker process).
    RATELIMIT_WORKER_ATTEMPTS = "10 per minute"
    # Per number and address together (a mistyping worker locks out only their own address),
    # and per number from every address (a distributed guess).
    VERIFY_OFFER_FAILURES_PER_HOUR = 5
    VERIFY_OFFER_FAILURES_PER_NUMBER_PER_HOUR = 50
    # Per account, from every address together (counted in the database): password and
    # second-factor failures in an hour before the account is locked, and for how long.
    ACCOUNT_FAILURES_PER_HOUR = 10
    ACCOUNT_LOCKOUT_MINUTES = 15
    # Proxy hops trusted for the client's address and scheme (werkzeug's ProxyFix); 0: none.
    TRUSTED_PROXIES = _trusted_proxies()
    # The JSON API: one budget per API key over every operation (per address without a key).
    RATELIMIT_API = "300 per minute;10000 per hour"

    # How long a batch keeps its rows as uploaded (workers' names, passports) after its
    # confirm, and an unconfirmed dry run at all (portal.services.batches.retention).
    BATCH_ROWS_RETENTION_HOURS = int(os.environ.get("BATCH_ROWS_RETENTION_HOURS", "24"))

    HSTS_ENABLED = True
    SEED_DEMO_ALLOWED = False
    # The sandbox clock (portal.services.sandbox.clock): simulated time an administrator or
    # `flask sandbox clock` moves forwards. On in development; off in production unless
    # SANDBOX_CLOCK_ALLOWED=1; off in the tests except those of the clock itself.
    SANDBOX_CLOCK_ENABLED = False
    # Automatic decisions (portal/rules/auto_decisions.py): work permit applications decided
    # this many simulated days after submission by their passport number's test value; 0 = off.
    SANDBOX_AUTO_DECIDE_AFTER_DAYS = int(os.environ.get("SANDBOX_AUTO_DECIDE_AFTER_DAYS", "0"))

    # The task queue (portal/queue.py, portal/jobs/): sqlite:///..., redis://... or memory://.
    QUEUE_URL = _queue_url()
    QUEUE_NAME = os.environ.get("QUEUE_NAME", "portal")
    QUEUE_IMMEDIATE = False  # True runs every task at once in the enqueuing process
    QUEUE_WORKERS = int(os.environ.get("QUEUE_WORKERS", "2"))
    # Email (portal/mail.py): smtp://user:password@host:port[?starttls=1]; unset = outbox only.
    SMTP_URL = os.environ.get("SMTP_URL", "")
    MAIL_FROM = os.environ.get(
        "MAIL_FROM", "Employer Portal simulator <no-reply@employer-portal-simulator.invalid>"
    )
    # The List-Id and Message-ID domain (".invalid": the simulator owns no real domain).
    MAIL_DOMAIN = os.environ.get("MAIL_DOMAIN", "employer-portal-simulator.invalid")
    # Absolute links in work done off a request (the PDF's QR code, emails): the public address.
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000")

    # Webhooks (portal/jobs/webhooks.py): https only in production; loopback, private,
    # link-local and multicast addresses refused unless WEBHOOKS_ALLOW_PRIVATE=1 (local work).
    WEBHOOKS_HTTPS_ONLY = False
    WEBHOOKS_ALLOW_PRIVATE = os.environ.get("WEBHOOKS_ALLOW_PRIVATE", "") == "1"
    WEBHOOKS_TIMEOUT_SECONDS = 5.0  # connect, and each read
    WEBHOOKS_BODY_MAX = 64 * 1024  # bytes of an answer read (the first 1 KB is kept)
    # An attempt's lease: longer than any attempt lasts (the kill test shortens it).
    WEBHOOKS_LEASE_SECONDS = int(os.environ.get("WEBHOOKS_LEASE_SECONDS", "60"))

    MAX_CONTENT_LENGTH = 30 * 1024 * 1024
    SECRET_KEY: str | None = None
    # The audit checkpoints' Ed25519 signing key: base64 of the 32-byte private seed. Unset
    # (production without it), no checkpoint is written; development keeps one under instance/.
    AUDIT_SIGNING_KEY = os.environ.get("AUDIT_SIGNING_KEY", "")
    # Logs (portal/logs.py): "text" (default) or "json" (one JSON object per line), with the
    # request id on every line either way.
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    EVIDENCE_MAX_FILE_BYTES = 5 * 1024 * 1024
    EVIDENCE_MAX_OFFER_BYTES = 25 * 1024 * 1024
    # What an uploaded file may hold once parsed (portal/services/offers/filecheck): pages of a
    # PDF, bytes its compressed streams expand to in total (a zip bomb stops here), pixels of
    # an image (read from its header before any pixel is allocated).
    EVIDENCE_MAX_PDF_PAGES = int(os.environ.get("EVIDENCE_MAX_PDF_PAGES", "50"))
    EVIDENCE_MAX_PDF_EXPANDED_BYTES = int(
        os.environ.get("EVIDENCE_MAX_PDF_EXPANDED_BYTES", str(30 * 1024 * 1024)))
    EVIDENCE_MAX_IMAGE_PIXELS = int(os.environ.get("EVIDENCE_MAX_IMAGE_PIXELS", "40000000"))

    @classmethod
    def prepare(cls, app: Flask) -> None:
        """Last checks and derived settings, run by create_app before anything else."""


class DevelopmentConfig(Config):
    SESSION_COOKIE_SECURE = False  # local development runs over plain http
    HSTS_ENABLED = False
    SEED_DEMO_ALLOWED = True
    SANDBOX_CLOCK_ENABLED = True
    SANDBOX_AUTO_DECIDE_AFTER_DAYS = int(os.environ.get("SANDBOX_AUTO_DECIDE_AFTER_DAYS", "2"))
    # PORTAL_RATELIMIT=off turns the rate limits off (development only): the browser tests
    # (tests/browser) register and sign in many times from 127.0.0.1.
    RATELIMIT_ENABLED = os.environ.get("PORTAL_RATELIMIT", "on") != "off"

    @classmethod
    def prepare(cls, app: Flask) -> None:
        app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or _instance_secret_key()
        if not app.config.get("AUDIT_SIGNING_KEY"):
            app.config["AUDIT_SIGNING_KEY"] = _instance_audit_signing_key()


class TestingConfig(Config):
    TESTING = True
    # Off: the tests of the clock and of automatic decisions turn them on, and a queue consumer
    # a test starts (tests/jobs_helpers.py) follows that test's by these two variables.
    SANDBOX_CLOCK_ENABLED = os.environ.get("TEST_SANDBOX_CLOCK", "") == "1"
    SANDBOX_AUTO_DECIDE_AFTER_DAYS = int(os.environ.get("TEST_SANDBOX_AUTO_DECIDE_AFTER_DAYS", "0"))
    SECRET_KEY = "testing-only-secret-key-not-for-production"  # noqa: S105
    AUDIT_SIGNING_KEY = "dGVzdGluZy1vbmx5LWF1ZGl0LXNpZ25pbmcta2V5ISE="  # a 32-byte test seed
    SQLALCHEMY_DATABASE_URI = _database_url("sqlite://")
    WTF_CSRF_ENABLED = False
    SESSION_COOKIE_SECURE = False
    HSTS_ENABLED = False
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    SEED_DEMO_ALLOWED = True
    # Tasks wait in memory until a test runs them (tests/integration/jobs); the end-to-end tests
    # start a real consumer on a Huey SQLite file or on Redis.
    QUEUE_URL = os.environ.get("HUEY_URL", "memory://")
    SMTP_URL = os.environ.get("TEST_SMTP_URL", "")  # the email tests start their own server
    PUBLIC_BASE_URL = "http://localhost"
    # The webhook tests' receivers listen on loopback (one test turns this off again).
    WEBHOOKS_ALLOW_PRIVATE = os.environ.get("WEBHOOKS_ALLOW_PRIVATE", "1") == "1"


class ProductionConfig(Config):
    WEBHOOKS_HTTPS_ONLY = True
    SANDBOX_CLOCK_ENABLED = os.environ.get("SANDBOX_CLOCK_ALLOWED", "") == "1"

    @classmethod
    def prepare(cls, app: Flask) -> None:
        """Refuse to start with a missing or default secret key."""
        key = os.environ.get("SECRET_KEY", "")
        if key.lower() in DEFAULT_SECRET_KEYS or len(key) < 32:
            raise RuntimeError(
                "SECRET_KEY must be set to a random value of at least 32 characters in production "
                "(for example: python3 -c 'import secrets; print(secrets.token_hex(32))')."
            )
        app.config["SECRET_KEY"] = key


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_env() -> type[Config]:
    """PORTAL_CONFIG names the config class: development (default), testing or production."""
    return CONFIGS[os.environ.get("PORTAL_CONFIG", "development")]

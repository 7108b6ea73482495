"""Configuration: production refuses a missing or default secret key; development needs none."""

from __future__ import annotations

import pytest

from config import DevelopmentConfig, ProductionConfig, _database_url
from portal import create_app


@pytest.mark.parametrize("key", ["", "dev", "change-me", "short-but-random-9f8e"])
def test_production_refuses_a_missing_or_weak_secret_key(monkeypatch, key):
    monkeypatch.setenv("SECRET_KEY", key)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(type("Prod", (ProductionConfig,), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}))


def test_production_starts_with_a_real_key_and_secure_cookies(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "9f" * 32)
    app = create_app(type("Prod", (ProductionConfig,), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}))
    assert app.config["SECRET_KEY"] == "9f" * 32
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["HSTS_ENABLED"] is True


def test_development_generates_and_keeps_a_secret_key(monkeypatch, tmp_path):
    import config

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setattr(config, "INSTANCE_DIR", tmp_path)
    dev = type("Dev", (DevelopmentConfig,), {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    first = create_app(dev).config["SECRET_KEY"]
    second = create_app(dev).config["SECRET_KEY"]
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret_key").read_text().strip() == first
    assert create_app(dev).config["SESSION_COOKIE_SECURE"] is False  # plain http locally


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("sqlite:////tmp/x.sqlite", "sqlite:////tmp/x.sqlite"),
    ],
)
def test_database_url_selects_psycopg_3(monkeypatch, given, used):
    monkeypatch.setenv("DATABASE_URL", given)
    assert _database_url("sqlite://") == used


def test_trusted_proxies_must_be_a_number_of_hops(monkeypatch):
    import config

    monkeypatch.setenv("TRUSTED_PROXIES", "2")
    assert config._trusted_proxies() == 2
    monkeypatch.setenv("TRUSTED_PROXIES", "")
    assert config._trusted_proxies() == 0
    monkeypatch.setenv("TRUSTED_PROXIES", "yes")
    with pytest.raises(ValueError, match="TRUSTED_PROXIES must be a whole number"):
        config._trusted_proxies()

"""Email by SMTP, bound to the app like any other extension.

SMTP_URL turns email on: `smtp://user:password@host:port` (`?starttls=1` upgrades the connection
with STARTTLS before signing in; `smtps://` speaks TLS from the start). Without it the portal
emails nothing and messages stay in the outbox (the embedded default). The password is never
logged: `describe()` shows the address without it.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from flask import Flask, current_app

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    starttls: bool
    implicit_tls: bool
    timeout: float

    def describe(self) -> str:
        scheme = "smtps" if self.implicit_tls else "smtp"
        user = f"{self.username}@" if self.username else ""
        tls = "?starttls=1" if self.starttls else ""
        return f"{scheme}://{user}{self.host}:{self.port}{tls}"


def parse_smtp_url(url: str, *, timeout: float = 10.0) -> SmtpSettings:
    """`smtp://user:password@host:port?starttls=1` -> SmtpSettings. Raises ValueError."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("SMTP_URL must look like smtp://user:password@host:port")
    query = parse_qs(parts.query)
    implicit = parts.scheme == "smtps"
    return SmtpSettings(
        host=parts.hostname,
        port=parts.port or (465 if implicit else 25),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        starttls=(query.get("starttls", ["0"])[0].lower() in _TRUE) and not implicit,
        implicit_tls=implicit,
        timeout=float(query.get("timeout", [timeout])[0]),
    )


class Mailer:
    """Sends EmailMessages through the app's SMTP server."""

    def init_app(self, app: Flask) -> None:
        url = app.config.get("SMTP_URL") or ""
        app.extensions["mail"] = parse_smtp_url(url) if url else None

    @property
    def settings(self) -> SmtpSettings | None:
        return current_app.extensions.get("mail")

    @property
    def enabled(self) -> bool:
        """True when SMTP_URL is set: messages are emailed as well as kept in the outbox."""
        return self.settings is not None

    def send(self, message: EmailMessage) -> None:
        """Hand the message to the SMTP server. Raises smtplib.SMTPException or OSError."""
        settings = self.settings
        if settings is None:
            raise RuntimeError("SMTP_URL is not set")
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if settings.implicit_tls:
            smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                    context=context)
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with smtp:
            if settings.starttls:
                smtp.starttls(context=context)
            if settings.username and settings.password:
                smtp.login(settings.username, settings.password)
            smtp.send_message(message)

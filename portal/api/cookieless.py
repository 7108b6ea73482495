"""No cookies on the API: under /api/ the session is a fresh, empty one that is never saved.

A browser that is signed in to the pages and calls the API sends its session cookie along; the
API must not take it for authorisation (that is what CSRF would then need to stop), nor answer
with a Set-Cookie. Pages keep Flask's signed-cookie sessions unchanged.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Request, Response, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

API_PREFIX = "/api/"


class CookielessApiSessions(SecureCookieSessionInterface):
    def open_session(self, app: Flask, request: Request) -> Any:
        if request.path.startswith(API_PREFIX):
            return SecureCookieSession()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session: Any, response: Response) -> None:
        if request.path.startswith(API_PREFIX):
            return
        super().save_session(app, session, response)

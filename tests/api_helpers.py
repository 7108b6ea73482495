"""Making API keys for the API tests, and calling the API with one."""

from __future__ import annotations

from typing import Any

from portal.services.api_keys import keys


def make_key(user, scopes: str = "read,prepare,submit") -> str:
    """A key for `user` (through the service the command line uses); returns the token."""
    _key, token = keys.create_key_for_user(email=user.email, scopes=scopes.split(","))
    return token


def bearer(token: str, **headers: str) -> dict[str, Any]:
    return {"Authorization": f"Bearer {token}", **headers}

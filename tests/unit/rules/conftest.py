"""The rules return codes with parameters; `say` words them as a reader sees them (through the
catalogue, in English or French), so the tests check what the user reads."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from portal.catalogue import say_in


@pytest.fixture(scope="session")
def say(make_app: Callable[..., Flask]) -> Callable[[object, str], str]:
    app = make_app()

    def speak(value: object, lang: str) -> str:
        with app.test_request_context():
            return say_in(value, lang)  # type: ignore[arg-type]  # tests pass any message-like value

    return speak

"""Domain errors raised by services and mapped onto form fields by views."""

from __future__ import annotations

from flask_babel import LazyString


class DomainError(Exception):
    """A use case refused. `field` names the form field to show the message next to."""

    def __init__(self, message: str | LazyString, *, field: str | None = None, code: str = ""):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code or type(self).__name__


class NotFound(DomainError):
    """The object does not exist, or the actor may not see it (the two are not told apart)."""


class Forbidden(DomainError):
    """The actor may see the object but not do this to it."""


class Conflict(DomainError):
    """The object's state does not allow this (for example, it was already submitted)."""

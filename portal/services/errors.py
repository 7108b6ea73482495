"""Domain errors raised by services: a catalogue code and its parameters, never a sentence.

The edge that catches one words it in the reader's language (`portal.catalogue.say`) and shows
it next to the form field it names, or above the form.
"""

from __future__ import annotations

from collections.abc import Sequence

from portal.rules.messages import Message


class DomainError(Exception):
    """A use case refused. `field` names the form field to show the message next to; `code` is
    a short machine name of the kind of refusal (the class name unless given)."""

    def __init__(self, message: Message, *, field: str | None = None, code: str = ""):
        if not isinstance(message, Message):
            raise TypeError(
                f"{type(self).__name__} carries a catalogue code (portal.rules.messages.Message"
                f" and an entry in portal/catalogue), not text: got {message!r}"
            )
        super().__init__(message.code)
        self.message = message
        self.field = field
        self.code = code or type(self).__name__


class NotFound(DomainError):
    """The object does not exist, or the actor may not see it (the two are not told apart)."""


class Forbidden(DomainError):
    """The actor may see the object but not do this to it."""


class Conflict(DomainError):
    """The object's state does not allow this (for example, it was already submitted)."""


class InvalidFields(DomainError):
    """Several fields refused in one round: `errors` holds (field, message) pairs in form order;
    the first is also the error's `field` and `message` (what an edge showing one error uses)."""

    def __init__(
        self, errors: Sequence[tuple[str | None, Message]], *, code: str = ""
    ) -> None:
        if not errors:
            raise ValueError("InvalidFields needs at least one error")
        super().__init__(errors[0][1], field=errors[0][0], code=code)
        self.errors = tuple(errors)

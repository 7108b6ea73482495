"""What the compliance rules say: a step of a computation, or a problem with the input.

Both carry a `Message` (portal.rules.messages): a stable "compliance.*" code of the catalogue
(portal/catalogue/compliance.py) and its parameters, never a sentence. Amounts are `Money`, dates
`Day`, labels nested messages; the edge words them in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portal.rules.messages import Message, Param


@dataclass(frozen=True)
class Step:
    """One line of the step-by-step explanation. `violation` is the index (0-based, in the order
    the violations were counted) of the violation the step is about, or None for a step about a
    finding or the whole notice. Messages number violations and findings from 1."""

    message: Message
    violation: int | None = None

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return self.message.kwargs


@dataclass(frozen=True)
class Problem:
    """Input the rules cannot use. `finding` is the index (0-based) of the offending input
    finding, or None for notice-level input; `field` names the input field to fix."""

    message: Message
    finding: int | None = None
    field: str | None = None

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return self.message.kwargs


def step(code: str, violation: int | None = None, /, **params: Param) -> Step:
    return Step(Message.of(code, **params), violation)


def problem(
    code: str, finding: int | None = None, field: str | None = None, /, **params: Param
) -> Problem:
    return Problem(Message.of(code, **params), finding, field)

"""What the rules say, as data: a stable code and its parameters. The words come later.

A `Message` names an entry of the catalogue (portal/catalogue) and carries the values its text
needs. The edge (a page, the PDF, the command line, the API) turns it into text in the reader's
language; the rules never hold a sentence. A parameter is a plain value (str, int) or one of the
small references below, which the edge resolves in the reader's language from bilingual
reference data (country, province and code names) or from the catalogue (a nested message).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Union


@dataclass(frozen=True)
class Country:
    """A country's short name (ISO 3166-1 alpha-2 code)."""

    code: str


@dataclass(frozen=True)
class CountryList:
    """Country names sorted by name in the reader's language, joined with commas."""

    codes: tuple[str, ...]


@dataclass(frozen=True)
class Province:
    """A Canadian province or territory's name (two-letter code)."""

    code: str


@dataclass(frozen=True)
class ProvinceList:
    """Province and territory names, in the order given, joined with commas."""

    codes: tuple[str, ...]


@dataclass(frozen=True)
class CodeName:
    """An LMIA exemption code's name ("CUSMA – Professionals"); with `last_part`, only what
    follows its last dash ("Young Professionals" for "International Experience Canada – ...")."""

    key: str
    last_part: bool = False


@dataclass(frozen=True)
class Bilingual:
    """A piece of reference data that exists in both languages (a CUSMA profession's name)."""

    en: str
    fr: str


@dataclass(frozen=True)
class Money:
    """An amount in Canadian dollars, given in cents."""

    cents: int


@dataclass(frozen=True)
class Day:
    """A date written in full the reader's way ("November 24, 2026" / "24 novembre 2026")."""

    value: dt.date


@dataclass(frozen=True)
class Number:
    """A number written the reader's way (2.5 / 2,5), without digit grouping."""

    value: Decimal | int | float


@dataclass(frozen=True)
class Sentences:
    """Messages worded one after the other, separated by a space (the reasons for a refusal)."""

    messages: tuple[Message, ...]


Param = Union[
    str, int, Country, CountryList, Province, ProvinceList, CodeName, Bilingual, Money, Number,
    Day, Sentences, "Message",
]


@dataclass(frozen=True)
class Message:
    """A catalogue code and its parameters (kept as sorted pairs so a message is hashable)."""

    code: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, code: str, /, **params: Param) -> Message:
        return cls(code, tuple(sorted(params.items())))

    @property
    def kwargs(self) -> dict[str, Param]:
        return dict(self.params)

    def walk(self) -> Iterator[Message]:
        """This message and every message nested in its parameters."""
        yield self
        for _name, value in self.params:
            if isinstance(value, Message):
                yield from value.walk()
            elif isinstance(value, Sentences):
                for message in value.messages:
                    yield from message.walk()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form, for messages stored in the database (plain parameters only)."""
        for name, value in self.params:
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise TypeError(f"{self.code}: parameter {name} is not a plain value")
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        return cls.of(str(data["code"]), **dict(data.get("params") or {}))

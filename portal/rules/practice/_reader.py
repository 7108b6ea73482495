"""Reading one case file's YAML tree with the place of every problem named ("employer.
business_number: ..."), so an author sees which field to fix."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, NoReturn

from portal.rules.messages import Bilingual

LANG_KEYS = frozenset({"en", "fr"})


def _tidy(text: str) -> str:
    """Text with YAML's line breaks undone: paragraphs (blank-line separated) kept, each on one
    line with single spaces."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


class CaseFileError(ValueError):
    """A case file that does not follow the schema: the file, the field and the problem."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        self.file = file
        self.where = where
        self.problem = problem
        super().__init__(f"{file}: {where}: {problem}")


class Node:
    """A mapping of the YAML tree, its keys checked against the schema when it is opened."""

    def __init__(self, raw: object, path: tuple[str, ...], file: str) -> None:
        self.raw = raw
        self.path = path
        self.file = file

    def where(self, key: str | None = None) -> str:
        parts = (*self.path, key) if key is not None else self.path
        return ".".join(parts) or "(top level)"

    def fail(self, problem: str, key: str | None = None) -> NoReturn:
        raise CaseFileError(self.file, self.where(key), problem)

    def open(self, required: Iterable[str], optional: Iterable[str] = ()) -> Node:
        """This node as a mapping with every `required` key and no key outside the schema."""
        if not isinstance(self.raw, dict):
            self.fail("must be a mapping of keys to values")
        required, optional = set(required), set(optional)
        unknown = sorted(str(k) for k in self.raw if k not in required | optional)
        if unknown:
            self.fail(f"unknown key(s) {', '.join(unknown)}")
        missing = sorted(required - set(self.raw))
        if missing:
            self.fail(f"missing key(s) {', '.join(missing)}")
        return self

    def has(self, key: str) -> bool:
        return isinstance(self.raw, dict) and self.raw.get(key) is not None

    def value(self, key: str) -> Any:
        return self.raw.get(key) if isinstance(self.raw, dict) else None

    def child(self, key: str) -> Node:
        return Node(self.value(key), (*self.path, key), self.file)

    def text(self, key: str, *, optional: bool = False) -> str:
        """A non-empty string. Numbers are refused: an unquoted passport, business or NOC number
        loses its leading zeros (or is read as octal) before the loader sees it."""
        value = self.value(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str):
            self.fail("must be text (quote numbers: \"0123\")", key)
        if not value.strip():
            self.fail("must not be empty", key)
        if value != value.strip():
            self.fail("must not start or end with spaces", key)
        return value

    def choice(self, key: str, allowed: Iterable[str], *, optional: bool = False) -> str:
        value = self.text(key, optional=optional)
        allowed = sorted(allowed)
        if value and value not in allowed:
            self.fail(f"{value!r} is not one of {', '.join(allowed)}", key)
        return value

    def bilingual(self, key: str, *, plain_ok: bool = False) -> Bilingual:
        """English and French: `{en: ..., fr: ...}`; or one string for language-neutral text
        (regulation references) where `plain_ok`."""
        value = self.value(key)
        if plain_ok and isinstance(value, str):
            text = self.text(key)
            return Bilingual(text, text)
        node = self.child(key)
        if not isinstance(value, dict):
            node.fail("must give the English and the French: {en: ..., fr: ...}")
        node.open(LANG_KEYS)
        return Bilingual(node.prose("en"), node.prose("fr"))

    def prose(self, key: str) -> str:
        """Non-empty text for readers, YAML's line breaks undone (block scalars welcome)."""
        value = self.value(key)
        if not isinstance(value, str) or not value.strip():
            self.fail("must be non-empty text", key)
        return _tidy(value)

    def date(self, key: str) -> dt.date:
        value = self.value(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail("must be a date, YYYY-MM-DD", key)

    def number(self, key: str, *, low: Decimal, high: Decimal) -> Decimal:
        value = self.value(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail("must be a number", key)
        number = Decimal(str(value))
        if not low <= number <= high:
            self.fail(f"must be between {low} and {high}", key)
        return number

    def items(self, key: str, *, optional: bool = False) -> Iterator[Node]:
        value = self.value(key)
        if value is None and optional:
            return
        if not isinstance(value, list) or not value:
            self.fail("must be a non-empty list", key)
        for index, _item in enumerate(value):
            yield Node(value[index], (*self.path, f"{key}[{index}]"), self.file)

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of strings (empty when the key is absent)."""
        value = self.value(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail("must be a list of text values", key)
        if len(set(value)) != len(value):
            self.fail("must not repeat a value", key)
        return tuple(value)

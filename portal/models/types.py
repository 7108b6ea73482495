"""Column types shared by the models, and the labels of their enums."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from flask_babel.speaklater import LazyString
from sqlalchemy import DateTime, String
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware.

    SQLite has no time zones, so values are normalised to UTC on the way in and tagged UTC on
    the way out; PostgreSQL stores `timestamp with time zone`.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored: use portal.clock.now()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)
_LABELS: dict[tuple[type[StrEnum], str], LazyString] = {}


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry `label`: what users read for the value, lazily translated.
    The labels are given once, with `give_labels`, right after the enum."""

    @property
    def label(self) -> LazyString:
        return _LABELS[(type(self), self.value)]


def give_labels(enum: type[E], labels: Mapping[E, LazyString]) -> None:
    """Set the label of every member of `enum` (all of them, or ValueError)."""
    if set(labels) != set(enum):
        raise ValueError(f"{enum.__name__}: every member needs exactly one label")
    for member, label in labels.items():
        _LABELS[(enum, member.value)] = label


class EnumText(TypeDecorator[StrEnum]):
    """A StrEnum stored as its value in a VARCHAR, read back as the enum member (so pages and
    services compare members and read `.label`). A CHECK constraint on the column keeps values
    known."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Any) -> StrEnum | None:
        return None if value is None else self.enum(value)

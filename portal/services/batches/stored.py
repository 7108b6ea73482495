"""A row's errors as stored (JSON): the code, the column and the catalogue message with its
parameters, references included (a country, a list of provinces, a date), so the page words
them in each reader's language later."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from portal.rules import messages as m

_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls for cls in (m.Country, m.CountryList, m.Province, m.ProvinceList,
                                  m.CodeName, m.Bilingual, m.Money, m.Day, m.Number,
                                  m.Sentences)
}


def _param(value: Any) -> Any:
    if isinstance(value, m.Message):
        return {"_message": message_json(value)}
    if isinstance(value, m.Sentences):
        return {"_type": "Sentences", "messages": [message_json(x) for x in value.messages]}
    if isinstance(value, m.Day):
        return {"_type": "Day", "value": value.value.isoformat()}
    if isinstance(value, m.Number):
        return {"_type": "Number", "value": str(value.value)}
    if dataclasses.is_dataclass(value):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return {"_type": type(value).__name__,
                **{k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}}
    return value


def _unparam(value: Any) -> m.Param:
    if not isinstance(value, dict):
        return value  # type: ignore[no-any-return]  # a plain str or int
    if "_message" in value:
        return message_from_json(value["_message"])
    kind = value["_type"]
    fields = {k: v for k, v in value.items() if k != "_type"}
    if kind == "Sentences":
        return m.Sentences(tuple(message_from_json(x) for x in fields["messages"]))
    if kind == "Day":
        return m.Day(dt.date.fromisoformat(fields["value"]))
    if kind == "Number":
        return m.Number(Decimal(fields["value"]))
    cls = _TYPES[kind]
    return cls(**{k: tuple(v) if isinstance(v, list) else v  # type: ignore[no-any-return]
                  for k, v in fields.items()})


def message_json(message: m.Message) -> dict[str, Any]:
    return {"code": message.code, "params": {k: _param(v) for k, v in message.params}}


def message_from_json(data: dict[str, Any]) -> m.Message:
    return m.Message.of(str(data["code"]), **{
        k: _unparam(v) for k, v in (data.get("params") or {}).items()})

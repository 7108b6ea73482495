"""The one catalogue: what every code the rules and services emit says, and how an edge says it.

Rules and services return codes with parameters (`portal.rules.messages.Message`); this package
maps each code to an English msgid (lazy_gettext, named %(placeholders)s) and the .po files hold
the French. An edge (a page, the PDF, the command line, an email) calls `say()` and gets text in
the current language; `say_in()` picks another one (the language an offer or a recipient chose).

Parameters are resolved in the same language: country, province and code names from the rules'
bilingual reference data, amounts and numbers with babel.numbers, nested messages from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from flask import has_app_context
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString

from portal.catalogue.accounts import ACCOUNTS
from portal.catalogue.administration import ADMINISTRATION
from portal.catalogue.api_keys import API_KEYS
from portal.catalogue.batches import BATCHES, missing_columns_text
from portal.catalogue.codes import CODES, FINDER
from portal.catalogue.compliance import COMPLIANCE
from portal.catalogue.decisions import DECISIONS
from portal.catalogue.findings import FINDINGS
from portal.catalogue.inspections import INSPECTIONS
from portal.catalogue.offers import OFFERS
from portal.catalogue.plural import Plural
from portal.catalogue.practice import PRACTICE
from portal.catalogue.review import REVIEW
from portal.catalogue.sandbox import SANDBOX
from portal.catalogue.webhooks import WEBHOOKS
from portal.catalogue.work_permits import WORK_PERMITS
from portal.i18n import current_language, format_day, format_money, format_number
from portal.rules.codes import get_code
from portal.rules.countries import country_name, province_name
from portal.rules.i18n import pick
from portal.rules.messages import (
    Bilingual,
    CodeName,
    Country,
    CountryList,
    Day,
    Message,
    Money,
    Number,
    Param,
    Province,
    ProvinceList,
    Sentences,
)


def _special_rules(params: Mapping[str, str]) -> str:
    # The travel data carries its own note in English only: English readers get it, French
    # readers are told it exists.
    if current_language() == "fr":
        return str(_("Special rules apply depending on the passport (see the note in English)."))
    return params["note"]


def _stored_text(params: Mapping[str, str]) -> str:
    # Text an older portal stored in both languages, that no code's wording matched when the
    # decisions became codes (migration 0007): shown as it was stored.
    return params["fr"] if current_language() == "fr" else params["en"]


# Entries whose wording is not a single msgid.
RENDERERS: dict[str, Callable[[Mapping[str, str]], str]] = {
    "travel.special_rules": _special_rules,
    "stored.text": _stored_text,
    "batch.file.missing_columns": missing_columns_text,
}
ENTRIES: dict[str, LazyString | Plural] = {
    **FINDINGS,
    **REVIEW,
    **DECISIONS,
    **CODES,
    **FINDER,
    **COMPLIANCE,
    **PRACTICE,
    **ACCOUNTS,
    **ADMINISTRATION,
    **SANDBOX,
    **INSPECTIONS,
    **OFFERS,
    **WORK_PERMITS,
    **API_KEYS,
    **WEBHOOKS,
    **BATCHES,
}


def known_codes() -> frozenset[str]:
    """Every code the catalogue can word."""
    return frozenset(ENTRIES) | frozenset(RENDERERS)


def say(value: Param | None) -> str:
    """Text in the current language for a message, a reference or a plain value."""
    if value is None:
        return ""
    if isinstance(value, Message):
        return _text(value)
    return _resolve(value, current_language())


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Speak `lang` ("en" or "fr") inside the block, whatever the request asked for."""
    if not has_app_context():
        raise RuntimeError("the catalogue speaks inside an application context")
    with force_locale(lang):
        yield


def say_stored(data: Mapping[str, Any] | None) -> str:
    """Text in the current language for a message stored as JSON (`Message.to_json`)."""
    return say(Message.from_json(data)) if data else ""


def say_in(value: Param | None, lang: str) -> str:
    with language(lang):
        return say(value)


def _text(message: Message) -> str:
    lang = current_language()
    # Whole numbers stay numbers, for %(n)d placeholders.
    params: dict[str, object] = {
        name: value if isinstance(value, int) and not isinstance(value, bool)
        else _resolve(value, lang)
        for name, value in message.params
    }
    renderer = RENDERERS.get(message.code)
    if renderer is not None:
        return renderer({name: str(value) for name, value in params.items()})
    entry = ENTRIES[message.code]
    if isinstance(entry, Plural):
        return entry.say(params)
    return str(entry) % params


def _code_name(value: CodeName, lang: str) -> str:
    entry = get_code(value.key)
    name = entry.name(lang) if entry is not None else value.key
    return name.split("– ")[-1] if value.last_part else name


# How each kind of parameter is written in the reader's language (plain values: str()).
_RESOLVERS: tuple[tuple[type, Callable[[Any, str], str]], ...] = (
    (Message, lambda value, lang: _text(value)),
    (Country, lambda value, lang: country_name(value.code, lang)),
    (CountryList, lambda value, lang: ", ".join(
        sorted(country_name(code, lang) for code in value.codes))),
    (Province, lambda value, lang: province_name(value.code, lang)),
    (ProvinceList, lambda value, lang: ", ".join(
        province_name(code, lang) for code in value.codes)),
    (CodeName, _code_name),
    (Bilingual, lambda value, lang: pick(value.en, value.fr, lang)),
    (Money, lambda value, lang: format_money(value.cents, whole_dollars=True)),
    (Number, lambda value, lang: format_number(value.value)),
    (Sentences, lambda value, lang: " ".join(_text(message) for message in value.messages)),
    (Day, lambda value, lang: format_day(value.value, lang)),
)


def _resolve(value: Param, lang: str) -> str:
    for kind, resolve in _RESOLVERS:
        if isinstance(value, kind):
            return resolve(value, lang)
    return str(value)

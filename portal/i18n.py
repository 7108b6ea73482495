"""Language choice, the compiled French catalogues, and numbers written the reader's way.

The language is chosen by ?lang, then the session, then the browser's Accept-Language, then
English. English strings are the msgids; French lives in .po files under
portal/translations/fr/LC_MESSAGES/, one Flask-Babel domain per area (messages.po for the shell,
offers.po, findings.po, and so on) so that areas can be translated independently. The .po files
are compiled to .mo files by `pybabel compile` (bin/setup); the .mo files are build outputs, not
committed. Flask-Babel loads and merges the domains once per process and locale.
"""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, parse_pattern
from babel.support import Translations
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"
log = logging.getLogger(__name__)


def catalogue_files(lang: str) -> list[Path]:
    """The .po files (one per domain) of a language."""
    return sorted((CATALOGUE_DIR / lang / "LC_MESSAGES").glob("*.po"))


def domains() -> tuple[str, ...]:
    """The Flask-Babel domains: one per .po file of the French catalogue."""
    return tuple(path.stem for path in catalogue_files("fr"))


def stale_catalogues() -> list[Path]:
    """The .po files whose .mo is missing or older (they need `pybabel compile`)."""
    stale = []
    for lang_dir in sorted(p for p in CATALOGUE_DIR.iterdir() if p.is_dir()):
        for po in catalogue_files(lang_dir.name):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                stale.append(po)
    return stale


def compile_catalogues() -> list[Path]:
    """Compile every stale .po file, as `pybabel compile` does (fuzzy entries left out). Each
    .mo is written to a temporary file and renamed, so parallel test workers never read half a
    file. Returns the .po files compiled."""
    compiled = stale_catalogues()
    for po in compiled:
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        fd, tmp = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        os.replace(tmp, po.with_suffix(".mo"))
    return compiled


@cache
def load_translations(lang: str) -> Translations:
    """The compiled catalogues of `lang`, merged (for tests and tools outside a request)."""
    merged = Translations()
    for domain in domains():
        loaded = Translations.load(str(CATALOGUE_DIR), [lang], domain)
        if isinstance(loaded, Translations):  # a missing catalogue loads as NullTranslations
            merged.merge(loaded)
            merged.plural = loaded.plural  # merge() keeps the empty catalogue's English rule
    return merged


def configure(app: Flask) -> None:
    """Point Flask-Babel at every domain (it merges them) and warn if a catalogue is stale."""
    names = domains()
    app.config.setdefault("BABEL_DOMAIN", ";".join(names))
    app.config.setdefault(
        "BABEL_TRANSLATION_DIRECTORIES", ";".join([str(CATALOGUE_DIR)] * len(names))
    )
    stale = stale_catalogues()
    if stale:
        log.warning(
            "French catalogues not compiled (%s): run bin/setup (pybabel compile); until then "
            "pages show English", ", ".join(po.name for po in stale)
        )


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # command-line tasks speak English
        return "en"
    asked = request.args.get("lang")
    if asked is not None and asked in languages:
        session["lang"] = asked
        return asked
    remembered: str | None = session.get("lang")
    if remembered is not None and remembered in languages:
        return remembered
    return request.accept_languages.best_match(languages) or "en"


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else "en"


def babel_locale() -> str:
    """The locale numbers and dates are written in: Canadian English or Canadian French."""
    return "fr_CA" if current_language() == "fr" else "en_CA"


def format_money(cents: int, *, whole_dollars: bool = False) -> str:
    """Canadian dollars the reader's way ("$1,230.50" / "1 230,50 $", babel.numbers).
    With `whole_dollars`, an amount without cents drops them ("$230" / "230 $"), as sentences
    write a fee."""
    locale = babel_locale()
    amount = Decimal(cents) / 100
    if whole_dollars and cents % 100 == 0:
        pattern = parse_pattern(Locale.parse(locale).currency_formats["standard"].pattern)
        pattern.frac_prec = (0, 0)
        text: str = pattern.apply(amount, locale, currency="CAD", currency_digits=False)
        return text
    return format_currency(amount, "CAD", locale=locale)


def french_first(text: str) -> str:
    """French writes the first of the month as an ordinal: "1 décembre" -> "1er décembre"."""
    return "1er" + text[1:] if text.startswith("1 ") else text


def format_day(value: date, language: str | None = None) -> str:
    """A day written out in the reader's language (or `language`): "December 1, 2026" /
    "1er décembre 2026". Every page, message, email and PDF writes a day with this."""
    lang = language or current_language()
    text: str = format_date(value, format="long", locale="fr_CA" if lang == "fr" else "en_CA")
    return french_first(text) if lang == "fr" else text


def one_period(text: str) -> str:
    """A sentence whose name ends in a period ("Maple Inc.") ends once: "... for Maple Inc."
    never "Maple Inc..". An ellipsis ("...") is left alone; Markup stays Markup (its replace
    keeps the type)."""
    return text.replace("...", "\x00").replace("..", ".").replace("\x00", "...")


def format_number(value: Decimal | int | float) -> str:
    """A number the reader's way (2.5 / 2,5), without digit grouping."""
    return format_decimal(value, format="0.###", locale=babel_locale())


def other_language() -> str:
    return "fr" if current_language() == "en" else "en"


def toggle_url() -> str:
    """The current page in the other language (its query string kept)."""
    pairs = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    pairs.append(("lang", other_language()))
    return f"{request.path}?{urlencode(pairs)}"


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        current_language=current_language,
        other_language=other_language,
        language_toggle_url=toggle_url,
    )

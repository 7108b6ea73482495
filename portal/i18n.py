"""Language choice and the French catalogue.

The language is chosen by ?lang, then the session, then the browser's Accept-Language, then
English. English strings are the msgids; French lives in .po files under
portal/translations/fr/LC_MESSAGES/, one file per area (messages.po for the shell, offers.po,
and so on) so that areas can be translated independently. They are read straight from the .po
files once per process and merged, so there is no compile step and no stale .mo file.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, parse_pattern
from babel.support import Translations
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import Domain, get_locale

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"


def catalogue_files(lang: str) -> list[Path]:
    return sorted((CATALOGUE_DIR / lang / "LC_MESSAGES").glob("*.po"))


@cache
def load_translations(lang: str) -> Translations:
    """Every .po file for `lang`, merged into one Translations object."""
    merged = Translations()
    for path in catalogue_files(lang):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        merged.merge(Translations(fp=buffer))
    return merged


class PortalDomain(Domain):
    """Flask-Babel's domain, fed from the merged .po files."""

    def get_translations(self):  # type: ignore[no-untyped-def]
        locale = get_locale()
        if locale is None or locale.language == "en":
            return Translations()
        return load_translations(locale.language)


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # command-line tasks speak English
        return "en"
    asked = request.args.get("lang")
    if asked in languages:
        session["lang"] = asked
        return asked
    if session.get("lang") in languages:
        return session["lang"]
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
        return pattern.apply(amount, locale, currency="CAD", currency_digits=False)
    return format_currency(amount, "CAD", locale=locale)


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

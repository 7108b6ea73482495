"""Finding English strings that have no French translation.

Strings are extracted the way pybabel does (gettext/_/_l/ngettext in Python, {{ _() }} and
{% trans %} in templates) and looked up in the merged French catalogue (portal/i18n).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from portal.i18n import catalogue_files

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None,
            "ngettext": (1, 2), "lazy_ngettext": (1, 2)}
METHODS = [
    ("**/rules/**.py", "ignore"),  # the rules carry their own EN/FR text as data
    ("**.py", "python"),
    ("**.html", "jinja2"),
    ("**.txt", "jinja2"),
]
JINJA_OPTIONS = {"extensions": "jinja2.ext.do", "trimmed": "true"}


def extract_msgids() -> dict[str, str]:
    """Every translatable English string in portal/ and templates/, with where it is used."""
    found: dict[str, str] = {}
    for folder in ("portal", "templates"):
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder,
            method_map=METHODS,
            keywords=KEYWORDS,
            options_map={"**.html": JINJA_OPTIONS, "**.txt": JINJA_OPTIONS},
        ):
            msgids = message if isinstance(message, tuple) else (message,)
            for msgid in msgids:
                if msgid:
                    found.setdefault(msgid, f"{folder}/{filename}:{lineno}")
    return found


def translated_msgids(lang: str) -> dict[str, bool]:
    """msgid -> whether it has a usable (non-empty, non-fuzzy) translation."""
    result: dict[str, bool] = {}
    for path in catalogue_files(lang):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            ok = all(strings) and not message.fuzzy
            for msgid in ids:
                result[msgid] = result.get(msgid, False) or ok
    return result


def missing_translations(lang: str) -> list[tuple[str, str]]:
    done = translated_msgids(lang)
    return sorted((m, where) for m, where in extract_msgids().items() if not done.get(m))

"""Finding English strings that have no usable French translation: `flask translate check`.

It does what `pybabel extract` and `pybabel update` do, with babel's Python API: extract every
translatable string of portal/ (pages, forms, the catalogue of the codes rules and services
emit) and templates/ into a template catalogue (the .pot), then update the merged French
catalogue from it without fuzzy matching. A msgid that comes out untranslated or fuzzy is
missing; a translation whose %(placeholders)s do not match its msgid is broken (babel's
checkers).

It also keeps the one way of carrying French: portal/rules and portal/services return codes
with parameters, and only the catalogue (portal/catalogue) and the edges make text. A gettext
call, or an import of one, in rules or services is reported (`text_outside_catalogue`).
"""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from portal.i18n import catalogue_files

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None,
            "ngettext": (1, 2), "lazy_ngettext": (1, 2),
            "_n": (1, 2)}  # portal.catalogue.plural
METHODS = [
    ("**/rules/data/**.py", "ignore"),  # the reference data's build script, not the portal
    ("**.py", "python"),
    ("**.html", "jinja2"),
    ("**.txt", "jinja2"),
]
JINJA_OPTIONS = {"extensions": "jinja2.ext.do", "trimmed": "true"}


def extract_template() -> Catalog:
    """What `pybabel extract` would write: every translatable string, with where it is used."""
    template = Catalog()
    for folder in ("portal", "templates"):
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder,
            method_map=METHODS,
            keywords=KEYWORDS,
            options_map={"**.html": JINJA_OPTIONS, "**.txt": JINJA_OPTIONS},
        ):
            if message and all(message if isinstance(message, tuple) else (message,)):
                template.add(message, None, [(f"{folder}/{filename}", lineno)],
                             auto_comments=comments, context=context)
    return template


def merged_catalogue(lang: str) -> Catalog:
    """Every domain's .po file of `lang`, as one catalogue."""
    merged = Catalog(locale=lang)
    for path in catalogue_files(lang):
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and not _usable(merged.get(message.id, message.context)):
                    merged[message.id] = message
    return merged


def _usable(message: Message | None) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def _where(message: Message) -> str:
    return ", ".join(f"{path}:{line}" for path, line in message.locations[:1])


def extract_msgids() -> dict[str, str]:
    """Every translatable English string (each plural form too), with where it is used."""
    found: dict[str, str] = {}
    for message in extract_template():
        for msgid in _ids(message):
            found.setdefault(msgid, _where(message))
    return found


def _ids(message: Message) -> tuple[str, ...]:
    """The msgid, and the plural one too: babel gives one string, or a sequence for plurals."""
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def translated_msgids(lang: str) -> dict[str, bool]:
    """msgid -> whether it has a usable (non-empty, non-fuzzy) translation."""
    result: dict[str, bool] = {}
    for message in merged_catalogue(lang):
        if message.id:
            for msgid in _ids(message):
                result[msgid] = result.get(msgid, False) or _usable(message)
    return result


def missing_translations(lang: str) -> list[tuple[str, str]]:
    """(msgid, where) for each string the catalogues leave untranslated, fuzzy or broken."""
    template = extract_template()
    catalogue = merged_catalogue(lang)
    catalogue.update(template, no_fuzzy_matching=True)  # what `pybabel update -N` does
    problems = []
    for message in catalogue:
        if not message.id or message.id not in template:
            continue
        msgid = _ids(message)[0]
        if not _usable(message):
            problems.append((msgid, _where(message)))
    for message, errors in catalogue.check():
        msgid = _ids(message)[0]
        if message.id in template and _usable(message):
            problems += [(msgid, f"{_where(message)}: {error}") for error in errors]
    return sorted(problems)


# Below the edges, code only: the catalogue words what rules and services return.
CODE_ONLY = ("portal/rules", "portal/services")
# The outbox renders the email templates (an edge: templates/email) in the recipient's language.
TEXT_ALLOWED = frozenset({"portal/services/outbox/messages.py"})
GETTEXT = frozenset(KEYWORDS) | {"pgettext", "npgettext", "lazy_pgettext"}
GETTEXT_MODULES = frozenset({"flask_babel", "gettext", "babel", "support"})


def _gettext_uses(tree: ast.AST) -> list[tuple[int, str]]:
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            # _l("...") or flask_babel.gettext("..."); not a catalogue object's own gettext
            # (the French country names pycountry ships are reference data).
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id in GETTEXT_MODULES else "")
            if name in GETTEXT:
                uses.append((node.lineno, f"{name}(...)"))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name in GETTEXT:
                    uses.append((node.lineno, f"from {node.module} import {alias.name}"))
    return uses


def text_outside_catalogue() -> list[tuple[str, str]]:
    """(where, what) for each gettext call or import in portal/rules and portal/services: text
    they make instead of returning a code the catalogue words."""
    found = []
    for folder in CODE_ONLY:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name in TEXT_ALLOWED or "/data/" in name:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
            found += [(f"{name}:{line}", what) for line, what in _gettext_uses(tree)]
    return found

"""Helpers for reference data that is bilingual by nature (code, NOC, country and province names
held in both languages) and for accent-insensitive search. Everything else the portal says comes
from the catalogue (portal/catalogue)."""

from __future__ import annotations

import unicodedata

LANGS = ("en", "fr")


def pick(en: str, fr: str, lang: str) -> str:
    """Return the French text when lang starts with "fr", the English text otherwise."""
    return fr if isinstance(lang, str) and lang.lower().startswith("fr") else en


def fold(text: str) -> str:
    """Lower-case text with accents removed, for accent-insensitive search and sorting."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

"""Tiny helpers for bilingual (EN/FR) text carried as *_en / *_fr attributes."""

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


def money(cents: int, lang: str) -> str:
    """Format a CAD amount the way each language writes it: "$1,230.50" / "1 230,50 $"."""
    dollars, rest = divmod(abs(int(cents)), 100)
    sign = "-" if cents < 0 else ""
    if lang == "fr":
        whole = f"{dollars:,}".replace(",", "\u00a0")
        return f"{sign}{whole},{rest:02d}\u00a0$" if rest else f"{sign}{whole}\u00a0$"
    return f"{sign}${dollars:,}.{rest:02d}" if rest else f"{sign}${dollars:,}"

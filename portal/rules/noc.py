"""NOC 2021 V1.0 unit groups (516), with TEER and EN/FR titles, and a bilingual search."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from portal.rules._data import load
from portal.rules.i18n import fold, pick

NOC_CODE_RE = re.compile(r"^\d{5}$")
# IRCC's synthetic NOC for self-employed entrepreneurs (C11/C60 self-offers); treated as TEER 0/1.
ENTREPRENEUR_NOC = "88888"


@dataclass(frozen=True)
class UnitGroup:
    code: str
    teer: int
    title_en: str
    title_fr: str

    def title(self, lang: str) -> str:
        return pick(self.title_en, self.title_fr, lang)

    def label(self, lang: str) -> str:
        """ "63200 – Cooks": what a dropdown or a summary shows."""
        return f"{self.code} – {self.title(lang)}"


@functools.cache
def _groups() -> dict[str, UnitGroup]:
    rows = load("noc2021")["unit_groups"]
    return {r["code"]: UnitGroup(r["code"], r["teer"], r["en"], r["fr"]) for r in rows}


@functools.cache
def _search_index() -> tuple[tuple[UnitGroup, frozenset[str]], ...]:
    index = []
    for group in _groups().values():
        words = re.findall(r"\w+", fold(f"{group.title_en} {group.title_fr}"))
        index.append((group, frozenset(words)))
    return tuple(index)


def all_unit_groups() -> tuple[UnitGroup, ...]:
    """All 516 unit groups, sorted by code."""
    return tuple(_groups().values())


def get_unit_group(code: object) -> UnitGroup | None:
    if not isinstance(code, str):
        return None
    return _groups().get(code.strip())


def teer_of(code: object) -> int | None:
    """TEER of a NOC code: from the table, or 0 for IRCC's entrepreneur code 88888."""
    group = get_unit_group(code)
    if group is not None:
        return group.teer
    if isinstance(code, str) and code.strip() == ENTREPRENEUR_NOC:
        return 0
    return None


def search_noc(query: str, lang: str = "en", limit: int = 20) -> list[UnitGroup]:
    """Unit groups whose code starts with the query, or whose EN or FR title has a word starting
    with every word of the query (accent- and case-insensitive). Titles in `lang` rank first."""
    if not isinstance(query, str) or not query.strip() or limit <= 0:
        return []
    q = query.strip()
    if q.isdigit():
        return [g for g in _groups().values() if g.code.startswith(q)][:limit]
    terms = re.findall(r"\w+", fold(q))
    if not terms:
        return []
    hits = []
    for group, words in _search_index():
        if all(any(w.startswith(t) for w in words) for t in terms):
            own = re.findall(r"\w+", fold(group.title(lang)))
            in_own_lang = all(any(w.startswith(t) for w in own) for t in terms)
            hits.append((not in_own_lang, group.code, group))
    return [g for *_, g in sorted(hits)][:limit]

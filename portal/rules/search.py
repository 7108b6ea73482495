"""What a search box's words match, the same on SQLite and PostgreSQL (issue 14 item 3).

A query of 3 characters or more matches any row with the query as a case-insensitive substring
of one of the searched fields (the worker's family name, given names or the offer number; an
employer's legal or operating name). Both databases answer it from a trigram index: pg_trgm GIN
indexes on PostgreSQL, an FTS5 table with the trigram tokenizer on SQLite. A trigram index cannot
answer 1 or 2 characters, so a query that short matches the START of one field only (the
worker's family name; the employer's operating name), case-insensitively, from an ordinary
index. Wildcards (% _ *) and quotes are searched for literally.

Case: ASCII letters fold the same everywhere; other letters fold on PostgreSQL and in FTS5, but
SQLite's lower() folds only ASCII, so a 1-2 character query starting with a non-ASCII capital
(e.g. "ÉM" for "Émile") can differ between the databases; 3 characters or more do not.
"""

from __future__ import annotations

from dataclasses import dataclass

TRIGRAM = 3  # the shortest query a trigram index answers


@dataclass(frozen=True)
class Term:
    """A normalised query: `text` as typed (trimmed), `folded` lower-cased; `contains` for a
    substring search (3+ characters), else a prefix search."""

    text: str
    folded: str

    @property
    def contains(self) -> bool:
        return len(self.text) >= TRIGRAM

    @property
    def like_pattern(self) -> str:
        """The LIKE pattern (escape character backslash): substring or prefix of `folded`."""
        escaped = (
            self.folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        )
        return f"%{escaped}%" if self.contains else f"{escaped}%"

    @property
    def fts_phrase(self) -> str:
        """The FTS5 phrase for `text` (the trigram tokenizer folds case itself)."""
        return '"' + self.text.replace('"', '""') + '"'

    @property
    def prefix_bounds(self) -> tuple[str, str]:
        """[low, high) of the strings starting with `folded`, in code point (binary) order."""
        following = ord(self.folded[-1]) + 1
        if 0xD800 <= following <= 0xDFFF:  # surrogates are no characters: skip them
            following = 0xE000
        return self.folded, self.folded[:-1] + chr(min(following, 0x10FFFF))


def term(query: str) -> Term | None:
    """The term of a search box's text, or None when there is nothing to search for."""
    text = query.strip()
    if not text:
        return None
    return Term(text=text, folded=text.lower())


def digits_term(query: str) -> Term | None:
    """The digits of `query` as a term (a business number typed with spaces), or None when it
    has fewer than 3: a business number is searched by substring only."""
    digits = "".join(ch for ch in query if ch.isascii() and ch.isdigit())
    return Term(text=digits, folded=digits) if len(digits) >= TRIGRAM else None

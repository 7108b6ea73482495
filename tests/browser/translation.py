"""Finding English left on French pages.

A French page's text (text nodes and the attributes people hear or see: aria-label, alt,
title, placeholder, button values) is compared with two references:

1. the portal's English msgids that have a *different* French translation (or none yet): any
   of them found on the French page is English the catalogue did not translate (this catches
   error messages that only appear after a failed submit). A one-word msgid counts only when
   it is the whole string, since many words are spelled the same in both languages;
2. the English version of the same page (same URL with ?lang=en): a French-page string that
   is identical in English and reads like an English sentence (three or more words, one of
   them an English function word) is English that never went through _() (hard-coded text,
   or reference data shown in the wrong language).

Ignored: text inside an element marked lang="en" (the "English" toggle), what the journey
typed (user data is shown as entered), text without letters (numbers, codes, amounts),
machine identifiers (IDENTIFIER below) and ALLOWED_IDENTICAL below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

# Strings that are legitimately the same in English and French. Keep this list short and
# say why each one is here.
ALLOWED_IDENTICAL = frozenset(
    {
        "Total",  # same word in French
        "Date",  # same word in French
        "Province",  # same word in French
        "Code",  # same word in French
        "Description",  # same word in French
        "IRCC",  # acronym used in French too
        "PDF",
    }
)
EN_FUNCTION_WORDS = frozenset({
    "the", "and", "of", "to", "your", "you", "is", "are", "for", "with", "this", "that", "an",
    "in", "by", "or", "not", "be", "will", "can", "must", "has", "have", "was", "were", "from",
    "at", "it", "its", "we", "our", "please", "here", "no", "yet", "any",
})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
SKIPPED_TAGS = frozenset({"script", "style", "template"})
SPOKEN_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]")
# A machine identifier such as the audit log's action names ("employer.created_by_admin",
# shown in <code> and typed as is into the audit filter): one lower-case token joined by dots
# or underscores is not a sentence, and must not be translated. Without this, "by" in it made
# the identifier "read as English".
IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)+")


@dataclass(frozen=True)
class Text:
    text: str
    lang: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("#root", "")]
        self.texts: list[Text] = []
        self.in_body = False

    @property
    def lang(self) -> str:
        return self.stack[-1][1]

    def _add(self, value: str | None, lang: str) -> None:
        text = " ".join((value or "").split())
        if text and self.in_body and not any(tag in SKIPPED_TAGS for tag, _ in self.stack):
            self.texts.append(Text(text, lang))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # <html lang> is checked elsewhere; here only parts marked in another language count.
        lang = (values.get("lang") if tag != "html" else None) or self.lang
        if tag == "body":
            self.in_body = True
        for name in SPOKEN_ATTRIBUTES:
            self._add(values.get(name), lang)
        if tag == "input" and values.get("type") in {"submit", "button", "reset"}:
            self._add(values.get("value"), lang)
        if tag not in VOID_TAGS:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        self._add(data, self.lang)


def page_texts(html: str) -> list[Text]:
    """Every string a reader meets in the page's body, with the language it is marked in."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.texts


@cache
def untranslated_msgid_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, msgid) for every English msgid whose French is different or missing."""
    from portal.i18n import load_translations
    from portal.translation_check import extract_msgids, translated_msgids

    french = load_translations("fr")
    done = translated_msgids("fr")
    patterns = []
    for msgid in extract_msgids():
        if done.get(msgid) and french.gettext(msgid) == msgid:
            continue  # the same in both languages by design
        parts = [part for part in PLACEHOLDER.split(msgid)]
        literal = max(parts, key=len).strip()
        if len(WORD.findall(literal)) == 0 or sum(ch.isalpha() for ch in literal) < 4:
            continue  # nothing recognisable to look for
        # Spaces around a placeholder stay (as \s+): "%(a)s of %(b)s points" must not match
        # the "of" inside "offres ... points de terminaison".
        body = r".+?".join(r"\s+".join(re.escape(word) for word in re.split(r"\s+", part))
                           for part in parts)
        if len(WORD.findall(msgid)) == 1:
            # One word ("File", "Date") may be a French word too: only a whole string counts.
            start, end = r"^\s*", r"\W*$"
        else:
            start = r"\b" if msgid[:1].isalnum() else ""
            end = r"\b" if msgid[-1:].isalnum() else ""
        patterns.append((re.compile(start + body + end), msgid))
    return tuple(patterns)


def _without_typed(text: str, typed: set[str]) -> str:
    for value in sorted(typed, key=len, reverse=True):
        if value and value in text:
            text = text.replace(value, " ")
    return text


def _reads_as_english(text: str) -> bool:
    words = [word.lower() for word in WORD.findall(text)]
    return len(words) >= 3 and any(word in EN_FUNCTION_WORDS for word in words)


def untranslated(french_html: str, english_html: str, typed: set[str]) -> list[str]:
    """English strings left on a French page, each with why it was flagged."""
    english = {item.text for item in page_texts(english_html)}
    problems: list[str] = []
    for item in page_texts(french_html):
        if item.lang.startswith("en") or item.text in ALLOWED_IDENTICAL:
            continue
        # An address (web or email) is no language: a token or name in it can spell "to", "offers".
        text = re.sub(r"https?://\S+|[\w.+-]+@[\w.-]+", " ", _without_typed(item.text, typed))
        if not WORD.search(text) or IDENTIFIER.fullmatch(text.strip()):
            continue
        hits = [msgid for pattern, msgid in untranslated_msgid_patterns() if pattern.search(text)]
        if hits:
            problems.append(f"untranslated: {item.text!r} (English msgid {hits[0]!r})")
        elif item.text in english and _reads_as_english(text):
            problems.append(f"untranslated: {item.text!r} (identical on the English page)")
    return problems

"""Catalogue entries whose wording depends on a number: "1 year" / "5 years", "1 an" / "5 ans".

`_n(singular, plural, count)` declares one; `count` names the message parameter that picks the
form, by the reader's language's plural rule (the .po header's Plural-Forms: in French 0 and 1
take the singular). `flask translate extract|check` find them by the keyword `_n`
(portal.translation_check.KEYWORDS), as `pybabel extract -k _n:1,2` would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import ngettext


@dataclass(frozen=True)
class Plural:
    """A msgid with its plural form; `count` is the parameter that chooses between them."""

    singular: str
    plural: str
    count: str

    def say(self, params: Mapping[str, object]) -> str:
        """The entry in the current language, its placeholders filled from `params`."""
        number = int(str(params[self.count]))
        return str(ngettext(self.singular, self.plural, number, **params))


def _n(singular: str, plural: str, count: str) -> Plural:
    return Plural(singular, plural, count)

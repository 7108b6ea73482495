"""Characters no text input may carry: C0 control characters (NUL included: PostgreSQL refuses
it in text and SQLite would store it) and the bidirectional overrides and isolates that make
text display in another order than it is stored (U+202A-U+202E, U+2066-U+2069).

Multi-line text (text areas, spreadsheet cells) allows tab, line feed and carriage return;
single-line text allows none of them. The forms and the API check it through
portal.text_checks, the spreadsheet batches through portal.services.batches.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SINGLE_LINE = re.compile(f"[\x00-\x1f\x7f{_BIDI}]")
_MULTI_LINE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{_BIDI}]")


def is_unsafe(value: object, *, multiline: bool = False) -> bool:
    """True when `value` is a string holding a character no input may carry."""
    if not isinstance(value, str):
        return False
    return (_MULTI_LINE if multiline else _SINGLE_LINE).search(value) is not None

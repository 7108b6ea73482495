"""One page of a list: its rows and where it sits among the pages (the admin's employer list and
the audit log use it; neither owns it, so neither service package imports the other for it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    page: int
    pages: int
    total: int

"""Loads the JSON reference files in portal/rules/data/ once per process."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def load(name: str) -> Any:
    """Return the parsed content of data/<name>.json (cached; callers must not mutate it)."""
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))

"""What one run of the benchmark table measures with: the database and the run's size."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Options:
    database_url: str | None  # PostgreSQL (emptied) or None: a SQLite file per row group
    quick: bool = False
    pairs: int = 3  # A/B repetitions
    seconds: float = 8.0  # of load per measurement
    small: int = 1_000  # the dashboard employer's offers, then...
    large: int = 100_000  # ...after the bulk add
    renders: int = 40  # render pairs (app / plain WeasyPrint)
    rss_renders: int = 1_000
    _tmp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="bench-run-")))

    @classmethod
    def for_run(cls, database_url: str | None, quick: bool) -> Options:
        if not quick:
            return cls(database_url)
        return cls(database_url, quick=True, pairs=2, seconds=2.0, large=10_000, renders=10,
                   rss_renders=200)

    @property
    def dialect(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    def fresh_url(self, name: str) -> str:
        """The database a row group fills: PostgreSQL's (emptied by the group's rebuild), or a
        new SQLite file."""
        return self.database_url or f"sqlite:///{self._tmp / name}.sqlite"

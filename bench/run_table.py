"""The benchmark table: one row per figure of issue 14, its median over the repetitions, the
spread (min-max), the goal and whether it is met; the last line counts the goals met.

Pure: rows are built from the samples the row modules measured (bench/rows_*.py)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

AT_LEAST, AT_MOST = ">=", "<="


@dataclass(frozen=True)
class Row:
    name: str
    goal: str
    figure: str = "-"
    spread: str = "-"
    met: bool | None = None  # None: not measured here (not counted)
    note: str = ""


def ratio_row(name: str, samples: Sequence[float], op: str, limit: float, *, note: str = "",
              unit: str = "") -> Row:
    """A figure judged by its median: `op` is AT_LEAST or AT_MOST `limit`."""
    if not samples:
        return Row(name=name, goal=f"{op} {limit:g}{unit}", figure="no data", met=False,
                   note=note)
    middle = statistics.median(samples)
    met = middle >= limit if op == AT_LEAST else middle <= limit
    spread = f"{min(samples):.3g}-{max(samples):.3g}" if len(samples) > 1 else "(one run)"
    return Row(name=name, goal=f"{op} {limit:g}{unit}", figure=f"{middle:.3g}{unit}",
               spread=spread, met=met, note=note)


def check_row(name: str, ok: bool, *, note: str = "") -> Row:
    return Row(name=name, goal="verifies", figure="verified" if ok else "BROKEN", met=ok,
               note=note)


def skipped_row(name: str, goal: str, why: str) -> Row:
    return Row(name=name, goal=goal, figure="not run", met=None, note=why)


def failed_row(name: str, goal: str, error: BaseException) -> Row:
    message = f"{type(error).__name__}: {error}".replace("\n", " ")
    return Row(name=name, goal=goal, figure="error", met=False, note=message[:160])


def goals_line(rows: Sequence[Row]) -> str:
    counted = [row for row in rows if row.met is not None]
    return f"goals met: {sum(1 for row in counted if row.met)} of {len(counted)}"


def format_table(rows: Sequence[Row], title: str) -> str:
    header = ("benchmark", "measured", "spread (min-max)", "goal", "met", "note")
    cells = [header] + [
        (row.name, row.figure, row.spread, row.goal,
         "-" if row.met is None else "yes" if row.met else "NO", row.note)
        for row in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header) - 1)]
    lines = [title, ""]
    for number, line in enumerate(cells):
        text = "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False))
        lines.append(f"{text}  {line[-1]}".rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths) + "  ----")
    lines += ["", goals_line(rows)]
    return "\n".join(lines)

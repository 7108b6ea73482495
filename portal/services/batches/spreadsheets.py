"""The batch template (headers only, in the language asked for) as CSV or XLSX, and the error
report of a batch's dry run as CSV lines. Every cell written is neutralised against formulas
(`portal.services.offers.queue.spreadsheet_cell`)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from portal.models import Batch
from portal.services.batches.checking import csv_chunks


def template_csv(headers: Sequence[str]) -> Iterator[str]:
    """The template's header row as CSV text."""
    return csv_chunks([headers])


def template_xlsx(headers: Sequence[str]) -> bytes:
    """The template as an Excel workbook: the header row, every column as text (so Excel
    keeps the leading zeros of a passport number or a NOC code)."""
    from openpyxl import Workbook  # only when asked for (a heavy import)

    book = Workbook()
    sheet = book.active
    if sheet is None:  # a new workbook always has one sheet
        raise RuntimeError("openpyxl made a workbook without a sheet")
    sheet.title = "offers"
    sheet.append(list(headers))
    for index, cells in enumerate(sheet.iter_cols(min_row=1, max_row=1), start=1):
        letter = cells[0].column_letter
        sheet.column_dimensions[letter].width = max(14, min(40, len(headers[index - 1]) + 2))
        for row in range(2, 502):
            sheet.cell(row=row, column=index).number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def error_report(
    batch: Batch, *, header: Sequence[str], column_label: Callable[[str | None], str],
    word: Callable[[dict[str, Any]], str],
) -> Iterator[str]:
    """The batch's errors as CSV: one line per error (row, column, the cell as typed, the
    message worded by `word` in the reader's language), under the `header` given."""
    def lines() -> Iterator[Sequence[object]]:
        yield header
        for row in batch.rows:
            for error in row.errors:
                field = error.get("field")
                yield (row.row_number, column_label(field),
                       row.cells.get(field, "") if field else "", word(error["message"]))
    return csv_chunks(lines())

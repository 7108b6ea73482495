"""Reading an uploaded spreadsheet (CSV in UTF-8, with or without a byte order mark, or XLSX)
into rows of cells by column key, refusing files the batch cannot take with a clear reason.

Limits: 5 MB, 500 rows of offers (blank rows are not counted); an XLSX's parts may expand to
50 MB at most (checked before anything is decompressed: a zip bomb is refused at once). The
header row names the columns in English or French (or by their keys); every column of the
template must be there and no other.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from portal.rules.messages import Message
from portal.services.batches.columns import COLUMN_KEYS
from portal.services.errors import DomainError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 500
# An XLSX's parts once decompressed (a template of 500 full rows is about 2 MB of XML).
MAX_XLSX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_XLSX_PARTS = 200


class BatchFileError(DomainError):
    """The file as a whole cannot be read as a batch (nothing is written)."""

    def __init__(self, message: Message, *, code: str) -> None:
        super().__init__(message, field="file", code=code)


@dataclass(frozen=True)
class SheetRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: dict[str, str]


def _normal_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold()


def _is_xlsx(data: bytes, file_name: str) -> bool:
    return data[:4] == b"PK\x03\x04" or file_name.lower().endswith(".xlsx")


def _csv_lines(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BatchFileError(Message.of("batch.file.encoding"), code="file.encoding") from error
    yield from csv.reader(io.StringIO(text, newline=""))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_archive(data: bytes) -> None:
    """An XLSX is a zip archive: refuse one whose parts would expand past the limit (a zip bomb
    of a few megabytes can hold gigabytes of sheet XML) before anything is decompressed. The
    sizes are the archive's own; zipfile never expands a part beyond its stated size."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise BatchFileError(Message.of("batch.file.type"), code="file.type") from error
    if len(parts) > MAX_XLSX_PARTS or sum(p.file_size for p in parts) > MAX_XLSX_EXPANDED_BYTES:
        raise BatchFileError(Message.of("batch.file.too_large_expanded",
                                        limit=MAX_XLSX_EXPANDED_BYTES // 1024 // 1024),
                             code="file.too_large")


def _xlsx_lines(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # only when an XLSX comes (a heavy import)

    _check_archive(data)
    # Whatever openpyxl raises on a damaged or disguised file (its errors have no common base):
    # the file is refused as not a workbook, never a 500. Rows are read one at a time, so a
    # sheet longer than the row limit stops being read there.
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True)
    except Exception as error:
        raise BatchFileError(Message.of("batch.file.type"), code="file.type") from error
    try:
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception as error:
                raise BatchFileError(Message.of("batch.file.type"), code="file.type") from error
            yield [_cell_text(value) for value in values]
    finally:
        book.close()


def _columns(header: list[str], aliases: Mapping[str, str]) -> list[str | None]:
    keys = [aliases.get(_normal_header(name)) for name in header]
    named = [(key, name) for key, name in zip(keys, header, strict=True) if name.strip()]
    extra = [name for key, name in named if key is None]
    missing = [key for key in COLUMN_KEYS if key not in keys]
    if missing:
        raise BatchFileError(Message.of("batch.file.missing_columns", columns=",".join(missing)),
                             code="file.missing_columns")
    if extra:
        raise BatchFileError(Message.of("batch.file.extra_columns", columns=", ".join(extra)),
                             code="file.extra_columns")
    return keys


def _rows(lines: Iterable[list[str]], aliases: Mapping[str, str]) -> list[SheetRow]:
    iterator = iter(lines)
    header = next((line for line in iterator if any(c.strip() for c in line)), None)
    if header is None:
        raise BatchFileError(Message.of("batch.file.empty"), code="file.empty")
    keys = _columns(header, aliases)
    rows: list[SheetRow] = []
    for number, line in enumerate(iterator, start=2):
        if not any(cell.strip() for cell in line):
            continue
        if len(rows) == MAX_ROWS:
            raise BatchFileError(Message.of("batch.file.too_many_rows", limit=MAX_ROWS),
                                 code="file.too_many_rows")
        cells = {key: value for key, value in zip(keys, line, strict=False) if key}
        stray = [value for index, value in enumerate(line)
                 if (index >= len(keys) or keys[index] is None) and value.strip()]
        if stray:
            raise BatchFileError(Message.of("batch.file.extra_cells", row=number),
                                 code="file.extra_columns")
        rows.append(SheetRow(number, cells))
    if not rows:
        raise BatchFileError(Message.of("batch.file.empty"), code="file.empty")
    return rows


def read_sheet(data: bytes, *, file_name: str, aliases: Mapping[str, str]) -> list[SheetRow]:
    """The rows of offers in the file, by column key (`aliases` maps each header as people
    write it, case and spacing aside, to its column key). Raises BatchFileError for a file
    that is empty, too big, of another type, not in UTF-8 (CSV), with missing or extra
    columns, or with more than MAX_ROWS rows."""
    if not data:
        raise BatchFileError(Message.of("batch.file.empty"), code="file.empty")
    if len(data) > MAX_BYTES:
        raise BatchFileError(Message.of("batch.file.too_large", limit=MAX_BYTES // 1024 // 1024),
                             code="file.too_large")
    if _is_xlsx(data, file_name):
        return _rows(_xlsx_lines(data), aliases)
    if not file_name.lower().endswith((".csv", ".txt")):
        raise BatchFileError(Message.of("batch.file.type"), code="file.type")
    return _rows(_csv_lines(data), aliases)

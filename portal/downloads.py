"""CSV downloads, written once: streamed as the service yields its chunks, in UTF-8 with a byte
order mark (Excel reads a file without one as Windows-1252 and garbles "García Núñez")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from flask import Response, stream_with_context

BOM = "\ufeff"


def _with_bom(chunks: Iterable[str]) -> Iterator[str]:
    yield BOM
    yield from chunks


def csv_download(chunks: Iterable[str], filename: str, *, private: bool = True) -> Response:
    """A streamed CSV attachment named `filename`; `private` keeps it out of every cache."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if private:
        headers["Cache-Control"] = "private, no-store"
    return Response(
        stream_with_context(_with_bom(chunks)),
        mimetype="text/csv",
        headers=headers,
    )


_EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


def file_download(data: bytes, name: str, content_type: str) -> Response:
    """A stored upload (PDF, PNG or JPEG) as a private attachment called `name` + extension;
    the name is ours, never the uploader's, and the browser may not guess another type."""
    extension = _EXTENSIONS.get(content_type, "")
    return Response(data, mimetype=content_type, headers={
        "Content-Disposition": f'attachment; filename="{name}{extension}"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})

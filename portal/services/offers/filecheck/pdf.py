"""A PDF is opened with pypdf and walked, object by object, before it is stored.

Every read is bounded: before pypdf reads anything, every zlib stream in the file is expanded in
small chunks that are counted and dropped, so a zip bomb behind a PDF header (in a page, an
object stream or the cross-reference stream) is refused after at most the budget, in a fraction
of a second and with little memory; pypdf then runs under a configuration whose decompression
limits are the same budget and whose damaged-stream recovery is short.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from portal.rules.messages import Message
from portal.services.errors import DomainError

MAX_OBJECTS = 200_000  # objects walked at most (a real evidence PDF has a few thousand)
MAX_DEPTH = 64  # nesting of direct dictionaries and arrays
_CHUNK = 256 * 1024
_STREAM = re.compile(rb"stream\r?\n")
# Names that make a PDF do something when it is opened or clicked.
_JAVASCRIPT = ("/JS", "/JavaScript")
_EMBEDDED = ("/EmbeddedFiles", "/EmbeddedFile", "/EF")


class _Budget:
    """Bytes a PDF's compressed streams may expand to, in total."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def spend(self, count: int) -> None:
        self.used += count
        if self.used > self.limit:
            raise _refused(Message.of("evidence.pdf_expands", mb=self.limit // (1024 * 1024)))


def _refused(message: Message) -> DomainError:
    """The refusal (no field: the caller puts it on its own), its kind the message's name."""
    return DomainError(message, code=message.code.removeprefix("evidence."))


def check(data: bytes, *, max_pages: int, max_expanded_bytes: int) -> None:
    """Refuse (DomainError, no field) a PDF that pypdf cannot open, is encrypted, has more than
    `max_pages` pages, runs JavaScript or another program, embeds files, or expands beyond
    `max_expanded_bytes`."""
    budget = _Budget(max_expanded_bytes)
    limits: dict[str, Any] = {name: max_expanded_bytes for name in (
        "zlib_maximum_output_length", "lzw_maximum_output_length",
        "run_length_maximum_output_length", "brotli_maximum_output_length",
        "jbig2_maximum_output_length", "array_based_stream_maximum_output_length",
        "image_maximum_buffer_size")}
    with apply_configuration(zlib_maximum_recovery_input_length=64 * 1024,
                             maximum_declared_stream_length=len(data),
                             **limits):
        try:
            _check_document(data, max_pages=max_pages, budget=budget)
        except DomainError:
            raise
        except Exception as error:  # pypdf raises many kinds on a damaged or fake PDF
            if isinstance(error, LimitReachedError) or isinstance(
                    error.__cause__, LimitReachedError):
                raise _refused(Message.of("evidence.pdf_expands",
                                          mb=max_expanded_bytes // (1024 * 1024))) from None
            raise _refused(Message.of("evidence.pdf_unreadable")) from None


def _check_document(data: bytes, *, max_pages: int, budget: _Budget) -> None:
    _count_expansion(data, budget)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise _refused(Message.of("evidence.pdf_encrypted"))
    if not isinstance(reader.trailer.get("/Root"), (IndirectObject, DictionaryObject)):
        raise _refused(Message.of("evidence.pdf_unreadable"))
    for obj in _objects(reader):
        _check_object(obj)
    pages = len(reader.pages)
    if pages == 0:
        raise _refused(Message.of("evidence.pdf_unreadable"))
    if pages > max_pages:
        raise _refused(Message.of("evidence.pdf_too_many_pages", pages=max_pages))


def _objects(reader: PdfReader) -> Iterator[Any]:
    """The trailer and every object the cross-reference lists (in object streams too)."""
    yield reader.trailer
    numbers: set[tuple[int, int]] = set()
    for generation, entries in reader.xref.items():
        numbers.update((number, generation) for number in entries)
    numbers.update((number, 0) for number in reader.xref_objStm)
    if len(numbers) > MAX_OBJECTS:
        raise _refused(Message.of("evidence.pdf_unreadable"))
    for number, generation in sorted(numbers):
        yield reader.get_object(IndirectObject(number, generation, reader))


def _check_object(obj: Any, depth: int = 0) -> None:
    """Refuse active content or embedded files in `obj` and the direct objects inside it.
    Indirect references are not followed (each is walked once from the cross-reference)."""
    if depth > MAX_DEPTH:
        raise _refused(Message.of("evidence.pdf_unreadable"))
    if isinstance(obj, DictionaryObject):
        _check_dictionary(obj)
        for value in obj.values():
            _check_object(value, depth + 1)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            _check_object(value, depth + 1)


def _check_dictionary(obj: DictionaryObject) -> None:
    action = obj.get("/S")
    if any(name in obj for name in _JAVASCRIPT) or action == "/JavaScript":
        raise _refused(Message.of("evidence.pdf_javascript"))
    if action == "/Launch" or "/Launch" in obj:
        raise _refused(Message.of("evidence.pdf_launch"))
    if any(name in obj for name in _EMBEDDED) or obj.get("/Type") == "/EmbeddedFile":
        raise _refused(Message.of("evidence.pdf_embedded"))


def _count_expansion(data: bytes, budget: _Budget) -> None:
    """Expand every zlib stream of the file (what follows each `stream` keyword, whatever its
    dictionary says, in the cross-reference and object streams too) chunk by chunk, counting the
    bytes against the budget and keeping none. Runs before pypdf reads anything."""
    view = memoryview(data)
    for found in _STREAM.finditer(data):
        _expand(view, found.end(), budget)


def _expand(view: memoryview, start: int, budget: _Budget) -> None:
    decompressor = zlib.decompressobj()
    position, pending = start, b""
    try:
        while not decompressor.eof:
            if not pending:
                if position >= len(view):
                    out = decompressor.decompress(b"", _CHUNK)  # what zlib still holds
                    budget.spend(len(out))
                    if not out:
                        return
                    continue
                pending = bytes(view[position:position + _CHUNK])
                position += len(pending)
            out = decompressor.decompress(pending, _CHUNK)
            budget.spend(len(out))
            pending = decompressor.unconsumed_tail
    except zlib.error:
        return  # not zlib data, or damaged: it expands no further than where it breaks

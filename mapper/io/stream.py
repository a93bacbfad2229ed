"""Reading an interchange document record by record, so memory stays bounded at any size.

A 154 MiB document of 100,000 actors parsed whole is about 1 GiB of Python objects. Here only
a window of the text (a few MiB) and one batch of records are held at a time: the top level
(`{"format": …, "actors": [ … ], …}`) is walked by hand, and each record is decoded by the
standard library's C scanner (``json.JSONDecoder.raw_decode``) right where it starts in the text.
An in-memory document goes through the same ``Member``/``Batch`` items (``document_items``), so
validation and writing have one path for both.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from mapper.domain.errors import InputProblem, ValidationError

BATCH = 2_000
"""Records per batch: large enough for set-based writes, small enough to keep memory low."""

COLLECTIONS = ("actors", "problems", "partnerships")
"""The top-level arrays whose items are read one at a time."""

_CHUNK = 1 << 20  # characters read at a time
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_FIRST_FIELD = re.compile(r'(\{\s*"[^"\\]*"\s*:)')


@dataclass(frozen=True)
class Member:
    """A top-level member other than the records of a collection (``format``, ``version``, an
    unknown field, or a collection that is not an array)."""

    key: str
    value: Any


@dataclass(frozen=True)
class Batch:
    """Consecutive records of one collection; ``offset`` is the position of the first one in
    its array (records without an id are named by position, e.g. 'actors[12]'). A collection
    that is present always gives at least one batch, empty for an empty array."""

    collection: str
    offset: int
    records: list[Any]


Item = Member | Batch


def document_items(doc: Mapping[str, Any], size: int = BATCH) -> Iterator[Item]:
    """The items of a document already in memory, in its order."""
    for key, value in doc.items():
        if key in COLLECTIONS and isinstance(value, list):
            yield Batch(key, 0, value[:size])
            for start in range(size, len(value), size):
                yield Batch(key, start, value[start : start + size])
        else:
            yield Member(key, value)


def read_items(
    source: str | Path | IO[bytes], size: int = BATCH, *, name: str | None = None
) -> Iterator[Item]:
    """The items of a JSON document file, read as they are needed.

    Malformed JSON raises ValidationError naming line and column (code 'not_json'); a document
    that is not a JSON object raises one with code 'not_object'. Items before the fault have
    been yielded by then: the caller's transaction must roll back on the error."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as fh:
            yield from _Reader(fh, name or str(source), size).items()
    else:
        yield from _Reader(source, name or str(getattr(source, "name", "<input>")), size).items()


class _NotJson(Exception):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _reject_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value", -1)


class _Reader:
    """The text window over a UTF-8 byte stream, and the top-level walk."""

    def __init__(self, stream: IO[bytes], name: str, size: int) -> None:
        self.stream = stream
        self.name = name
        self.size = size
        self.utf8 = codecs.getincrementaldecoder("utf-8")()
        self.decoder = json.JSONDecoder(parse_constant=_reject_constant)
        self.text = ""
        self.pos = 0
        self.eof = False
        self.line0 = 1
        """Line and column of text[0] in the whole document (1-based)."""
        self.column0 = 1
        self.runs = True
        """Whole records may be decoded many at a time in the current window."""
        self.check_surrogates = False
        """A "\\uD8xx" escape was seen: records are checked for lone surrogates, which the
        scanner accepts and no database can store."""

    # ----------------------------------------------------------------- the text window

    def _more(self) -> bool:
        """Read the next chunk, dropping the text already consumed; False at the end."""
        if self.eof:
            return False
        data = self.stream.read(_CHUNK)
        try:
            chunk = self.utf8.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            # Name the place of the first bad byte: the text up to it joins the window.
            self._drop_consumed()
            self.text += data[: max(exc.start, 0)].decode("utf-8", errors="replace")
            raise self._error(
                f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x})", len(self.text)
            ) from exc
        self.runs = True
        if not data:
            self.eof = True
        if _SURROGATE_ESCAPE.search(chunk):
            self.check_surrogates = True
        self._drop_consumed()
        self.text += chunk
        return bool(chunk) or not self.eof

    def _drop_consumed(self) -> None:
        if self.pos == 0:
            return
        dropped = self.text[: self.pos]
        newlines = dropped.count("\n")
        if newlines:
            self.line0 += newlines
            self.column0 = self.pos - dropped.rfind("\n")
        else:
            self.column0 += self.pos
        self.text = self.text[self.pos :]
        self.pos = 0

    def _peek(self) -> str:
        """The next character that is not whitespace ('' at the end), without consuming it."""
        while True:
            text = self.text
            pos = self.pos = _WHITESPACE.match(text, self.pos).end()  # type: ignore[union-attr]
            if pos < len(text):
                return text[pos]
            if not self._more():
                return ""

    def _expect(self, chars: str, what: str) -> str:
        char = self._peek()
        if not char or char not in chars:
            found = f"'{char}'" if char else "the end of the document"
            raise self._error(f"expected {what}, found {found}", self.pos)
        self.pos += 1
        return char

    def _value(self) -> Any:
        """Decode the JSON value at the current position, reading on while it is cut off."""
        self._peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                cut_off = exc.msg.startswith("Unterminated string") or exc.pos >= len(self.text) - 6
                if cut_off and not self.eof:
                    self._more()  # moves the window: decode again
                    continue
                raise self._error(exc.msg, exc.pos) from exc
            except _NotJson as exc:
                raise self._error(exc.message, self.pos) from exc
            except RecursionError as exc:
                raise self._error("nested too deeply", self.pos) from exc
            # A number at the end of the window may go on in the next chunk.
            if end >= len(self.text) and not self.eof:
                self._more()
                continue
            if self.check_surrogates:
                try:
                    orjson.dumps(value)
                except orjson.JSONEncodeError as exc:
                    raise self._error(
                        "a lone surrogate (\\uD800-\\uDFFF) in a string", self.pos
                    ) from exc
            self.pos = end
            return value

    def _error(self, message: str, position: int) -> ValidationError:
        before = self.text[: max(position, 0)]
        newlines = before.count("\n")
        line = self.line0 + newlines
        column = len(before) - before.rfind("\n") if newlines else self.column0 + len(before)
        where = f"line {line}, column {column}"
        return ValidationError(
            [
                InputProblem(
                    "document",
                    where,
                    None,
                    f"not valid JSON: {message}",
                    code="not_json",
                    params={"line": line, "column": column},
                )
            ],
            source=self.name,
        )

    # ----------------------------------------------------------------- the top level

    def items(self) -> Iterator[Item]:
        self._more()
        if self.text.startswith("\ufeff"):  # a byte order mark, as some Windows tools write
            self.pos = 1
        first = self._peek()
        if first != "{":
            if first in '["-0123456789tfn':
                kind = type(self._value()).__name__
                raise ValidationError(
                    [
                        InputProblem(
                            "document",
                            "(top level)",
                            kind,
                            "expected a JSON object",
                            '{"format": "mapper-landscape", ...}',
                            code="not_object",
                        )
                    ],
                    source=self.name,
                )
            self._expect("{", "a JSON object")
        self.pos += 1
        if self._peek() == "}":
            self.pos += 1
        else:
            while True:
                if self._peek() != '"':
                    raise self._error("expected a field name in double quotes", self.pos)
                key = self._value()
                self._expect(":", "':'")
                if key in COLLECTIONS and self._peek() == "[":
                    yield from self._records(key)
                else:
                    yield Member(key, self._value())
                if self._expect(",}", "',' or '}'") == "}":
                    break
        if self._peek():
            raise self._error("more text after the document", self.pos)

    def _records(self, collection: str) -> Iterator[Batch]:
        self.pos += 1  # the '['
        offset, batch = 0, []
        if self._peek() == "]":
            self.pos += 1
        else:
            while True:
                # Most records come many at a time (orjson over the window); the one that runs
                # past the window's end, and any fault, take the careful way.
                records = self._whole_records()
                if records:
                    self.pos += 1  # the ',' after them
                records.append(self._value())
                for record in records:
                    batch.append(record)
                    if len(batch) == self.size:
                        yield Batch(collection, offset, batch)
                        offset, batch = offset + len(batch), []
                if self._expect(",]", "',' or ']'") == "]":
                    break
        if batch or offset == 0:
            yield Batch(collection, offset, batch)

    def _whole_records(self) -> list[Any]:
        """The records from here to the last record boundary in the window, decoded by orjson
        in one call (about twice as fast as record by record), leaving the position on the ','
        after the last of them; none when that fails.

        A boundary is a '},' followed by '{' and the first field name of the first record
        (records written by a program start alike, e.g. '{"id":'), which skips the boundaries
        between objects inside the record cut off at the window's end. A wrong guess costs
        time, never correctness: the text before a boundary inside a string or a record is no
        JSON array of objects, and orjson refuses it."""
        text = self.text
        start = _WHITESPACE.match(text, self.pos).end()  # type: ignore[union-attr]
        head = _FIRST_FIELD.match(text, start) if self.runs else None
        if head is None:
            return []
        end, tries = text.rfind("},", start), 0
        while end >= 0 and tries < 3:
            after = _WHITESPACE.match(text, end + 2).end()  # type: ignore[union-attr]
            if text.startswith(head.group(1), after):
                tries += 1
                try:
                    records = orjson.loads(f"[{text[start : end + 1]}]")
                except orjson.JSONDecodeError:
                    pass
                else:
                    self.pos = end + 1
                    return list(records)
            end = text.rfind("},", start, end)
        self.runs = False  # the careful way until more text is read
        return []


# --------------------------------------------------------------------------- writing


def write_document(
    write: Callable[[bytes], object],
    members: Mapping[str, Any],
    collections: Mapping[str, Iterable[Any]],
) -> None:
    """Write ``{**members, **collections}`` exactly as ``orjson.dumps`` does with
    OPT_INDENT_2 and OPT_APPEND_NEWLINE, taking the records of each collection as they come:
    an export holds one batch of records at a time, not the whole document."""
    parts = [*((key, value, False) for key, value in members.items())]
    parts += [(key, records, True) for key, records in collections.items()]
    if not parts:
        write(b"{}\n")
        return
    for i, (key, value, is_collection) in enumerate(parts):
        write((b"{\n  " if i == 0 else b",\n  ") + orjson.dumps(key) + b": ")
        if not is_collection:
            write(_indented(value, 2))
            continue
        empty = True
        for record in value:
            write((b"[\n    " if empty else b",\n    ") + _indented(record, 4))
            empty = False
        write(b"[]" if empty else b"\n  ]")
    write(b"\n}\n")


def _indented(value: Any, depth: int) -> bytes:
    # JSON text has no raw line breaks inside strings: every line break is orjson's layout.
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n" + b" " * depth)

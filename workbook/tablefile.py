"""Read the cells of a spreadsheet file (xlsx or csv) that someone filled in by hand.

Only reading, no meaning: :func:`read_sheets` returns every sheet as numbered rows of
raw cell values, or raises :class:`TableFileError` when the file is empty, binary,
unreadable or of a kind the workbook does not take. CSV files may use ``;`` or ``,``
(or tabs), UTF-8 with or without BOM, UTF-16 with BOM or Windows-1252, and may start
with Excel's ``sep=;`` line. :mod:`workbook.importer` gives the cells their meaning.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lazy import on_first_use

# openpyxl (~0.2 s) when an .xlsx file is read, not for a CSV.
openpyxl = on_first_use("openpyxl")

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


class TableFileError(ValueError):
    """The file cannot be read as a table; ``key`` and ``params`` name the reason (i18n)."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}")


@dataclass(frozen=True)
class Sheet:
    """One sheet's rows as ``(row number as a spreadsheet shows it, cell values)``.

    ``decimal`` is the decimal mark numbers written as text use in this sheet: ``","``
    for a ``;``-separated CSV (Flemish Excel), ``"."`` for a ``,``-separated one, None
    for xlsx (where numbers are numbers and text amounts follow the Flemish habit).
    """

    name: str
    rows: list[tuple[int, list[Any]]]
    decimal: str | None = None


def read_sheets(source: Path | str | bytes, filename: str | None = None) -> list[Sheet]:
    """Every sheet of an xlsx file, or the one table of a CSV file.

    ``source`` is a path or the file's bytes (an upload widget's content); ``filename``
    names it when bytes are given (its extension helps, the content decides).
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        filename = filename or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise TableFileError("too_big", megabytes=MAX_BYTES // (1024 * 1024))
            data = path.read_bytes()
        except (OSError, ValueError) as exc:
            if isinstance(exc, TableFileError):
                raise
            raise TableFileError("unreadable", reason=exc.__class__.__name__) from None
    else:
        data = bytes(source)
    name = filename or "upload"
    if len(data) > MAX_BYTES:
        raise TableFileError("too_big", megabytes=MAX_BYTES // (1024 * 1024))
    if not data.strip():
        raise TableFileError("empty")
    suffix = Path(name).suffix.lower()
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, name)
    if data.startswith(OLE_MAGIC) or suffix == ".xls":
        raise TableFileError("old_xls")
    if suffix in XLSX_SUFFIXES:
        raise TableFileError("not_xlsx")
    if suffix and suffix not in CSV_SUFFIXES:
        raise TableFileError("unsupported", suffix=suffix)
    return [_read_csv(data, name)]


def _read_xlsx(data: bytes, name: str) -> list[Sheet]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise TableFileError("not_xlsx", reason=exc.__class__.__name__) from None
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise TableFileError("not_xlsx", reason=exc.__class__.__name__) from None
    sheets = []
    for worksheet in book.worksheets:
        rows = []
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise TableFileError("too_many_rows", maximum=MAX_ROWS)
            rows.append((number, list(values)))
        sheets.append(Sheet(worksheet.title, rows, None))
    return sheets


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    elif data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise TableFileError("binary")
        return text
    raise TableFileError("binary")


def detect_delimiter(text: str) -> str:
    """``;``, ``,`` or a tab: the one the heading line uses most (Excel's ``sep=`` line wins)."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.strip().lower().startswith("sep=") and len(line.strip()) == 5:
            return line.strip()[4]
        counts = {delimiter: line.count(delimiter) for delimiter in (";", ",", "\t")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ";"
    return ";"


def _read_csv(data: bytes, name: str) -> Sheet:
    text = decode(data)
    delimiter = detect_delimiter(text)
    lines = text.splitlines(keepends=True)
    offset = 0
    if lines and lines[0].strip().lower() == f"sep={delimiter}".lower():
        lines, offset = lines[1:], 1
    reader = csv.reader(io.StringIO("".join(lines)), delimiter=delimiter)
    rows = []
    try:
        for number, cells in enumerate(reader, start=1 + offset):
            if number > MAX_ROWS:
                raise TableFileError("too_many_rows", maximum=MAX_ROWS)
            rows.append((number, cells))
    except csv.Error as exc:
        raise TableFileError("bad_csv", reason=str(exc)) from None
    decimal = {";": ",", ",": "."}.get(delimiter)
    return Sheet(Path(name).stem, rows, decimal)

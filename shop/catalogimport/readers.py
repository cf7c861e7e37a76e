"""Reading import files: CSV (any common delimiter, UTF-8/UTF-16/GB18030) and XLSX.

Everything a reader yields is text: spreadsheet numbers are turned into their
decimal text here (15 significant digits, as Excel shows them), so no float
ever reaches the money code. The file type is decided by content, never by
the file name.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.utils.translation import gettext as _

DELIMITERS = (",", ";", "\t", "|")
XLSX_MAX_UNCOMPRESSED = 500 * 1024 * 1024  # refuse zip bombs before openpyxl inflates them
_SNIFF_LINES = 50
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message says why, for the person who uploaded it."""


@dataclass
class Table:
    """The header row and the data rows of a file, every cell as stripped text.

    ``rows`` yields ``(row_number, cells)``; row numbers count the header as
    row 1, as a spreadsheet shows them. Completely empty rows are skipped.
    """

    kind: str
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str = ""
    delimiter: str = ""
    row_estimate: int | None = None
    notes: list[str] = field(default_factory=list)


def read_table(source: BinaryIO | bytes) -> Table:
    """Open an import file by its content: XLSX when it is a spreadsheet zip, CSV when it decodes as text."""
    data = source if isinstance(source, bytes) else source.read()
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    kind = detect_kind(data)
    return read_xlsx(data) if kind == "xlsx" else read_csv(data)


def detect_kind(data: bytes) -> str:
    """``"xlsx"`` or ``"csv"``; raises ImportFileError for anything else (old .xls, PDF, images, …)."""
    if data[:4] == b"PK\x03\x04":
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            raise ImportFileError(_("The file looks like a damaged zip archive, not a spreadsheet.")) from None
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return "xlsx"
        raise ImportFileError(_("The file is a zip archive but not an Excel workbook (.xlsx)."))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(_("Old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV."))
    decode_text(data)  # raises for binary and undecodable input
    return "csv"


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-16 by its BOM, else UTF-8 (BOM or not), else GB18030."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return _checked_text(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            raise ImportFileError(_("The file starts like UTF-16 text but does not decode as UTF-16.")) from None
    if b"\x00" in data:
        raise ImportFileError(_("The file is binary, not a CSV text file or an Excel workbook (.xlsx)."))
    try:
        return _checked_text(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked_text(data.decode("gb18030")), "gb18030"
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "The file is neither UTF-8 nor GBK/GB18030 text (byte 0x%(byte)02X at position %(position)d). "
                "Save it as CSV UTF-8."
            )
            % {"byte": exc.object[exc.start], "position": exc.start}
        ) from None


def _checked_text(text: str) -> str:
    if any(ch in _CONTROL for ch in text[:65536]):
        raise ImportFileError(_("The file is binary, not a CSV text file or an Excel workbook (.xlsx)."))
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter among , ; tab | that splits the first lines into the most consistent columns."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        rows = list(csv.reader(lines, delimiter=delimiter))
        width = len(rows[0])
        if width < 2:
            continue
        consistent = sum(1 for row in rows if len(row) == width) / len(rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes) -> Table:
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [cell.strip() for cell in next(reader)]
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    except csv.Error as exc:
        raise ImportFileError(_("The CSV header cannot be read: %(error)s") % {"error": exc}) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            for record in reader:
                number += 1
                cells = [cell.strip() for cell in record]
                if any(cells):
                    yield number, cells
        except csv.Error as exc:
            raise ImportFileError(
                _("Row %(row)d cannot be read as CSV: %(error)s") % {"row": number + 1, "error": exc}
            ) from None

    estimate = max(text.count("\n") - 1, 0)
    return Table("csv", headers, rows(), encoding=encoding, delimiter=delimiter, row_estimate=estimate)


def read_xlsx(data: bytes) -> Table:
    """The first worksheet of a workbook, read in openpyxl's read-only (streaming) mode."""
    from openpyxl import load_workbook

    archive = zipfile.ZipFile(io.BytesIO(data))
    if sum(info.file_size for info in archive.infolist()) > XLSX_MAX_UNCOMPRESSED:
        raise ImportFileError(_("The workbook unpacks to more than 500 MB; split it into smaller files."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        raise ImportFileError(_("The Excel workbook cannot be opened: %(error)s") % {"error": exc}) from None
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    first = next(values, None)
    if first is None:
        workbook.close()
        raise ImportFileError(_("The file is empty."))
    headers = [cell_text(cell) for cell in first]
    while headers and not headers[-1]:
        headers.pop()

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, record in enumerate(values, start=2):
                cells = [cell_text(cell) for cell in record]
                if any(cells):
                    yield number, cells
        finally:
            workbook.close()

    notes = []
    if len(workbook.worksheets) > 1:
        notes.append(
            _("Only the first worksheet (%(sheet)s) was read; the workbook has %(count)d.")
            % {"sheet": sheet.title, "count": len(workbook.worksheets)}
        )
    estimate = (sheet.max_row - 1) if sheet.max_row else None
    return Table("xlsx", headers, rows(), row_estimate=estimate, notes=notes)


def cell_text(value: object) -> str:
    """A spreadsheet cell as text; numbers with at most 15 significant digits, as Excel displays them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = format(value, ".15g")
        return format(Decimal(text), "f") if "e" in text else text
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()

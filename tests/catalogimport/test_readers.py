"""Reading files by content: delimiters, encodings, spreadsheets, and refusing what is not a table."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from shop.catalogimport.readers import ImportFileError, cell_text, read_table, sniff_delimiter


def rows_of(table) -> list[tuple[int, list[str]]]:
    return list(table.rows)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_every_common_delimiter_is_recognised(delimiter):
    text = delimiter.join(["sku", "title_en", "price"]) + "\n" + delimiter.join(["P-1", "Gel pen", "1.50"]) + "\n"

    table = read_table(text.encode())

    assert table.delimiter == delimiter
    assert table.headers == ["sku", "title_en", "price"]
    assert rows_of(table) == [(2, ["P-1", "Gel pen", "1.50"])]


def test_commas_inside_titles_do_not_fool_the_sniffer():
    text = "sku;title_en;price\nP-1;Ring binder A4, black, 2 rings;12,80\nP-2;Folder, blue;3,20\n"

    assert sniff_delimiter(text) == ";"


def test_gbk_text_is_decoded():
    table = read_table("sku,title_zh_hans\nP-1,中性笔 黑色\n".encode("gbk"))

    assert table.encoding == "gb18030"
    assert rows_of(table) == [(2, ["P-1", "中性笔 黑色"])]


def test_utf8_bom_is_not_part_of_the_first_header():
    table = read_table(b"\xef\xbb\xbfsku,title_en\nP-1,Pen\n")

    assert (table.encoding, table.headers) == ("utf-8", ["sku", "title_en"])


def test_utf16_with_bom_is_read_as_excel_unicode_text():
    table = read_table("sku\ttitle_zh_hans\nP-1\t铅笔\n".encode("utf-16"))

    assert table.delimiter == "\t"
    assert rows_of(table) == [(2, ["P-1", "铅笔"])]


def test_row_numbers_count_the_header_and_skip_blank_lines_without_renumbering():
    table = read_table(b"sku,title_en\nA,One\n,\n\nB,Two\n")

    assert rows_of(table) == [(2, ["A", "One"]), (5, ["B", "Two"])]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)), "binary"),
        ("sku,title_en\nX,Caf\u00e9 noir\n".encode("latin-1"), "neither UTF-8 nor GBK"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".xls"),
        (b"sku,title\x07\n", "binary"),
    ],
)
def test_input_that_is_not_a_table_is_refused_with_one_message(data, message):
    with pytest.raises(ImportFileError, match=message):
        read_table(data)


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<doc/>")

    with pytest.raises(ImportFileError, match="not an Excel workbook"):
        read_table(buffer.getvalue())


def test_xlsx_numbers_arrive_as_their_decimal_text():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["sku", "price", "stock", "note"])
    sheet.append([10023, 0.1 + 0.2, 12.0, None])
    sheet.append(["A-1", 1234567.89, 3, True])
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = read_table(buffer.getvalue())

    assert table.kind == "xlsx"
    assert rows_of(table) == [(2, ["10023", "0.3", "12", ""]), (3, ["A-1", "1234567.89", "3", "true"])]


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (1e-7, "0.0000001"), (1.5e16, "15000000000000000"), (7.61, "7.61"), ("  x ", "x")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text

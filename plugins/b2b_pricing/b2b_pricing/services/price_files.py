"""Reading a price list file (CSV or XLSX) into checked rows; every problem named by row and column.

Files are read with the core catalog import's readers (type by content, UTF-8,
UTF-16 or GB18030, any common delimiter). Columns, in any order, English or
Chinese headers:

=================  ==========  ===============================================================
column             also        meaning
=================  ==========  ===============================================================
sku                货号         supplier SKU or UPC of the product (required)
price              单价         fixed unit price in the list's currency (required unless tiers)
min_quantity       起订量       minimum order quantity (optional)
pack_size          包装倍数     quantities must be a multiple of it (optional)
tiers              阶梯价       quantity breaks, e.g. ``1-11:3.50; 12-143:3.20; 144+:2.90`` (optional)
mixed_variants     混合变体     yes/no: count a parent's variants together for its breaks (optional)
title              名称         ignored on import (the export writes it for people)
=================  ==========  ===============================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from shop.catalogimport.readers import Table
from shop.catalogimport.rows import RowError, parse_decimal, parse_price

from .editing import BreakInput, break_problems

SKU, PRICE, MIN_QUANTITY, PACK_SIZE, TIERS, MIXED, TITLE = (
    "sku", "price", "min_quantity", "pack_size", "tiers", "mixed_variants", "title"
)
COLUMNS = (SKU, TITLE, PRICE, MIN_QUANTITY, PACK_SIZE, TIERS, MIXED)
REQUIRED = (SKU, PRICE)
ALIASES = {
    "货号": SKU, "商品编码": SKU, "编码": SKU,
    "单价": PRICE, "价格": PRICE,
    "起订量": MIN_QUANTITY, "最小起订量": MIN_QUANTITY,
    "包装倍数": PACK_SIZE, "包装数": PACK_SIZE,
    "阶梯价": TIERS,
    "混合变体": MIXED,
    "名称": TITLE, "商品名称": TITLE,
}
MAX_ROWS = 100_000
_BREAK = re.compile(r"^\s*(\d+)\s*(?:(?:-|–|—|~|to)\s*(\d+)|(\+))?\s*[:：=@]\s*(.+?)\s*$")
_YES = {"yes", "y", "true", "1", "是", "x"}
_NO = {"no", "n", "false", "0", "否", ""}


@dataclass
class PriceRow:
    number: int
    sku: str
    price: Decimal | None
    min_quantity: int | None = None
    pack_size: int | None = None
    breaks: list[BreakInput] | None = None
    mixed_variants: bool | None = None


@dataclass
class ParsedFile:
    rows: list[PriceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # field → header as written


def column_plan(headers: list[str]) -> tuple[dict[str, int], dict[str, str], list[RowError]]:
    """Field → column index and header text; errors for missing or repeated columns (row 1)."""
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    errors = []
    for position, header in enumerate(headers):
        key = header.strip().lower().replace(" ", "_")
        name = ALIASES.get(header.strip(), key)
        if name not in COLUMNS:
            continue
        if name in index:
            errors.append(RowError(1, header, _("the column %(column)s appears twice") % {"column": name}))
            continue
        index[name], written[name] = position, header
    for name in REQUIRED:
        if name not in index:
            errors.append(RowError(1, name, _("the file has no %(column)s column") % {"column": name}))
    return index, written, errors


def parse_whole(text: str, positive: bool = True) -> int:
    try:
        value = parse_decimal(text)
    except ValueError:
        raise ValueError(_("%(value)r is not a whole number") % {"value": text}) from None
    if value != value.to_integral_value():
        raise ValueError(_("%(value)r is not a whole number") % {"value": text})
    if positive and value < 1:
        raise ValueError(_("must be 1 or more, got %(value)s") % {"value": text})
    if value > 10**9:
        raise ValueError(_("%(value)s is too large") % {"value": text})
    return int(value)


def parse_breaks(text: str, currency: str, decimal_comma: bool = False) -> list[BreakInput]:
    """``1-11:3.50; 12-143:3.20; 144+:2.90`` → breaks; ValueError naming the part that is wrong."""
    breaks = []
    for part in re.split(r"[;；\n]+", text):
        if not part.strip():
            continue
        match = _BREAK.match(part)
        if not match:
            raise ValueError(
                _("%(part)r is not a break like 12-143:3.20 or 144+:2.90") % {"part": part.strip()}
            )
        low, high, _plus, price_text = match.groups()
        try:
            price = parse_price(price_text, currency, decimal_comma)
        except ValueError as exc:
            raise ValueError(_("break %(part)s: %(error)s") % {"part": part.strip(), "error": exc}) from None
        breaks.append(BreakInput(int(low), int(high) if high else None, price))
    problems = break_problems(breaks, currency)
    if problems:
        raise ValueError("; ".join(problems))
    return breaks


def parse_flag(text: str) -> bool:
    folded = text.strip().lower()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValueError(_("%(value)r is not yes or no") % {"value": text})


def parse_table(table: Table, currency: str) -> ParsedFile:
    """Check every row of ``table`` for a list in ``currency``; duplicate SKUs are errors on each of their rows."""
    index, written, errors = column_plan(table.headers)
    parsed = ParsedFile(headers=written, errors=errors)
    if errors:
        return parsed
    decimal_comma = table.delimiter not in ("", ",")
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        if len(parsed.rows) + len({e.row for e in parsed.errors}) >= MAX_ROWS:
            parsed.errors.append(RowError(number, "", _("more than %(max)d rows; split the file") % {"max": MAX_ROWS}))
            break

        def cell(name: str, cells: list[str] = cells) -> str:
            position = index.get(name)
            return cells[position].strip() if position is not None and position < len(cells) else ""

        row_errors: list[RowError] = []

        def fail(name: str, message: str, number: int = number, row_errors: list[RowError] = row_errors) -> None:
            row_errors.append(RowError(number, written.get(name, name), message))

        sku = cell(SKU)
        if not sku:
            fail(SKU, _("a SKU is required"))
        elif sku.upper() in seen:
            fail(SKU, _("SKU %(sku)s is also on row %(other)d") % {"sku": sku, "other": seen[sku.upper()]})
        else:
            seen[sku.upper()] = number
        row = PriceRow(number, sku, None)
        if not cell(PRICE):
            if not cell(TIERS):
                fail(PRICE, _("a price is required (or quantity breaks in the tiers column)"))
        else:
            try:
                row.price = parse_price(cell(PRICE), currency, decimal_comma)
            except ValueError as exc:
                fail(PRICE, str(exc))
        for name in (MIN_QUANTITY, PACK_SIZE):
            if cell(name):
                try:
                    setattr(row, name, parse_whole(cell(name)))
                except ValueError as exc:
                    fail(name, str(exc))
        if TIERS in index:
            try:
                row.breaks = parse_breaks(cell(TIERS), currency, decimal_comma)
            except ValueError as exc:
                fail(TIERS, str(exc))
        if cell(MIXED):
            try:
                row.mixed_variants = parse_flag(cell(MIXED))
            except ValueError as exc:
                fail(MIXED, str(exc))
        if row_errors:
            parsed.errors.extend(row_errors)
        else:
            parsed.rows.append(row)
    return parsed


def format_breaks(breaks: list[tuple[int, int | None, Decimal]]) -> str:
    """Breaks in the file's ``tiers`` notation (the export's inverse of :func:`parse_breaks`)."""
    parts = []
    for low, high, price in breaks:
        label = f"{low}+" if high is None else f"{low}-{high}"
        parts.append(f"{label}:{price}")
    return "; ".join(parts)

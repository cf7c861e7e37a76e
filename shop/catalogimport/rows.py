"""Validating the rows of an import file, without the database.

Each row becomes a ``ProductRow`` of clean values or a list of ``RowError``
naming the row and column. An empty cell means "keep what is stored" (for a
new product: the field's default), so a file may carry only the columns it
means to change. Prices are ``Decimal`` and must fit the currency's minor
units; nothing is rounded silently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from shop.currency.money import UnknownCurrency, check_code, minor_units

from . import columns as C
from .columns import ColumnPlan

MAX_PRICE = Decimal("9999999999.99")  # StockRecord.price: 12 digits, 2 decimals
CATEGORY_SEPARATOR = ">"
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_SYMBOLS = "¥￥$€£ \u00a0"
_LIMITS = {C.SKU: 128, C.UPC: 64, C.TITLE_EN: 255, C.TITLE_ZH: 255, C.PRODUCT_CLASS: 128}


@dataclass(frozen=True)
class RowError:
    """A problem with one cell (or one row, when ``column`` is empty), in words for the uploader."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row and self.column:
            return _("row %(row)d, column %(column)s: %(message)s") % self.as_dict()
        if self.row:
            return _("row %(row)d: %(message)s") % self.as_dict()
        return self.message

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ProductRow:
    """The clean values of one row. ``None`` (or a missing key) means: the file says nothing, keep it."""

    number: int
    sku: str
    upc: str | None = None
    texts: dict[str, str] = field(default_factory=dict)  # title_en, title_zh_hans, description_*
    category: list[str] | None = None
    category_zh: list[str] | None = None
    product_class: str | None = None
    price: Decimal | None = None
    currency: str = ""
    currency_prices: dict[str, str] = field(default_factory=dict)
    stock: int | None = None
    attributes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (text, column header)


def parse_decimal(text: str, decimal_comma: bool = False) -> Decimal:
    """``"12.50"``, ``"1,234.50"``, ``"¥12.50"``, and ``"12,50"`` when commas are not the delimiter.

    Raises ValueError for anything else (including NaN and infinity).
    """
    value = text.strip(_SYMBOLS).replace("\u00a0", "").replace(" ", "")
    if _GROUPED.fullmatch(value):
        value = value.replace(",", "")
    elif decimal_comma and re.fullmatch(r"[+-]?\d+,\d{1,2}", value):
        value = value.replace(",", ".")
    if not _NUMBER.fullmatch(value):
        raise ValueError(text)
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(text) from None


def parse_price(text: str, currency: str, decimal_comma: bool = False) -> Decimal:
    """A price > 0 with no more decimals than the currency has; raises ValueError with the reason."""
    try:
        value = parse_decimal(text, decimal_comma)
    except ValueError:
        raise ValueError(_("%(value)r is not a price") % {"value": text}) from None
    if value <= 0:
        raise ValueError(_("a price must be greater than zero, got %(value)s") % {"value": text})
    if value > MAX_PRICE:
        raise ValueError(_("%(value)s is too large for a price") % {"value": text})
    places = minor_units(currency)
    if -value.as_tuple().exponent > places:
        raise ValueError(
            _("%(value)s has more decimals than %(currency)s allows (%(places)d)")
            % {"value": text, "currency": currency, "places": places}
        )
    return value


def parse_quantity(text: str) -> int:
    try:
        value = parse_decimal(text)
    except ValueError:
        raise ValueError(_("%(value)r is not a whole number") % {"value": text}) from None
    if value != value.to_integral_value():
        raise ValueError(_("%(value)r is not a whole number") % {"value": text})
    if value < 0:
        raise ValueError(_("stock cannot be negative, got %(value)s") % {"value": text})
    if value > 2**31 - 1:
        raise ValueError(_("%(value)s is too large for a stock level") % {"value": text})
    return int(value)


def parse_category_path(text: str) -> list[str]:
    names = [name.strip() for name in text.split(CATEGORY_SEPARATOR)]
    if any(not name for name in names):
        raise ValueError(_("%(value)r is not a category path like 'Office Supplies > Binders'") % {"value": text})
    if any(len(name) > 255 for name in names):
        raise ValueError(_("a category name is longer than 255 characters"))
    return names


class RowParser:
    """Turns the cells of one row into a ``ProductRow`` using a column plan."""

    def __init__(self, plan: ColumnPlan, decimal_comma: bool = False) -> None:
        self.plan = plan
        self.decimal_comma = decimal_comma
        self.base_currency = settings.SHOP_BASE_CURRENCY

    def parse(self, number: int, cells: list[str]) -> tuple[ProductRow | None, list[RowError]]:
        errors: list[RowError] = []
        plan = self.plan

        def cell(name: str) -> str:
            column = plan.by_field.get(name)
            return cells[column.index].strip() if column and column.index < len(cells) else ""

        def fail(name: str, message: str) -> None:
            column = plan.by_field.get(name)
            errors.append(RowError(number, column.header if column else name, message))

        for name, limit in _LIMITS.items():
            if len(cell(name)) > limit:
                fail(name, _("longer than %(limit)d characters") % {"limit": limit})
        row = ProductRow(number=number, sku=cell(C.SKU))
        if not row.sku:
            fail(C.SKU, _("a SKU is required"))
        row.upc = cell(C.UPC) or None
        for name in (C.TITLE_EN, C.TITLE_ZH, C.DESCRIPTION_EN, C.DESCRIPTION_ZH):
            if cell(name):
                row.texts[name] = cell(name)
        if not (cell(C.TITLE_EN) or cell(C.TITLE_ZH)):
            title_column = C.TITLE_EN if plan.has(C.TITLE_EN) else C.TITLE_ZH
            fail(title_column, _("a product needs a title in title_en or title_zh_hans"))
        self._category(row, cell, fail)
        row.product_class = cell(C.PRODUCT_CLASS) or None
        self._prices(row, cells, cell, fail, errors)
        if cell(C.STOCK):
            try:
                row.stock = parse_quantity(cell(C.STOCK))
            except ValueError as exc:
                fail(C.STOCK, str(exc))
        for column in plan.attributes:
            text = cells[column.index].strip() if column.index < len(cells) else ""
            if text:
                row.attributes[column.attribute] = (text, column.header)
        return (None, errors) if errors else (row, [])

    @staticmethod
    def _category(row: ProductRow, cell, fail) -> None:
        for name in (C.CATEGORY, C.CATEGORY_ZH):
            if not cell(name):
                continue
            try:
                path = parse_category_path(cell(name))
            except ValueError as exc:
                fail(name, str(exc))
                continue
            if name == C.CATEGORY:
                row.category = path
            else:
                row.category_zh = path
        if row.category and row.category_zh and len(row.category) != len(row.category_zh):
            fail(
                C.CATEGORY_ZH,
                _("has %(zh)d levels but category has %(en)d")
                % {
                    "zh": len(row.category_zh),
                    "en": len(row.category),
                },
            )

    def _prices(self, row: ProductRow, cells: list[str], cell, fail, errors: list[RowError]) -> None:
        row.currency = self.base_currency
        if cell(C.CURRENCY):
            try:
                row.currency = check_code(cell(C.CURRENCY))
            except UnknownCurrency:
                fail(
                    C.CURRENCY,
                    _("%(value)r is not a currency this shop trades in (%(currencies)s)")
                    % {
                        "value": cell(C.CURRENCY),
                        "currencies": ", ".join(settings.SHOP_CURRENCIES),
                    },
                )
                return
        if cell(C.PRICE):
            try:
                row.price = parse_price(cell(C.PRICE), row.currency, self.decimal_comma)
            except ValueError as exc:
                fail(C.PRICE, str(exc))
        for column in self.plan.currency_prices:
            text = cells[column.index].strip() if column.index < len(cells) else ""
            if not text:
                continue
            if column.currency == row.currency:
                errors.append(
                    RowError(
                        row.number,
                        column.header,
                        _("%(currency)s is this row's own currency; give that price in column price")
                        % {"currency": column.currency},
                    )
                )
                continue
            try:
                row.currency_prices[column.currency] = str(parse_price(text, column.currency, self.decimal_comma))
            except ValueError as exc:
                errors.append(RowError(row.number, column.header, str(exc)))


def duplicate_errors(rows: list[ProductRow], plan: ColumnPlan) -> list[RowError]:
    """One error on every row whose SKU (or UPC) appears on another row of the file too."""
    errors = []
    for name, key in ((C.SKU, lambda r: r.sku.casefold()), (C.UPC, lambda r: r.upc)):
        where: dict[str, list[ProductRow]] = defaultdict(list)
        for row in rows:
            if key(row):
                where[key(row)].append(row)
        header = plan.by_field[name].header if plan.has(name) else name
        for group in where.values():
            if len(group) < 2:
                continue
            numbers = ", ".join(str(r.number) for r in group)
            for row in group:
                value = row.sku if name == C.SKU else row.upc
                errors.append(
                    RowError(
                        row.number,
                        header,
                        _("%(value)r appears on rows %(rows)s; each may appear only once in a file")
                        % {"value": value, "rows": numbers},
                    )
                )
    return errors

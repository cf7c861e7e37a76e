"""Exporting a price list in the import's own format (CSV or XLSX), so an export re-imports unchanged."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .catalog import product_queryset, sku_of
from .price_files import COLUMNS, format_breaks

if TYPE_CHECKING:
    from ..models import PriceList

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def price_list_rows(price_list: PriceList) -> Iterator[list[str]]:
    """Header, then one row per product with an entry, in the columns of :data:`price_files.COLUMNS`."""
    from ..models import PriceListEntry, QuantityBreak, TierTable

    yield list(COLUMNS)
    breaks = defaultdict(list)
    for product_id, low, high, price in QuantityBreak.objects.filter(table__price_list=price_list).order_by(
        "table__product_id", "min_quantity"
    ).values_list("table__product_id", "min_quantity", "max_quantity", "price"):
        breaks[product_id].append((low, high, price))
    mixed = set(
        TierTable.objects.filter(price_list=price_list, count_variants_together=True).values_list(
            "product_id", flat=True
        )
    )
    entries = {e.product_id: e for e in PriceListEntry.objects.filter(price_list=price_list)}
    product_ids = sorted(set(entries) | set(breaks))
    products = product_queryset().in_bulk(product_ids)
    for product_id in product_ids:
        product, entry = products[product_id], entries.get(product_id)
        yield [
            safe_cell(sku_of(product)),
            safe_cell(product.get_title()),
            str(entry.price) if entry else "",
            str(entry.min_quantity or "") if entry else "",
            str(entry.pack_size or "") if entry else "",
            format_breaks(breaks.get(product_id, [])),
            "yes" if product_id in mixed else "",
        ]


def as_csv(price_list: PriceList) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in price_list_rows(price_list):
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(price_list: PriceList) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="prices")
    for row in price_list_rows(price_list):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

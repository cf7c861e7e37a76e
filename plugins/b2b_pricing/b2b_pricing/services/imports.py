"""Importing a price list file: check everything first, then save all rows or none.

A row states a product's entry completely: price, minimum and pack multiple
(empty = the list's default) and, when the file has a ``tiers`` column, its
quantity breaks (an empty cell removes them). ``replace`` also removes the
entries and breaks of products the file does not name. A dry run reports what
would change and saves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from shop.catalogimport.readers import ImportFileError, read_table
from shop.catalogimport.rows import RowError
from shop.core import audit

from . import revisions
from .catalog import products_by_sku
from .price_files import SKU, TIERS, ParsedFile, PriceRow, parse_table

if TYPE_CHECKING:
    from ..models import PriceList


@dataclass
class ImportReport:
    dry_run: bool
    replace: bool
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    tiers_set: int = 0
    tiers_removed: int = 0
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _resolve(parsed: ParsedFile) -> dict[int, Any]:
    """Row number → product; unknown, ambiguous and parent-less problems become row errors."""
    column = parsed.headers.get(SKU, SKU)
    lookup = products_by_sku(row.sku for row in parsed.rows)
    products = {}
    for row in parsed.rows:
        if row.sku in lookup.ambiguous:
            parsed.errors.append(RowError(row.number, column, _("SKU %(sku)s names several products; use its UPC")
                                          % {"sku": row.sku}))
        elif row.sku not in lookup.found:
            parsed.errors.append(RowError(row.number, column, _("no product has SKU %(sku)s") % {"sku": row.sku}))
        else:
            products[row.number] = lookup.found[row.sku]
    seen: dict[int, int] = {}
    for row in parsed.rows:
        product = products.get(row.number)
        if product is None:
            continue
        if product.pk in seen:
            parsed.errors.append(RowError(row.number, column, _("the same product as row %(other)d")
                                          % {"other": seen[product.pk]}))
        else:
            seen[product.pk] = row.number
    return products


def import_price_file(
    price_list: PriceList, data: bytes, *, dry_run: bool, replace: bool = False, user: Any = None
) -> ImportReport:
    """Check ``data`` against ``price_list`` and, unless ``dry_run`` or anything is wrong, save it all."""
    report = ImportReport(dry_run=dry_run, replace=replace)
    try:
        table = read_table(data)
    except ImportFileError as exc:
        report.errors.append(RowError(None, "", str(exc)))
        return report
    report.notes.extend(table.notes)
    parsed = parse_table(table, price_list.currency)
    report.rows = len(parsed.rows) + len({e.row for e in parsed.errors if e.row and e.row > 1})
    products = _resolve(parsed)
    if parsed.errors:
        report.errors = sorted(parsed.errors, key=lambda e: e.row or 0)
        return report
    with transaction.atomic():
        _apply(price_list, parsed, products, report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            revisions.touch(price_list.pk)
            report.saved = True
    if report.saved:
        audit.record(user, "b2b_pricing.list.imported", price_list, {
            "created": report.created, "changed": report.changed, "removed": report.removed,
            "tiers_set": report.tiers_set, "tiers_removed": report.tiers_removed,
        })
    return report


def _apply(price_list: PriceList, parsed: ParsedFile, products: dict[int, Any], report: ImportReport) -> None:
    from ..models import PriceListEntry, TierTable

    entries = {e.product_id: e for e in PriceListEntry.objects.filter(price_list=price_list)}
    tables = {t.product_id: t for t in TierTable.objects.filter(price_list=price_list).prefetch_related("breaks")}
    new_entries, changed_entries, dropped = [], [], []
    named = set()
    for row in parsed.rows:
        product = products[row.number]
        named.add(product.pk)
        entry = entries.get(product.pk)
        values = {"price": row.price, "min_quantity": row.min_quantity, "pack_size": row.pack_size}
        if row.price is None:  # breaks only: the row has no fixed price
            if entry is not None:
                dropped.append(entry.pk)
                report.changed += 1
            continue
        if entry is None:
            new_entries.append(PriceListEntry(price_list=price_list, product=product, **values))
            report.created += 1
        elif any(getattr(entry, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(entry, key, value)
            changed_entries.append(entry)
            report.changed += 1
        else:
            report.unchanged += 1
    PriceListEntry.objects.filter(pk__in=dropped).delete()
    PriceListEntry.objects.bulk_create(new_entries, batch_size=500)
    PriceListEntry.objects.bulk_update(changed_entries, ["price", "min_quantity", "pack_size"], batch_size=500)
    if TIERS in parsed.headers:
        _apply_tiers(price_list, parsed.rows, products, tables, report)
    if report.replace:
        gone = [pk for pk in entries if pk not in named]
        report.removed = PriceListEntry.objects.filter(price_list=price_list, product_id__in=gone).delete()[0]
        stale_tables = [t.pk for pk, t in tables.items() if pk not in named]
        TierTable.objects.filter(pk__in=stale_tables).delete()
        report.tiers_removed += len(stale_tables)


def _apply_tiers(
    price_list: PriceList,
    rows: list[PriceRow],
    products: dict[int, Any],
    tables: dict[int, Any],
    report: ImportReport,
) -> None:
    from ..models import QuantityBreak, TierTable

    drop, create = [], []
    for row in rows:
        product = products[row.number]
        table = tables.get(product.pk)
        wanted = sorted((b.min_quantity, b.max_quantity, b.price) for b in row.breaks or [])
        mixed = bool(row.mixed_variants)
        if table is not None:
            current = sorted((b.min_quantity, b.max_quantity, b.price) for b in table.breaks.all())
            if current == wanted and table.count_variants_together == mixed:
                continue
            drop.append(table.pk)
            if not wanted:
                report.tiers_removed += 1
        if wanted:
            create.append((TierTable(price_list=price_list, product=product, count_variants_together=mixed), wanted))
            report.tiers_set += 1
    if drop:
        TierTable.objects.filter(pk__in=drop).delete()
    TierTable.objects.bulk_create([table for table, _wanted in create], batch_size=500)
    QuantityBreak.objects.bulk_create(
        (
            QuantityBreak(table=table, min_quantity=low, max_quantity=high, price=price)
            for table, wanted in create
            for low, high, price in wanted
        ),
        batch_size=500,
    )
